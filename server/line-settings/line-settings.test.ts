import { describe, expect, it } from 'vitest'
import { DEFAULT_TEXTS } from '../auto-replies/index.ts'
import { routingSettingsSchema } from '../routing/index.ts'
import { DEFAULT_WORKING_HOURS } from '../working-hours/index.ts'
import { applyLineSettingsPatch } from './apply-line-settings-patch.ts'
import { defaultLineSettings, lineSettingsPatchSchema, lineSettingsSchema } from './line-settings-schema.ts'
import { queueIssues } from './queue-issues.ts'
import { readLineSettings } from './read-line-settings.ts'

describe('lineSettingsSchema', () => {
  it('fills every part from {}', () => {
    const settings = lineSettingsSchema.parse({})
    expect(settings.routing).toEqual(routingSettingsSchema.parse({}))
    expect(settings.workingHours).toEqual(DEFAULT_WORKING_HOURS)
    expect(settings.offHours).toBe('accept-and-reply')
    expect(settings.autoReplies.welcome).toEqual({
      enabled: true,
      text: DEFAULT_TEXTS.welcome,
      when: 'first-message',
    })
    expect(defaultLineSettings()).toEqual(settings)
  })

  it('rejects an invalid part with the path of the bad field', () => {
    const result = lineSettingsSchema.safeParse({ workingHours: { timeZone: 'Mars/Olympus' } })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['workingHours', 'timeZone'])
  })
})

describe('readLineSettings', () => {
  it('gives the defaults for nothing, junk and an empty object', () => {
    for (const stored of [undefined, null, 'text', 42, [], {}]) {
      expect(readLineSettings(stored)).toEqual(defaultLineSettings())
    }
  })

  it('keeps valid parts and resets invalid ones on their own', () => {
    const read = readLineSettings({
      routing: { mode: 'in-order', queue: ['a', 'b'] },
      workingHours: 'always',
      offHours: 'hide-widget',
      autoReplies: { onClose: { enabled: false } },
    })
    expect(read.routing).toMatchObject({ mode: 'in-order', queue: ['a', 'b'], maxActiveChats: 5 })
    expect(read.workingHours).toEqual(DEFAULT_WORKING_HOURS)
    expect(read.offHours).toBe('hide-widget')
    expect(read.autoReplies.onClose).toEqual({ enabled: false, text: DEFAULT_TEXTS.onClose })
    expect(read.autoReplies.welcome.enabled).toBe(true)
  })

  it('falls back field by field inside a part: a bad time zone leaves the schedule alone', () => {
    const read = readLineSettings({
      workingHours: {
        timeZone: 'Nowhere/Land',
        weekly: { sat: [{ from: '10:00', to: '14:00' }] },
        daysOff: ['mon'],
      },
      autoReplies: { welcome: { text: 5 }, offHours: { enabled: false } },
      offHours: 'close-everything',
    })
    expect(read.workingHours.timeZone).toBe('UTC')
    expect(read.workingHours.weekly.sat).toEqual([{ from: '10:00', to: '14:00' }])
    expect(read.workingHours.weekly.mon).toEqual([])
    expect(read.workingHours.daysOff).toEqual(['mon'])
    expect(read.autoReplies.welcome.text).toBe(DEFAULT_TEXTS.welcome)
    expect(read.autoReplies.offHours.enabled).toBe(false)
    expect(read.offHours).toBe('accept-and-reply')
  })

  it('reads what it was given back unchanged', () => {
    const settings = lineSettingsSchema.parse({
      routing: { mode: 'everyone', queue: ['x'] },
      workingHours: { timeZone: 'Europe/Warsaw', alwaysOpen: true },
      offHours: 'offer-form',
    })
    expect(readLineSettings(JSON.parse(JSON.stringify(settings)))).toEqual(settings)
  })
})

describe('PATCH semantics', () => {
  it('accepts any subset of the parts and refuses unknown ones', () => {
    expect(lineSettingsPatchSchema.parse({})).toEqual({})
    expect(lineSettingsPatchSchema.parse({ offHours: 'offer-form' })).toEqual({ offHours: 'offer-form' })
    expect(lineSettingsPatchSchema.safeParse({ hours: {} }).success).toBe(false)
    expect(lineSettingsPatchSchema.safeParse({ routing: { mode: 'random' } }).success).toBe(false)
  })

  it('replaces the given parts and keeps the rest, unknown keys included', () => {
    const patch = lineSettingsPatchSchema.parse({ routing: { mode: 'in-order' } })
    const next = applyLineSettingsPatch(
      { routing: { mode: 'everyone', queue: ['a'] }, offHours: 'hide-widget', crm: { id: 7 } },
      patch,
    )
    expect(next).toEqual({
      routing: routingSettingsSchema.parse({ mode: 'in-order' }),
      offHours: 'hide-widget',
      crm: { id: 7 },
    })
  })
})

describe('queueIssues', () => {
  it('points at each queue entry that is not an operator of the workspace', () => {
    expect(queueIssues(['a', 'b'], new Set(['a', 'b']))).toEqual([])
    expect(queueIssues(['a', 'x', 'b', 'y'], new Set(['a', 'b']))).toEqual([
      {
        code: 'custom',
        path: ['settings', 'routing', 'queue', 1],
        message: 'not an operator of this workspace',
      },
      {
        code: 'custom',
        path: ['settings', 'routing', 'queue', 3],
        message: 'not an operator of this workspace',
      },
    ])
  })
})
