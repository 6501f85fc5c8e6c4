/**
 * A minimal JSON-RPC client for tests to read Tryton's records back, independent of the adapter's
 * own RPC code. `callSync` exists because the adapter contract's record checks (`leadsFor`,
 * `expectLeadRecord`) are synchronous: it runs one fetch in a short-lived Node child process.
 */
import { execFileSync } from 'node:child_process'

export interface TrytonConnection {
  url: string
  user: string
  password: string
}

export interface TrytonTestClient {
  call(method: string, args: unknown[]): Promise<unknown>
  callSync(method: string, args: unknown[]): unknown
  /** The session's Authorization header value. */
  readonly authorization: string
}

/** Reads TRYTON_URL / TRYTON_USER / TRYTON_PASSWORD, as printed by `.ci/tryton.sh start`. */
export function trytonFromEnv(env: NodeJS.ProcessEnv = process.env): TrytonConnection | undefined {
  if (!env.TRYTON_URL) return undefined
  return { url: env.TRYTON_URL, user: env.TRYTON_USER ?? 'admin', password: env.TRYTON_PASSWORD ?? '' }
}

function rpcUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

function unwrap(method: string, text: string): unknown {
  const json = JSON.parse(text) as { result?: unknown; error?: unknown }
  if (json.error !== undefined)
    throw new Error(`${method} failed: ${JSON.stringify(json.error).slice(0, 500)}`)
  return json.result
}

async function post(
  url: string,
  method: string,
  params: unknown[],
  authorization?: string,
): Promise<unknown> {
  const response = await fetch(rpcUrl(url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ id: 1, method, params }),
  })
  if (!response.ok) throw new Error(`${method} answered HTTP ${response.status}`)
  return unwrap(method, await response.text())
}

const CHILD = `
const [url, authorization, body] = process.argv.slice(1)
fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body })
  .then(async (response) => {
    if (!response.ok) throw new Error('HTTP ' + response.status)
    process.stdout.write(await response.text())
  })
  .catch((error) => { process.stderr.write(String(error)); process.exit(1) })
`

export async function connectTryton(connection: TrytonConnection): Promise<TrytonTestClient> {
  const login = await post(connection.url, 'common.db.login', [
    connection.user,
    { password: connection.password },
    'en',
  ])
  const [userId, key] = login as [number, string]
  const authorization = `Session ${Buffer.from(`${connection.user}:${userId}:${key}`).toString('base64')}`
  const context = (await post(
    connection.url,
    'model.res.user.get_preferences',
    [true, {}],
    authorization,
  )) as Record<string, unknown>
  return {
    authorization,
    call: (method, args) => post(connection.url, method, [...args, context], authorization),
    callSync(method, args) {
      const body = JSON.stringify({ id: 1, method, params: [...args, context] })
      const out = execFileSync(process.execPath, ['-e', CHILD, rpcUrl(connection.url), authorization, body], {
        encoding: 'utf8',
        timeout: 15_000,
      })
      return unwrap(method, out)
    },
  }
}
