import { WIDGET_EVENTS, type WidgetEvent } from '../host-contract.ts'
import type { VisitorTraits } from '../realtime/types.ts'

export interface Emitter {
  /** `Openline('on', event, callback)`: throws on an unknown event or a missing callback. */
  on(event: unknown, callback: unknown): void
  emit(event: WidgetEvent, data?: unknown): void
}

/** 'ready' happens once: a listener added afterwards still hears it. */
export function createEmitter(): Emitter {
  const listeners: [WidgetEvent, (data: unknown) => void][] = []
  let ready = false
  // Each callback runs on its own microtask: a page callback that throws cannot break the widget.
  const call = (callback: (data: unknown) => void, data?: unknown) => queueMicrotask(() => callback(data))
  return {
    on(event, callback) {
      if (!WIDGET_EVENTS.includes(event as WidgetEvent) || typeof callback !== 'function') {
        throw new Error(`Openline: "on" expects an event (${WIDGET_EVENTS.join(', ')}) and a function`)
      }
      listeners.push([event as WidgetEvent, callback as (data: unknown) => void])
      if (event === 'ready' && ready) call(callback as (data: unknown) => void)
    },
    emit(event, data) {
      if (event === 'ready') ready = true
      for (const [name, callback] of listeners) if (name === event) call(callback, data)
    },
  }
}

const TRAITS = ['name', 'email', 'phone', 'userHash'] as const

/**
 * `Openline('identify', { id, name, email, phone, userHash })`: strings (or null to clear), nothing
 * else; `id` is the site's own user id (issue 6 item 1) — at most 128 characters, a number becomes
 * a string. `userHash`: its HMAC where the widget has an identity secret (docs/embed.md).
 */
export function readTraits(value: unknown): VisitorTraits {
  const input = { ...(value as Record<string, unknown>) }
  let id = input.id
  if (typeof id === 'number' && Number.isFinite(id)) input.id = id = String(id)
  if (id !== undefined && id !== null && (typeof id !== 'string' || !id.trim() || id.length > 128)) {
    throw new Error(`Openline: "identify" expects id as a string of 1-128 characters or a number, got ${id}`)
  }
  const ok =
    typeof value === 'object' &&
    value !== null &&
    Object.keys(input).every((key) => {
      const v = input[key]
      return key === 'id' || (TRAITS.includes(key as 'name') && (v === null || typeof v === 'string'))
    })
  if (!ok) throw new Error('Openline: "identify" expects an object with id, name, email and/or phone strings')
  return input as VisitorTraits
}
