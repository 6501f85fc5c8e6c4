import { describe, expect, it } from 'vitest'
import { createLogger } from './logger.ts'

describe('createLogger', () => {
  it('writes one JSON line per entry at or above the level, errors included', () => {
    const lines: string[] = []
    const log = createLogger(
      'info',
      (l) => lines.push(l),
      () => 0,
    )
    log('debug', 'hidden')
    log('error', 'boom', { err: new Error('bad'), id: 7 })
    expect(lines).toHaveLength(1)
    const entry = JSON.parse(lines[0]!)
    expect(entry).toMatchObject({ time: '1970-01-01T00:00:00.000Z', level: 'error', message: 'boom', id: 7 })
    expect(entry.err).toMatchObject({ name: 'Error', message: 'bad' })
  })
})
