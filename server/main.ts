/**
 * `npm start`: reads the environment, starts Openline, seeds the demo on an empty database and
 * prints where to click. Stops cleanly on SIGINT/SIGTERM.
 */
import { ConfigError, loadConfig } from './config/index.ts'
import { seedDemo } from './demo/index.ts'
import { createLogger } from './log/index.ts'
import { startOpenline } from './server.ts'

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`openline: ${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const log = createLogger(config.logLevel)
  let demo: Awaited<ReturnType<typeof seedDemo>>
  const server = await startOpenline(config, {
    log,
    beforeListen: async ({ store }) => {
      demo = config.demo ? await seedDemo(store, { now: Date.now() }) : undefined
      // Its admin password is in the README: say so where the operator's logs are (issue "Server core").
      if (demo?.created) {
        const warning = 'created the demo workspace; its admin password is public: keep this database local'
        log('warn', warning, { email: demo.email })
      }
    },
  })
  const base = server.publicUrl
  const lines = [
    `Openline is running at ${base}`,
    `  storage: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}, bus: ${config.redisUrl ? 'Redis' : 'in-process'}`,
    `  operator console: ${base}/console/`,
  ]
  if (demo) {
    lines.push(
      `  demo sign-in:     ${demo.email} / ${demo.password}`,
      `  demo host page:   ${base}/demo  (a sample site with the widget)`,
      `  public chat page: ${base}/chat/${demo.slug}`,
    )
  }
  process.stdout.write(`${lines.join('\n')}\n`)

  const stop = (signal: string) => {
    log('info', 'shutting down', { signal })
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log('error', 'shutdown failed', { error })
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`openline: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
