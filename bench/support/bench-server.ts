/**
 * Openline for the bench: the same composition root as `npm start` (server/main.ts) minus the demo
 * seed and the banner, plus memory and CPU probes over IPC. The bench seeds the database beforehand.
 */
import { loadConfig } from '../../server/config/index.ts'
import { createLogger } from '../../server/log/index.ts'
import { startOpenline } from '../../server/server.ts'
import { answerProbes } from './server-probe.ts'

const config = loadConfig(process.env)
const server = await startOpenline(config, { log: createLogger(config.logLevel) })
answerProbes(process)
process.stdout.write(`listening at ${server.url}\n`)

let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`bench-server: close failed: ${String(error)}\n`)
      process.exit(1)
    },
  )
}
process.once('SIGTERM', stop)
process.once('disconnect', stop)
