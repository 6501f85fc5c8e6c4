import { describe, expect, it } from 'vitest'
import type { WireCallback } from '../../server/protocol/messages.ts'
import { relativeDue, upsertCallback } from './callbacks.ts'

const cb = (id: string, dueAt: number, status: WireCallback['status'] = 'new'): WireCallback => ({
  id,
  lineId: 'l',
  widgetId: 'w',
  visitorId: 'v',
  name: id,
  phone: '+48601234567',
  topic: null,
  preferred: 'asap',
  dueAt,
  status,
  assigneeId: null,
  consentText: null,
  consentAt: null,
  locale: null,
  visitorTimeZone: null,
  createdAt: 0,
  updatedAt: 0,
})

describe('upsertCallback', () => {
  it('keeps the queue due soonest first and replaces a known callback', () => {
    let list = upsertCallback([], cb('b', 200), 'open')
    list = upsertCallback(list, cb('a', 100), 'open')
    list = upsertCallback(list, cb('b', 50, 'assigned'), 'open')
    expect(list.map((c) => [c.id, c.status])).toEqual([
      ['b', 'assigned'],
      ['a', 'new'],
    ])
  })

  it('drops a callback that leaves the filter (called while showing open ones)', () => {
    const list = upsertCallback([cb('a', 1)], cb('a', 1, 'called'), 'open')
    expect(list).toEqual([])
    expect(upsertCallback([cb('a', 1)], cb('a', 1, 'called'), 'all')).toHaveLength(1)
  })
})

describe('relativeDue', () => {
  it.each([
    [0, 'due now'],
    [5 * 60_000, 'in 5 min'],
    [-12 * 60_000, '12 min overdue'],
    [3 * 3_600_000, 'in 3 h'],
    [3 * 86_400_000, 'in 3 d'],
  ])('%i ms → %s', (delta, text) => {
    expect(relativeDue(1_000_000 + delta, 1_000_000)).toBe(text)
  })
})
