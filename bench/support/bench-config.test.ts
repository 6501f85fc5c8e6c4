import { describe, expect, it } from 'vitest'
import { PHASES, readBenchConfig } from './bench-config.ts'

describe('readBenchConfig', () => {
  it('has the documented defaults', () => {
    const config = readBenchConfig({})
    expect(config).toMatchObject({ seconds: 15, clients: 1000, idleConnections: 5000, concurrency: 50 })
    expect(config.phases).toEqual(PHASES)
    expect(config.databaseUrl).toBeUndefined()
  })

  it('reads overrides, including a zero warm-up', () => {
    const config = readBenchConfig({
      BENCH_SECONDS: '3',
      BENCH_WARMUP_SECONDS: '0',
      BENCH_PHASES: 'memory, floor',
      TEST_DATABASE_URL: 'postgres://x',
    })
    expect(config.seconds).toBe(3)
    expect(config.warmupSeconds).toBe(0)
    expect(config.phases).toEqual(['floor', 'memory'])
    expect(config.databaseUrl).toBe('postgres://x')
  })

  it('names the variable of a bad value', () => {
    expect(() => readBenchConfig({ BENCH_CLIENTS: '0' })).toThrow(/BENCH_CLIENTS="0"/)
    expect(() => readBenchConfig({ BENCH_SECONDS: '1.5' })).toThrow(/BENCH_SECONDS/)
    expect(() => readBenchConfig({ BENCH_PHASES: 'floor,nope' })).toThrow(/"nope"/)
  })
})
