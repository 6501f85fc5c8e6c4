/**
 * Incoming frames are trusted for shape (our own server, same protocol file) but not for syntax:
 * a non-JSON or type-less frame is reported instead of reaching the reducers.
 */
import type { ServerFrame } from '../../server/protocol/messages.ts'

export function parseServerFrame(text: string): ServerFrame | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    if (error instanceof SyntaxError) return null
    throw error
  }
  if (typeof value !== 'object' || value === null) return null
  const type = (value as { type?: unknown }).type
  return typeof type === 'string' ? (value as ServerFrame) : null
}
