/**
 * Issue "Open lines": two nodes route the same line at once, sharing PostgreSQL and Redis. Two
 * operators on different nodes accept the same `everyone` offer at the same moment: exactly one
 * gets the conversation; the other gets `conversation_taken` and sees their offer withdrawn.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  newCsrfToken,
  newSessionToken,
  SESSION_COOKIE,
  sessionIdFromToken,
  signVisitorToken,
} from '../server/auth/index.ts'
import { loadConfig } from '../server/config/index.ts'
import { quietLog } from '../server/log/index.ts'
import { type OpenlineServer, startOpenline } from '../server/server.ts'
import type { Operator, Store, Widget } from '../server/store/types.ts'
import { openSocket, type TestSocket } from './support/ws-client.ts'

const DATABASE_URL = process.env.TEST_DATABASE_URL
const REDIS_URL = process.env.TEST_REDIS_URL
const SECRET = randomBytes(32).toString('hex')

async function signedInSocket(node: OpenlineServer, store: Store, operator: Operator): Promise<TestSocket> {
  const token = newSessionToken()
  await store.createSession({
    id: sessionIdFromToken(token),
    operatorId: operator.id,
    workspaceId: operator.workspaceId,
    csrfToken: newCsrfToken(),
    createdAt: Date.now(),
    expiresAt: Date.now() + 3_600_000,
  })
  const url = `${node.url.replace(/^http/, 'ws')}/ws?role=operator`
  return openSocket(url, { cookie: `${SESSION_COOKIE}=${token}`, origin: new URL(node.publicUrl).origin })
}

async function visitorSocket(node: OpenlineServer, store: Store, widget: Widget): Promise<TestSocket> {
  const visitor = await store.createVisitor({
    workspaceId: widget.workspaceId,
    widgetId: widget.id,
    now: Date.now(),
  })
  const token = signVisitorToken(SECRET, {
    workspaceId: widget.workspaceId,
    visitorId: visitor.id,
    widgetId: widget.id,
    issuedAt: Date.now(),
  })
  return openSocket(`${node.url.replace(/^http/, 'ws')}/ws?role=visitor&token=${encodeURIComponent(token)}`)
}

describe.skipIf(!DATABASE_URL || !REDIS_URL)('line routing on two nodes (PostgreSQL + Redis)', () => {
  const database = `ol_lines_${randomBytes(4).toString('hex')}`
  const nodes: OpenlineServer[] = []

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: DATABASE_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${database}`)
    await admin.end()
    const url = new URL(DATABASE_URL!)
    url.pathname = `/${database}`
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: url.toString(),
      REDIS_URL: REDIS_URL!,
      OPENLINE_SECRET: SECRET,
      DEMO: 'false',
    })
    nodes.push(
      ...(await Promise.all([
        startOpenline(config, { log: quietLog }),
        startOpenline(config, { log: quietLog }),
      ])),
    )
  }, 60_000)

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.close()))
    const admin = new pg.Client({ connectionString: DATABASE_URL })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin.end()
  })

  it('two simultaneous accepts of one offer: exactly one assignment, the loser is told and withdrawn', async () => {
    const [a, b] = nodes as [OpenlineServer, OpenlineServer]
    const store = a.store
    const now = Date.now()
    const workspace = await store.createWorkspace({ name: 'Race', now })
    const make = (name: string) =>
      store.createOperator({
        workspaceId: workspace.id,
        email: `${name}-${randomBytes(4).toString('hex')}@race.test`,
        name,
        passwordHash: 'x',
        role: 'operator',
        now,
      })
    const anna = await make('anna')
    const boris = await make('boris')
    const line = await store.createLine({
      workspaceId: workspace.id,
      name: 'Everyone',
      settings: { routing: { mode: 'everyone', queue: [anna.id, boris.id], maxActiveChats: 0 } },
      now,
    })
    const widget = await store.createWidget({
      workspaceId: workspace.id,
      lineId: line.id,
      name: 'Site',
      publicSlug: `race-${randomBytes(4).toString('hex')}`,
      now,
    })
    const annaWs = await signedInSocket(a, store, anna)
    const borisWs = await signedInSocket(b, b.store, boris)
    const sockets: TestSocket[] = [annaWs, borisWs]
    try {
      await Promise.all([annaWs.waitFor('session.ready'), borisWs.waitFor('session.ready')])
      for (let round = 0; round < 3; round++) {
        const visitor = await visitorSocket(round % 2 === 0 ? a : b, store, widget)
        sockets.push(visitor)
        await visitor.waitFor('session.ready')
        visitor.send({ type: 'message.send', id: `v-${round}`, body: 'Who is there?' })
        const ack = await visitor.waitFor('frame.ack', (f) => f.ref === `v-${round}`)
        const conversationId = ack.message!.conversationId
        await Promise.all([
          annaWs.waitFor(
            'offer.created',
            (f) => f.conversationId === conversationId && f.operatorId === anna.id,
          ),
          borisWs.waitFor(
            'offer.created',
            (f) => f.conversationId === conversationId && f.operatorId === boris.id,
          ),
        ])

        const ref = `accept-${round}`
        annaWs.send({ type: 'conversation.accept', id: ref, conversationId })
        borisWs.send({ type: 'conversation.accept', id: ref, conversationId })
        const replies = await Promise.all(
          [annaWs, borisWs].map((ws) =>
            Promise.race([
              ws.waitFor('frame.ack', (f) => f.ref === ref),
              ws.waitFor('frame.error', (f) => f.ref === ref),
            ]),
          ),
        )
        const winners = replies.filter((r) => r.type === 'frame.ack')
        expect(winners).toHaveLength(1)
        const loserIndex = replies.findIndex((r) => r.type === 'frame.error')
        expect(replies[loserIndex]).toMatchObject({ code: 'conversation_taken' })
        const [winner, loser] = loserIndex === 0 ? [boris, anna] : [anna, boris]
        const loserWs = loserIndex === 0 ? annaWs : borisWs
        await loserWs.waitFor(
          'offer.withdrawn',
          (f) => f.conversationId === conversationId && f.operatorId === loser.id && f.reason === 'taken',
        )
        await visitor.waitFor('conversation.updated', (f) => f.conversation.assigneeId === winner.id)

        expect((await store.getConversation(workspace.id, conversationId))?.assigneeId).toBe(winner.id)
        const events = await store.listEvents(workspace.id, conversationId)
        expect(events.filter((e) => e.type === 'conversation.assigned')).toHaveLength(1)
        // Published once, whichever node withdrew it.
        expect(
          loserWs.frames.filter(
            (f) =>
              f.type === 'offer.withdrawn' &&
              f.conversationId === conversationId &&
              f.operatorId === loser.id,
          ),
        ).toHaveLength(1)
      }
    } finally {
      await Promise.all(sockets.map((s) => s.close()))
    }
  })
})
