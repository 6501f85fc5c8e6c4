/**
 * An Openline server in the test process on a free port, on a fresh SQLite file, with the demo
 * seeded — for browser tests that need the whole product but not a separate process.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../server/config/index.ts'
import { type DemoInfo, seedDemo } from '../../server/demo/index.ts'
import { quietLog } from '../../server/log/index.ts'
import { type OpenlineServer, startOpenline } from '../../server/server.ts'

export interface TestServer extends OpenlineServer {
  demo: DemoInfo
  stop(): Promise<void>
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'openline-test-'))
  let demo: DemoInfo | undefined
  const server = await startOpenline(loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env }), {
    log: quietLog,
    beforeListen: async ({ store }) => {
      demo = await seedDemo(store, { now: Date.now() })
    },
  })
  if (!demo) throw new Error('the demo was not seeded')
  return {
    ...server,
    demo,
    async stop() {
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
