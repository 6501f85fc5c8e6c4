import { describe, expect, it } from 'vitest'
import type { Callback } from '../store/callback-types.ts'
import { planCallbackChange } from './transitions.ts'

const NOW = 1_700_000_000_000
const base: Callback = {
  id: 'c1',
  workspaceId: 'w',
  lineId: 'l',
  widgetId: 'wg',
  visitorId: 'v',
  name: 'Ann',
  phone: '+48601234567',
  topic: null,
  preferred: 'asap',
  dueAt: NOW,
  status: 'new',
  assigneeId: null,
  consentText: null,
  consentAt: null,
  locale: null,
  visitorTimeZone: null,
  extra: {},
  createdAt: NOW,
  updatedAt: NOW,
}

describe('planCallbackChange', () => {
  it('assigns a new callback, expecting it unchanged', () => {
    const plan = planCallbackChange(base, { kind: 'assign', operatorId: 'op2' }, 'op1', NOW)
    expect(plan).toEqual({
      expected: { status: 'new', assigneeId: null, dueAt: NOW },
      set: { status: 'assigned', assigneeId: 'op2', dueAt: NOW },
      event: { type: 'assigned', actorId: 'op1', data: { assigneeId: 'op2' } },
      now: NOW,
    })
  })

  it('marks called and makes the caller the assignee of an unassigned callback', () => {
    const plan = planCallbackChange(base, { kind: 'outcome', outcome: 'called' }, 'op1', NOW)
    expect(plan).toMatchObject({ set: { status: 'called', assigneeId: 'op1' }, event: { type: 'called' } })
  })

  it('keeps the assignee on no answer', () => {
    const assigned = { ...base, status: 'assigned' as const, assigneeId: 'op2' }
    const plan = planCallbackChange(assigned, { kind: 'outcome', outcome: 'no_answer' }, 'op1', NOW)
    expect(plan).toMatchObject({ set: { status: 'no_answer', assigneeId: 'op2' } })
  })

  it('reschedules a missed call back into the queue, recording from and to', () => {
    const missed = { ...base, status: 'no_answer' as const, assigneeId: 'op2' }
    const plan = planCallbackChange(missed, { kind: 'reschedule', dueAt: NOW + 3_600_000 }, 'op2', NOW)
    expect(plan).toMatchObject({
      set: { status: 'assigned', assigneeId: 'op2', dueAt: NOW + 3_600_000 },
      event: { type: 'rescheduled', data: { from: NOW, to: NOW + 3_600_000 } },
    })
  })

  it('refuses a reschedule into the past', () => {
    expect(
      planCallbackChange(base, { kind: 'reschedule', dueAt: NOW - 3_600_000 }, 'op1', NOW),
    ).toMatchObject({
      refused: 'due_in_past',
    })
  })

  it('refuses every change once called', () => {
    const called = { ...base, status: 'called' as const, assigneeId: 'op1' }
    for (const action of [
      { kind: 'assign', operatorId: 'op1' },
      { kind: 'outcome', outcome: 'no_answer' },
      { kind: 'reschedule', dueAt: NOW },
    ] as const) {
      expect(planCallbackChange(called, action, 'op1', NOW)).toMatchObject({ refused: 'already_called' })
    }
  })
})
