import type { ServerFrame } from '../../server/protocol/messages.ts'

/**
 * The browser cannot ship zod: a frame is trusted to have the protocol's shape once it is an object
 * with a string `type` (it comes from our own server). Unknown types are ignored by the caller so a
 * newer server does not break an older widget.
 */
export function parseServerFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null
  let parsed: unknown
  try {
    parsed = JSON.parse(data)
  } catch {
    return null
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as { type?: unknown }).type !== 'string'
  ) {
    return null
  }
  return parsed as ServerFrame
}
