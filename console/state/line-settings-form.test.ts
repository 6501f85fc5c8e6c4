import { describe, expect, it } from 'vitest'
import { getIn, insertAt, moveBy, removeAt, setIn, toggleIn } from './edit-path.ts'
import { draftReducer, fieldIssues, initDraft, isDraftDirty } from './forms-draft.ts'
import { lineDetail } from './line-fixtures.ts'
import { type LineFormAction, type LineFormState, lineDraftOf } from './line-settings-form.ts'

const reduce = (state: LineFormState, ...actions: LineFormAction[]) =>
  actions.reduce<LineFormState>(draftReducer, state)
const queuePath = ['settings', 'routing', 'queue'] as const

describe('edit paths', () => {
  const value = { a: { list: [1, 2, 3] }, b: 'keep' }

  it('reads and writes by path without touching the original', () => {
    const next = setIn(value, ['a', 'list', 1], 9)
    expect(next).toEqual({ a: { list: [1, 9, 3] }, b: 'keep' })
    expect(value.a.list).toEqual([1, 2, 3])
    expect(next.b).toBe(value.b)
    expect(getIn(next, ['a', 'list', 1])).toBe(9)
    expect(getIn(next, ['nope', 'deeper'])).toBeUndefined()
  })

  it('inserts, removes, moves within bounds and toggles', () => {
    expect(insertAt(value, ['a', 'list'], 4).a.list).toEqual([1, 2, 3, 4])
    expect(insertAt(value, ['a', 'list'], 0, 0).a.list).toEqual([0, 1, 2, 3])
    expect(removeAt(value, ['a', 'list'], 1).a.list).toEqual([1, 3])
    expect(moveBy(value, ['a', 'list'], 0, 1).a.list).toEqual([2, 1, 3])
    expect(moveBy(value, ['a', 'list'], 2, -1).a.list).toEqual([1, 3, 2])
    expect(moveBy(value, ['a', 'list'], 0, -1)).toBe(value)
    expect(moveBy(value, ['a', 'list'], 2, 1)).toBe(value)
    expect(toggleIn(value, ['a', 'list'], 2).a.list).toEqual([1, 3])
    expect(toggleIn(value, ['a', 'list'], 7).a.list).toEqual([1, 2, 3, 7])
  })
})

describe('the line settings draft', () => {
  const initial = initDraft(lineDraftOf(lineDetail()))

  it('edits the queue: add, reorder, remove — and knows it is dirty until reset', () => {
    const state = reduce(
      initial,
      { type: 'insert', path: queuePath, value: 'ann' },
      { type: 'insert', path: queuePath, value: 'bob' },
      { type: 'insert', path: queuePath, value: 'cy' },
      { type: 'move', path: queuePath, index: 2, by: -1 },
      { type: 'remove', path: queuePath, index: 0 },
    )
    expect(state.draft.settings.routing.queue).toEqual(['cy', 'bob'])
    expect(isDraftDirty(state)).toBe(true)
    expect(initial.draft.settings.routing.queue).toEqual([])
    const reset = reduce(state, { type: 'reset' })
    expect(reset.draft).toBe(initial.saved)
    expect(isDraftDirty(reset)).toBe(false)
  })

  it('edits working hours: intervals per day, days off, holidays and exceptions', () => {
    const wh = ['settings', 'workingHours'] as const
    const state = reduce(
      initial,
      { type: 'set', path: [...wh, 'timeZone'], value: 'Europe/Warsaw' },
      { type: 'insert', path: [...wh, 'weekly', 'sat'], value: { from: '10:00', to: '14:00' } },
      { type: 'set', path: [...wh, 'weekly', 'mon', 0, 'to'], value: '17:00' },
      { type: 'remove', path: [...wh, 'weekly', 'fri'], index: 0 },
      { type: 'toggle', path: [...wh, 'daysOff'], value: 'wed' },
      { type: 'insert', path: [...wh, 'holidays', 'yearly'], value: '25.12' },
      { type: 'insert', path: [...wh, 'exceptions'], value: { date: '2026-12-24', intervals: [] } },
      { type: 'insert', path: [...wh, 'exceptions', 0, 'intervals'], value: { from: '09:00', to: '13:00' } },
    )
    const hours = state.draft.settings.workingHours
    expect(hours.timeZone).toBe('Europe/Warsaw')
    expect(hours.weekly.sat).toEqual([{ from: '10:00', to: '14:00' }])
    expect(hours.weekly.mon).toEqual([{ from: '09:00', to: '17:00' }])
    expect(hours.weekly.fri).toEqual([])
    expect(hours.daysOff).toEqual(['wed'])
    expect(hours.holidays.yearly).toEqual(['25.12'])
    expect(hours.exceptions).toEqual([{ date: '2026-12-24', intervals: [{ from: '09:00', to: '13:00' }] }])
  })

  it('keeps server issues by path, clears a field error when the field (or its list) is edited', () => {
    const failed = reduce(
      initial,
      { type: 'save.started' },
      {
        type: 'save.failed',
        message: 'The request body does not match the schema',
        issues: [
          { code: 'custom', path: ['settings', 'routing', 'queue', 1], message: 'not an operator' },
          { path: ['settings', 'workingHours', 'timeZone'], message: 'unknown time zone' },
          { path: ['settings', 'workingHours', 'timeZone'], message: 'second issue, same field' },
          'junk',
        ],
      },
    )
    expect(failed.status).toBe('failed')
    expect(failed.errors).toEqual({
      'settings.routing.queue.1': 'not an operator',
      'settings.workingHours.timeZone': 'unknown time zone',
    })
    expect(failed.issues).toHaveLength(3)
    const edited = reduce(failed, { type: 'remove', path: queuePath, index: 1 })
    expect(edited.errors).toEqual({ 'settings.workingHours.timeZone': 'unknown time zone' })
    expect(edited.status).toBe('editing')
  })

  it('takes the saved line as the new baseline', () => {
    const saved = lineDetail({ name: 'Sales' })
    const state = reduce(
      initial,
      { type: 'set', path: ['name'], value: 'Sales' },
      { type: 'save.started' },
      { type: 'save.succeeded', saved: lineDraftOf(saved) },
    )
    expect(state.status).toBe('saved')
    expect(state.saved).toEqual({ name: 'Sales', settings: saved.settings })
    expect(isDraftDirty(state)).toBe(false)
  })

  it('fieldIssues ignores issues without a path or message', () => {
    expect(fieldIssues([{ path: ['name'], message: 'too short' }, { message: 'x' }, null])).toEqual([
      { path: ['name'], message: 'too short' },
    ])
    expect(fieldIssues(undefined)).toEqual([])
  })
})
