/**
 * A trytond of the test's own (issue 6 done-when: "Tryton stopped mid-run → deliveries wait and
 * complete once it is back"): the real server process, started on a free port over a snapshot of the
 * database of `.ci/tryton.sh`'s shared Tryton, so a test can stop it with SIGTERM and start it again
 * on the same port without taking Tryton away from the other test files that use the shared one
 * (stopping that one raced with them: ECONNREFUSED in their set-up).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'

/** `.ci/tryton.sh`'s data folder (it prints TRYTON_DATA_DIR; the same default here). */
export const sharedTrytonDataDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.TRYTON_DATA_DIR || '/tmp/openline-tryton'

export interface OwnTrytond {
  /** The database URL on this server, in TRYTON_URL's form: `http://127.0.0.1:<port>/<db>`. */
  readonly url: string
  /** The SQLite file it serves; read it (read-only) while the server is stopped. */
  readonly databaseFile: string
  readonly running: boolean
  /** SIGTERM, then waits for the process to exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>
  /** Starts it again on the same port and waits until JSON-RPC answers. */
  start(): Promise<void>
  /** Stops it and deletes its folder. */
  close(): Promise<void>
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/** True once trytond answers `common.server.version` on the port. */
async function answers(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, method: 'common.server.version', params: [] }),
      signal: AbortSignal.timeout(2_000),
    })
    return res.ok && 'result' in ((await res.json()) as object)
  } catch {
    return false // not listening yet: the caller polls
  }
}

/**
 * Starts a trytond over a copy of the shared database `database` (the last path segment of
 * TRYTON_URL, "openline" for `.ci/tryton.sh`). The copy is made with SQLite's online backup, so a
 * write of the shared server at that moment cannot tear it.
 */
export async function startOwnTrytond(options: {
  database: string
  sharedDataDir?: string
  startTimeoutMs?: number
}): Promise<OwnTrytond> {
  const { database, startTimeoutMs = 20_000 } = options
  const shared = options.sharedDataDir ?? sharedTrytonDataDir()
  const dir = await mkdtemp(join(tmpdir(), 'openline-own-trytond-'))
  await mkdir(join(dir, 'db'))
  const databaseFile = join(dir, 'db', `${database}.sqlite`)
  const source = new Database(join(shared, 'db', `${database}.sqlite`), {
    readonly: true,
    fileMustExist: true,
  })
  try {
    await source.backup(databaseFile)
  } finally {
    source.close()
  }
  const port = await freePort()
  const conf = join(dir, 'trytond.conf')
  // As `.ci/tryton.sh` write_config, on this folder and port.
  await writeFile(
    conf,
    `[web]\nlisten = 127.0.0.1:${port}\n[database]\nuri = sqlite://\npath = ${join(dir, 'db')}\nlist = False\n`,
  )
  const logFile = join(dir, 'trytond.log')
  let child: ChildProcess | undefined
  // A vitest worker that dies must not leave the server running.
  const killOnExit = () => child?.kill('SIGKILL')
  process.once('exit', killOnExit)

  async function start(): Promise<void> {
    if (child) throw new Error('own trytond is already running')
    const log = await open(logFile, 'a')
    // As `.ci/tryton.sh` start_server: Debian's trytond (its #! is the system python3).
    const started = spawn('trytond', ['-c', conf, '--pidfile', join(dir, 'trytond.pid')], {
      cwd: dir,
      stdio: ['ignore', log.fd, log.fd],
      env: { ...process.env, PATH: `/usr/bin:${process.env.PATH ?? ''}` },
    })
    await log.close()
    child = started
    // 'error' alone when trytond cannot be spawned at all (not installed).
    const exited = new Promise<void>((resolve) => {
      started.once('exit', () => resolve())
      started.once('error', () => resolve())
    }).then(() => {
      if (child === started) child = undefined
    })
    const deadline = Date.now() + startTimeoutMs
    while (!(await answers(port))) {
      if (child !== started || Date.now() > deadline) {
        started.kill('SIGKILL')
        await exited
        const tail = (await readFile(logFile, 'utf8')).split('\n').slice(-20).join('\n')
        throw new Error(`own trytond did not answer on 127.0.0.1:${port}:\n${tail}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  async function stop(graceMs = 10_000): Promise<void> {
    const running = child
    if (!running) return
    const exited = once(running, 'exit')
    running.kill('SIGTERM')
    const timer = setTimeout(() => running.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
    child = undefined
  }

  try {
    await start()
  } catch (error) {
    process.off('exit', killOnExit)
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return {
    url: `http://127.0.0.1:${port}/${database}`,
    databaseFile,
    get running() {
      return child !== undefined
    },
    stop,
    start,
    async close() {
      await stop()
      process.off('exit', killOnExit)
      await rm(dir, { recursive: true, force: true })
    },
  }
}
