import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../test-harness.ts'

let h: Harness

beforeEach(async () => {
  h = await createHarness()
})
afterEach(async () => {
  await h.close()
})

describe('health', () => {
  it('GET /health is 200 ok', async () => {
    const res = await h.app.request('/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('GET /ready is 200 while the store and the bus answer', async () => {
    const res = await h.app.request('/ready')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ready' })
  })

  it('GET /ready is 503 naming the bus once the bus is down', async () => {
    await h.deps.bus.close()
    const res = await h.app.request('/ready')
    expect(res.status).toBe(503)
    const body = await res.json()
    expect(body.status).toBe('unavailable')
    expect(body.reason).toMatch(/^bus: /)
  })

  it('GET /ready is 503 naming the store once the store is down', async () => {
    await h.deps.store.close()
    const res = await h.app.request('/ready')
    expect(res.status).toBe(503)
    expect((await res.json()).reason).toMatch(/^store: /)
  })
})
