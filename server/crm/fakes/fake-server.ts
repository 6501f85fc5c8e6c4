import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type {
  ChaosOptions,
  FailureScript,
  FakeControls,
  FakeReply,
  FakeRequest,
  RecordedRequest,
} from './fake-types.ts'
import { seededRandom } from './prng.ts'

export interface FakeServerOptions {
  handle: (request: FakeRequest) => FakeReply | Promise<FakeReply>
  /** The vendor's answer for an injected status when the script brings no body. */
  errorReply: (status: number) => FakeReply
  /** The vendor's answer when its rate limit is exceeded. */
  throttleReply: () => FakeReply
}

interface Chaos {
  random: () => number
  options: ChaosOptions
}

function pickChaos(chaos: Chaos): FailureScript | undefined {
  const roll = chaos.random()
  const applied = chaos.random() < 0.5
  const { rates } = chaos.options
  const table: Array<[number, FailureScript]> = [
    [rates[500] ?? 0, { status: 500 }],
    [rates[503] ?? 0, { status: 503 }],
    [rates[429] ?? 0, { status: 429 }],
    [rates.timeout ?? 0, { status: 504, delayMs: chaos.options.holdMs ?? 30_000, apply: applied }],
    [rates.drop ?? 0, { dropConnection: true, apply: applied }],
  ]
  let edge = 0
  for (const [rate, script] of table) {
    edge += rate
    if (roll < edge) return script
  }
  return undefined
}

function encode(reply: FakeReply): { body: string; headers: Record<string, string> } {
  const body =
    reply.body === undefined || reply.status === 204
      ? ''
      : typeof reply.body === 'string'
        ? reply.body
        : JSON.stringify(reply.body)
  return { body, headers: { 'content-type': 'application/json', ...reply.headers } }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The shared shell of the contract fakes: a real HTTP server on 127.0.0.1, scripted and seeded
 * failures in the vendor's own shapes, an optional leaky-bucket limit and a request log.
 */
export async function startFakeServer(options: FakeServerOptions): Promise<FakeControls> {
  const startedAt = Date.now()
  const scripts: FailureScript[] = []
  const log: RecordedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()
  let chaos: Chaos | null = null
  let bucket: { burst: number; perSecond: number; level: number; at: number } | null = null

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })

  const overLimit = (at: number): boolean => {
    if (!bucket) return false
    bucket.level = Math.max(0, bucket.level - ((at - bucket.at) / 1000) * bucket.perSecond)
    bucket.at = at
    if (bucket.level + 1 > bucket.burst) return true
    bucket.level += 1
    return false
  }

  const run = async (request: FakeRequest): Promise<FakeReply> => {
    try {
      return await options.handle(request)
    } catch (error) {
      // A bug in a fake must be loud, not look like a vendor outage the adapters would retry.
      return { status: 599, body: { fakeError: error instanceof Error ? error.message : String(error) } }
    }
  }

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://fake.local')
    const entry: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      at: Date.now(),
      applied: false,
    }
    log.push(entry)
    const request: FakeRequest = {
      method: entry.method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    }
    const script = scripts.shift() ?? (chaos ? pickChaos(chaos) : undefined)
    const failing = script !== undefined && (script.status !== undefined || script.dropConnection === true)
    let reply: FakeReply
    if (!failing && overLimit(entry.at)) {
      reply = options.throttleReply()
    } else if (!failing || script?.apply) {
      reply = await run(request)
      entry.applied = true
    } else {
      reply = { status: 0 }
    }
    if (script?.delayMs) await wait(script.delayMs)
    if (script?.dropConnection) {
      entry.outcome = 'dropped'
      req.socket.destroy()
      return
    }
    if (script?.status !== undefined) {
      const vendor = options.errorReply(script.status)
      reply = {
        status: script.status,
        body: script.body ?? vendor.body,
        headers: { ...vendor.headers, ...script.headers },
      }
      entry.outcome = 'failed'
    } else {
      entry.outcome = 'answered'
    }
    entry.status = reply.status
    if (res.destroyed || req.socket.destroyed) return
    const encoded = encode(reply)
    res.writeHead(reply.status, encoded.headers)
    res.end(encoded.body)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const perSecond = (): number[] => {
    const counts: number[] = []
    for (const { at } of log) {
      const second = Math.floor((at - startedAt) / 1000)
      counts[second] = (counts[second] ?? 0) + 1
    }
    return Array.from(counts, (count) => count ?? 0)
  }

  return {
    url: `http://127.0.0.1:${port}`,
    failNext(count, script = { status: 500 }) {
      for (let i = 0; i < count; i++) scripts.push(script)
    },
    chaos(chaosOptions) {
      chaos = chaosOptions ? { random: seededRandom(chaosOptions.seed), options: chaosOptions } : null
    },
    limit(limit) {
      bucket = limit ? { ...limit, level: 0, at: Date.now() } : null
    },
    requests: () => log.map((entry) => ({ ...entry })),
    perSecond,
    maxPerSecond: () => Math.max(0, ...perSecond()),
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

/** JSON body or undefined; the fakes answer the vendor's own "bad request" when it is undefined. */
export function readJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

export function bearer(request: FakeRequest): string | undefined {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined
}
