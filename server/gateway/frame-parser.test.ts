import { describe, expect, it } from 'vitest'
import { LIMITS } from '../protocol/messages.ts'
import { parseClientFrame } from './frame-parser.ts'

const text = (value: unknown) => Buffer.from(JSON.stringify(value))
const raw = (value: string) => Buffer.from(value)

describe('parseClientFrame', () => {
  it('accepts a valid frame and returns the parsed data', () => {
    const result = parseClientFrame(text({ type: 'message.send', id: 'c1', body: '  hi  ' }), false)
    expect(result).toEqual({ ok: true, frame: { type: 'message.send', id: 'c1', body: 'hi' } })
  })

  it('checks the size before anything else', () => {
    const huge = text({ type: 'message.send', id: 'c1', body: 'x'.repeat(LIMITS.maxFrameBytes) })
    expect(parseClientFrame(huge, false)).toEqual({
      ok: false,
      error: expect.objectContaining({ type: 'frame.error', code: 'frame_too_large', ref: null }),
    })
    expect(parseClientFrame(Buffer.alloc(LIMITS.maxFrameBytes + 1), true)).toMatchObject({
      error: { code: 'frame_too_large' },
    })
  })

  it('measures bytes, not characters', () => {
    // 2 bytes each in UTF-8: under the limit in characters, over it in bytes.
    const body = 'é'.repeat(LIMITS.maxFrameBytes / 2 - 10)
    const frame = text({ type: 'message.send', id: 'c1', body })
    expect(frame.toString().length).toBeLessThan(LIMITS.maxFrameBytes)
    expect(parseClientFrame(frame, false)).toMatchObject({ error: { code: 'frame_too_large' } })
  })

  it('refuses binary frames', () => {
    expect(parseClientFrame(text({ type: 'message.send', id: 'c1', body: 'hi' }), true)).toMatchObject({
      ok: false,
      error: { code: 'invalid_frame', ref: null },
    })
  })

  it('reports invalid JSON', () => {
    expect(parseClientFrame(raw('{"type":'), false)).toMatchObject({
      error: { code: 'invalid_json', ref: null },
    })
  })

  it('reports an unknown type with the frame id as ref', () => {
    expect(parseClientFrame(text({ type: 'admin.drop', id: 'c7' }), false)).toMatchObject({
      error: { code: 'unknown_type', ref: 'c7' },
    })
  })

  it('reports wrong field types with the offending path', () => {
    const result = parseClientFrame(
      text({ type: 'conversation.sync', id: 'c2', conversationId: 'x', afterSeq: '1' }),
      false,
    )
    expect(result).toMatchObject({ error: { code: 'invalid_frame', ref: 'c2' } })
    expect(!result.ok && result.error.message).toMatch(/^afterSeq: /)
  })

  it('treats a missing or non-string type, arrays and primitives as invalid frames', () => {
    for (const value of [{ id: 'c3' }, { type: 5, id: 'c3' }, [1, 2], 'hello', null, 42]) {
      const result = parseClientFrame(text(value), false)
      expect(result.ok).toBe(false)
      expect(!result.ok && result.error.code).toBe('invalid_frame')
    }
  })

  it('uses the id as ref only when it is a string', () => {
    expect(parseClientFrame(text({ type: 'message.send', id: 9, body: 'hi' }), false)).toMatchObject({
      error: { code: 'invalid_frame', ref: null },
    })
  })

  it('accepts fragmented data (an array of buffers)', () => {
    const whole = text({ type: 'presence.set', id: 'c4', status: 'away' })
    const parts = [whole.subarray(0, 5), whole.subarray(5)]
    expect(parseClientFrame(parts, false)).toMatchObject({ ok: true, frame: { type: 'presence.set' } })
  })
})
