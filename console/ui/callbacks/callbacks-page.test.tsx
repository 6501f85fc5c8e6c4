// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallbackView } from '../../api/callbacks-api.ts'
import { createCallbackFeed } from '../../state/callbacks-feed.ts'
import { CallbacksPage } from './callbacks-page.tsx'

const NOW = Date.UTC(2025, 2, 12, 9, 0)

const callback: CallbackView = {
  id: 'cb1',
  lineId: 'line-1',
  widgetId: 'w1',
  visitorId: 'v',
  name: 'Dana',
  phone: '+48600000000',
  topic: 'Delivery',
  preferred: 'asap',
  dueAt: NOW + 5 * 60_000,
  status: 'new',
  assigneeId: null,
  consentText: null,
  consentAt: null,
  locale: 'en',
  visitorTimeZone: null,
  createdAt: NOW,
  updatedAt: NOW,
}

function renderPage(list: CallbackView[]) {
  render(
    <CallbacksPage
      api={{
        list: async () => list,
        assign: async () => callback,
        outcome: async () => callback,
        reschedule: async () => callback,
      }}
      feed={createCallbackFeed()}
      clock={{ now: () => NOW }}
      timers={{ setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout }}
      operatorId="op-me"
    />,
  )
}

describe('callbacks page: extra callback fields (issue 5 item 3)', () => {
  afterEach(cleanup)

  it("shows the visitor's answers to the extra fields under their labels", async () => {
    renderPage([{ ...callback, extra: { 'Order number': 'A-1042', 'Best time': 'Evenings' } }])
    const extra = await screen.findByTestId('callback-extra')
    const terms = within(extra)
      .getAllByRole('term')
      .map((node) => node.textContent)
    const answers = within(extra)
      .getAllByRole('definition')
      .map((node) => node.textContent)
    expect(terms).toEqual(['Order number', 'Best time'])
    expect(answers).toEqual(['A-1042', 'Evenings'])
  })

  it('shows nothing extra for a callback without extra answers', async () => {
    renderPage([callback, { ...callback, id: 'cb2', extra: {} }])
    expect(await screen.findAllByTestId('callback-item')).toHaveLength(2)
    expect(screen.queryByTestId('callback-extra')).toBeNull()
  })
})
