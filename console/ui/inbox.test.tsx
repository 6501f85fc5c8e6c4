// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { useState } from 'preact/hooks'
import { afterEach, describe, expect, it } from 'vitest'
import {
  conversationsInTab,
  type InboxTab,
  mergeConversations,
  type Route,
  tabSummaries,
} from '../state/index.ts'
import { wireConversation, wireMessage } from '../state/test-fixtures.ts'
import { Inbox } from './inbox.tsx'

afterEach(cleanup)

const me = 'op-me'
const now = 2_000_000
const state = mergeConversations({}, [
  wireConversation({
    id: 'w1',
    visitorName: 'Dana',
    lastSeq: 2,
    createdAt: now - 12 * 60_000,
    updatedAt: now - 120_000,
    lastMessage: wireMessage({
      conversationId: 'w1',
      seq: 2,
      body: 'Do you ship to Norway?',
      createdAt: now - 120_000,
    }),
  }),
  wireConversation({ id: 'w2', lastSeq: 1, createdAt: now - 10_000, updatedAt: now - 10_000 }),
  wireConversation({ id: 'm1', assigneeId: me, lastSeq: 3, operatorReadSeq: 3 }),
  wireConversation({ id: 'x1', status: 'closed' }),
])

function Harness({ onNavigate }: { onNavigate(route: Route): void }) {
  const [tab, setTab] = useState<InboxTab>('waiting')
  return (
    <Inbox
      tab={tab}
      onTab={setTab}
      summaries={tabSummaries(state, me, () => undefined)}
      conversations={conversationsInTab(state, tab, me)}
      knownMessages={() => undefined}
      selectedId={null}
      now={now}
      navigate={onNavigate}
    />
  )
}

describe('Inbox', () => {
  it('renders the tabs with conversation and unread counts', () => {
    render(<Harness onNavigate={() => undefined} />)
    const waiting = screen.getByTestId('tab-waiting')
    expect(waiting.getAttribute('aria-selected')).toBe('true')
    expect(waiting.dataset.count).toBe('2')
    expect(waiting.dataset.unread).toBe('3')
    expect(screen.getByTestId('tab-waiting-unread').textContent).toBe('3 unread')
    expect(screen.getByTestId('tab-mine').dataset.count).toBe('1')
    expect(screen.queryByTestId('tab-mine-unread')).toBeNull()
    expect(screen.getByTestId('tab-closed').dataset.count).toBe('1')
  })

  it('lists Waiting longest waiting first with preview, time, how long they waited and unread badge', () => {
    render(<Harness onNavigate={() => undefined} />)
    const items = screen.getAllByTestId('inbox-item')
    expect(items.map((i) => i.dataset.conversationId)).toEqual(['w1', 'w2'])
    expect(items[0]!.textContent).toContain('Dana')
    expect(items[0]!.textContent).toContain('Do you ship to Norway?')
    expect(items[0]!.textContent).toContain('2 min ago')
    expect(screen.getAllByTestId('waited').map((w) => w.textContent)).toEqual([
      'waiting 12 min',
      'waiting under 1 min',
    ])
    expect(items[0]!.dataset.unread).toBe('2')
    expect(items[0]!.getAttribute('href')).toBe('/console/c/w1')
  })

  it('shows how long they waited only in Waiting', () => {
    render(<Harness onNavigate={() => undefined} />)
    fireEvent.click(screen.getByTestId('tab-mine'))
    expect(screen.queryByTestId('waited')).toBeNull()
  })

  it('switches tabs by click and by arrow keys, and opens a conversation in place', () => {
    const routes: Route[] = []
    render(<Harness onNavigate={(r) => routes.push(r)} />)
    fireEvent.click(screen.getByTestId('tab-mine'))
    expect(screen.getAllByTestId('inbox-item').map((i) => i.dataset.conversationId)).toEqual(['m1'])
    fireEvent.keyDown(screen.getByTestId('tab-mine'), { key: 'ArrowRight' })
    expect(screen.getByTestId('tab-closed').getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(screen.getByTestId('tab-closed'))
    fireEvent.click(screen.getAllByTestId('inbox-item')[0]!)
    expect(routes).toEqual([{ name: 'conversation', id: 'x1' }])
  })
})
