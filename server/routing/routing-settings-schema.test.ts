import { describe, expect, it } from 'vitest'
import { hasCapacity, isAvailable, isPresent } from './availability.ts'
import { autoCloseAt, canReopen } from './lifecycle.ts'
import { readRoutingSettings, routingSettingsSchema } from './routing-settings-schema.ts'
import { operator, SECOND, settings, T0 } from './test-kit.ts'

describe('routingSettingsSchema', () => {
  it('fills every default', () => {
    expect(routingSettingsSchema.parse({})).toEqual({
      mode: 'evenly',
      queue: [],
      queueTimeSeconds: 60,
      maxActiveChats: 5,
      returningClient: { enabled: true, waitSeconds: 120 },
      autoCloseInactiveMinutes: 0,
      reopenWindowMinutes: 60,
    })
    expect(routingSettingsSchema.parse({ returningClient: { enabled: false } }).returningClient).toEqual({
      enabled: false,
      waitSeconds: 120,
    })
  })

  it('rejects an unknown mode, a duplicate queue member and out-of-range numbers', () => {
    expect(routingSettingsSchema.safeParse({ mode: 'random' }).success).toBe(false)
    expect(routingSettingsSchema.safeParse({ queue: ['a', 'b', 'a'] }).success).toBe(false)
    expect(routingSettingsSchema.safeParse({ maxActiveChats: -1 }).success).toBe(false)
    expect(routingSettingsSchema.safeParse({ queueTimeSeconds: 1.5 }).success).toBe(false)
  })

  it('reads stored junk field by field', () => {
    const read = readRoutingSettings({ mode: 'in-order', queue: 'nobody', maxActiveChats: 2 })
    expect(read.mode).toBe('in-order')
    expect(read.queue).toEqual([])
    expect(read.maxActiveChats).toBe(2)
    expect(readRoutingSettings(null)).toEqual(routingSettingsSchema.parse({}))
  })
})

describe('isAvailable', () => {
  const s = settings({ maxActiveChats: 2 })
  const timeout = 60 * SECOND

  it('needs online, a fresh heartbeat and room under the cap', () => {
    expect(isAvailable(operator('a'), s, T0, timeout)).toBe(true)
    expect(isAvailable(operator('a', { presence: 'away' }), s, T0, timeout)).toBe(false)
    expect(isAvailable(operator('a', { presence: 'offline' }), s, T0, timeout)).toBe(false)
    expect(isAvailable(operator('a', { activeChats: 2 }), s, T0, timeout)).toBe(false)
    expect(isAvailable(operator('a', { activeChats: 1 }), s, T0, timeout)).toBe(true)
  })

  it('drops an operator exactly when the heartbeat timeout has passed', () => {
    expect(isPresent(operator('a'), T0 + timeout - 1, timeout)).toBe(true)
    expect(isPresent(operator('a'), T0 + timeout, timeout)).toBe(false)
  })

  it('treats maxActiveChats 0 as unlimited', () => {
    expect(hasCapacity(operator('a', { activeChats: 999 }), settings({ maxActiveChats: 0 }))).toBe(true)
  })
})

describe('conversation lifecycle settings', () => {
  it('auto-closes after the inactivity period, or never when it is 0', () => {
    expect(autoCloseAt(T0, settings({}))).toBeNull()
    expect(autoCloseAt(T0, settings({ autoCloseInactiveMinutes: 30 }))).toBe(T0 + 30 * 60 * SECOND)
  })

  it('reopens only within the reopen window', () => {
    const s = settings({ reopenWindowMinutes: 60 })
    expect(canReopen(T0, s, T0 + 59 * 60 * SECOND)).toBe(true)
    expect(canReopen(T0, s, T0 + 60 * 60 * SECOND)).toBe(false)
    expect(canReopen(T0, settings({ reopenWindowMinutes: 0 }), T0)).toBe(false)
  })
})
