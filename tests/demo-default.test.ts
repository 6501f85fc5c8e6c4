/**
 * Issue "Server core": the demo's admin password is published, so `npm start` creates the demo only
 * on a local setup, and says so in its log when it does. Real processes, as `npm start` runs them.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO } from '../server/demo/demo-account.ts'
import { spawnServer } from './support/spawn-server.ts'

const WARNING = /"level":"warn","message":"created the demo workspace; its admin password is public/

describe('the demo on first start', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  const freshDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openline-demo-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    return dir
  }
  const signInAsDemo = (url: string) =>
    fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: DEMO.email, password: DEMO.password }),
    })

  it('is created on loopback with the defaults, with a warning in the log, once', async () => {
    const dataDir = await freshDir()
    const first = await spawnServer({ DATA_DIR: dataDir })
    cleanups.push(() => first.stop())
    expect((await signInAsDemo(first.url)).status).toBe(200)
    expect(first.stderr()).toMatch(WARNING)
    await first.stop()

    const again = await spawnServer({ DATA_DIR: dataDir })
    cleanups.push(() => again.stop())
    expect((await signInAsDemo(again.url)).status).toBe(200)
    expect(again.stderr()).not.toMatch(WARNING)
  }, 60_000)

  it('is not created when the server listens on every interface', async () => {
    const server = await spawnServer({ DATA_DIR: await freshDir(), HOST: '0.0.0.0' })
    cleanups.push(() => server.stop())
    expect((await signInAsDemo(server.url)).status).toBe(401)
    expect(server.stderr()).not.toMatch(WARNING)
  }, 60_000)
})
