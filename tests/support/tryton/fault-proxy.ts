/**
 * A fault-injecting HTTP proxy in front of the real Tryton, so the CRM adapter contract's scripted
 * failures (`failNext`: statuses, dropped connections, slow answers, "applied but the answer was
 * lost") run against real records. Scripts apply to the next request that matches `targets`
 * (by default: calls on sale.opportunity, the lead's own record), so session set-up and the party
 * look-up pass through and the failure lands where the contract means it to.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FailureScript, RecordedRequest } from '../../../server/crm/fakes/index.ts'

export interface ProxiedRequest extends RecordedRequest {
  rpcMethod: string
  authorization?: string
}

export interface TrytonFaultProxy {
  /** The proxy's origin; append the database path (e.g. /openline). */
  readonly url: string
  failNext(count: number, script?: FailureScript): void
  requests(): ProxiedRequest[]
  close(): Promise<void>
}

export interface FaultProxyOptions {
  /** Which JSON-RPC methods the scripts apply to. */
  targets?: (rpcMethod: string) => boolean
}

const opportunityCalls = (rpcMethod: string) => rpcMethod.startsWith('model.sale.opportunity.')

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function rpcMethodOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body)
    if (typeof parsed === 'object' && parsed !== null && 'method' in parsed) return String(parsed.method)
  } catch {
    return ''
  }
  return ''
}

/** What werkzeug (trytond's HTTP layer) sends for an aborted request: an HTML page. */
function statusPage(status: number): string {
  return `<!doctype html>\n<title>${status}</title>\n<h1>Error ${status}</h1>\n`
}

export async function startTrytonFaultProxy(
  upstreamOrigin: string,
  options: FaultProxyOptions = {},
): Promise<TrytonFaultProxy> {
  const targets = options.targets ?? opportunityCalls
  const scripts: FailureScript[] = []
  const log: ProxiedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })

  const forward = async (req: IncomingMessage, body: string) => {
    const headers: Record<string, string> = {}
    for (const name of ['content-type', 'accept', 'authorization', 'x-requested-with']) {
      const value = req.headers[name]
      if (typeof value === 'string') headers[name] = value
    }
    const response = await fetch(`${upstreamOrigin}${req.url ?? '/'}`, {
      method: req.method ?? 'POST',
      headers,
      body,
    })
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/json',
      body: await response.text(),
    }
  }

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req)
    const rpcMethod = rpcMethodOf(body)
    const entry: ProxiedRequest = {
      method: req.method ?? 'POST',
      path: req.url ?? '/',
      at: Date.now(),
      applied: false,
      rpcMethod,
      ...(typeof req.headers.authorization === 'string' ? { authorization: req.headers.authorization } : {}),
    }
    log.push(entry)
    const script = targets(rpcMethod) ? scripts.shift() : undefined
    const failing = script !== undefined && (script.status !== undefined || script.dropConnection === true)
    let reply = { status: 0, contentType: 'text/html', body: '' }
    if (!failing || script?.apply) {
      reply = await forward(req, body)
      entry.applied = true
    }
    if (script?.delayMs) await wait(script.delayMs)
    if (script?.dropConnection) {
      entry.outcome = 'dropped'
      req.socket.destroy()
      return
    }
    if (script?.status !== undefined) {
      const scripted = script.body
      reply = {
        status: script.status,
        contentType:
          scripted === undefined || typeof scripted === 'string' ? 'text/html' : 'application/json',
        body:
          scripted === undefined
            ? statusPage(script.status)
            : typeof scripted === 'string'
              ? scripted
              : JSON.stringify(scripted),
      }
      entry.outcome = 'failed'
    } else {
      entry.outcome = 'answered'
    }
    entry.status = reply.status
    if (res.destroyed || req.socket.destroyed) return
    res.writeHead(reply.status, { 'content-type': reply.contentType, ...script?.headers })
    res.end(reply.body)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    failNext(count, script = { status: 500 }) {
      for (let i = 0; i < count; i++) scripts.push(script)
    },
    requests: () => log.map((entry) => ({ ...entry })),
    async close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}
