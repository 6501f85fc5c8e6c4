/**
 * Issue "Server core", item 8: two server processes sharing PostgreSQL and Redis — a visitor
 * connected to one and an operator to the other exchange messages in real time, and the sign-in
 * limit is one count for both nodes, not one per node.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO } from '../server/demo/demo-account.ts'
import { signIn, startVisitor } from './support/http-client.ts'
import { type ServerProcess, spawnServer } from './support/spawn-server.ts'
import { openSocket } from './support/ws-client.ts'

const DATABASE_URL = process.env.TEST_DATABASE_URL
const REDIS_URL = process.env.TEST_REDIS_URL

describe.skipIf(!DATABASE_URL || !REDIS_URL)('two nodes on PostgreSQL + Redis', () => {
  const database = `ol_two_nodes_${randomBytes(4).toString('hex')}`
  let nodeUrl = ''
  const nodes: ServerProcess[] = []

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: DATABASE_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${database}`)
    await admin.end()
    const url = new URL(DATABASE_URL!)
    url.pathname = `/${database}`
    nodeUrl = url.toString()
    const env = {
      DATABASE_URL: nodeUrl,
      REDIS_URL: REDIS_URL!,
      OPENLINE_SECRET: randomBytes(32).toString('hex'),
    }
    // Both nodes start at once on an empty database: migrations and the demo seed must cope.
    nodes.push(...(await Promise.all([spawnServer(env), spawnServer(env)])))
  }, 60_000)

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()))
    const admin = new pg.Client({ connectionString: DATABASE_URL })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin.end()
  })

  it('delivers a visitor on node A and an operator on node B to each other in real time', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess]
    const visitor = await startVisitor(a.url, DEMO.slug)
    const operator = await signIn(b.url, DEMO.email, DEMO.password)
    const visitorSocket = await openSocket(visitor.wsUrl)
    const operatorSocket = await openSocket(operator.wsUrl, operator.wsHeaders)
    try {
      await Promise.all([visitorSocket.waitFor('session.ready'), operatorSocket.waitFor('session.ready')])

      visitorSocket.send({ type: 'message.send', id: 'v-1', body: 'Hello from node A' })
      const ack = await visitorSocket.waitFor('frame.ack', (f) => f.ref === 'v-1')
      const conversationId = ack.message!.conversationId
      const seen = await operatorSocket.waitFor('message.created', (f) => f.message.clientId === 'v-1')
      expect(seen.message).toMatchObject({ body: 'Hello from node A', seq: 1, conversationId })

      operatorSocket.send({ type: 'typing.update', id: 'o-t', conversationId, typing: true })
      await visitorSocket.waitFor('typing.updated', (f) => f.authorKind === 'operator' && f.typing)

      operatorSocket.send({ type: 'message.send', id: 'o-1', conversationId, body: 'Hi from node B' })
      const reply = await visitorSocket.waitFor('message.created', (f) => f.message.clientId === 'o-1')
      expect(reply.message).toMatchObject({ body: 'Hi from node B', seq: 2, authorKind: 'operator' })

      visitorSocket.send({ type: 'message.read', id: 'v-r', conversationId, seq: 2 })
      await operatorSocket.waitFor('read.updated', (f) => f.reader === 'visitor' && f.seq === 2)
    } finally {
      await Promise.all([visitorSocket.close(), operatorSocket.close()])
    }
  })

  it('counts wrong sign-ins on both nodes together (5 per address and e-mail, then 429)', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess]
    const email = `guess-${randomBytes(4).toString('hex')}@example.test`
    const attempt = (url: string) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: new URL(url).origin },
        body: JSON.stringify({ email, password: 'not-the-password' }),
      }).then((res) => res.status)
    // Alternating nodes: per-process counts would let each node take 5 and answer 401 here.
    const statuses = []
    for (const url of [a.url, b.url, a.url, b.url, a.url, b.url]) statuses.push(await attempt(url))
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
  })
})
