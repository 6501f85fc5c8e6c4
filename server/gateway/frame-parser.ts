/**
 * Raw WebSocket data → a validated client frame, or the `frame.error` to answer with. Pure.
 * Order matters (issue "Server core", item 5): size first so an oversized frame is never parsed,
 * then JSON, then the zod schema.
 */
import type { RawData } from 'ws'
import type { z } from 'zod'
import {
  CLIENT_FRAME_TYPES,
  type ClientFrame,
  clientFrame,
  type ErrorCode,
  LIMITS,
  type ServerFrameOf,
} from '../protocol/messages.ts'

export type FrameError = ServerFrameOf<'frame.error'>

export type ParsedFrame = { ok: true; frame: ClientFrame } | { ok: false; error: FrameError }

const KNOWN_TYPES: ReadonlySet<string> = new Set(CLIENT_FRAME_TYPES)

export function frameError(ref: string | null, code: ErrorCode, message: string): FrameError {
  return { type: 'frame.error', ref, code, message }
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.byteLength, 0)
  return data.byteLength
}

function toText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8')
  return data.toString('utf8')
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'Invalid frame'
  const path = issue.path.map(String).join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}

export function parseClientFrame(
  data: RawData,
  isBinary: boolean,
  maxBytes: number = LIMITS.maxFrameBytes,
): ParsedFrame {
  const size = byteLength(data)
  if (size > maxBytes) {
    return fail(frameError(null, 'frame_too_large', `Frames are limited to ${maxBytes} bytes`))
  }
  if (isBinary) return fail(frameError(null, 'invalid_frame', 'Binary frames are not supported'))

  let value: unknown
  try {
    value = JSON.parse(toText(data))
  } catch {
    // The parse error itself (a position in the client's text) is of no use to the client.
    return fail(frameError(null, 'invalid_json', 'The frame is not valid JSON'))
  }

  const parsed = clientFrame.safeParse(value)
  if (parsed.success) return { ok: true, frame: parsed.data }

  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined
  const id = record && 'id' in record && typeof record.id === 'string' ? record.id : null
  const type = record && 'type' in record ? record.type : undefined
  if (typeof type === 'string' && !KNOWN_TYPES.has(type)) {
    return fail(frameError(id, 'unknown_type', `Unknown frame type "${type.slice(0, 64)}"`))
  }
  return fail(frameError(id, 'invalid_frame', describeIssue(parsed.error.issues[0])))
}

function fail(error: FrameError): ParsedFrame {
  return { ok: false, error }
}
