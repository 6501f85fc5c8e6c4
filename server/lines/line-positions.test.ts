/**
 * Queue places for reconnecting visitors (issue "Open lines"): concurrent asks for one line share
 * one load of its queue, and nothing outlives the load, so a later ask sees the queue as it is then.
 */
import { describe, expect, it } from 'vitest'
import { openSqliteStore } from '../store/index.ts'
import type { Store } from '../store/types.ts'
import { linePositions } from './resume-frames.ts'

async function lineWithQueue(waiting: number) {
  const store = openSqliteStore({ path: ':memory:' })
  await store.migrate()
  const now = Date.UTC(2026, 11, 7, 10)
  const ws = await store.createWorkspace({ name: 'Acme', now })
  const line = await store.createLine({ workspaceId: ws.id, name: 'Sales', now })
  const widget = await store.createWidget({
    workspaceId: ws.id,
    lineId: line.id,
    name: 'Site',
    publicSlug: 'acme',
    now,
  })
  const ids: string[] = []
  for (let i = 0; i < waiting; i++) {
    const visitor = await store.createVisitor({ workspaceId: ws.id, widgetId: widget.id, now })
    const conversation = await store.createConversation({
      workspaceId: ws.id,
      lineId: line.id,
      widgetId: widget.id,
      visitorId: visitor.id,
      now: now + i,
    })
    ids.push(conversation.id)
  }
  let loads = 0
  const counting: Store = {
    ...store,
    listWaitingConversations(...args) {
      loads++
      return store.listWaitingConversations(...args)
    },
  }
  return { store, counting, ws, line, ids, now: now + waiting, loads: () => loads }
}

describe('linePositions', () => {
  it('answers a burst of asks for one line with one load, in queue order', async () => {
    const q = await lineWithQueue(3)
    const positionsOf = linePositions(q.counting)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => positionsOf(q.ws.id, q.line.id, q.now)),
    )
    expect(q.loads()).toBe(1)
    for (const answer of answers) expect([...answer]).toEqual(q.ids.map((id, i) => [id, i + 1]))
    await q.store.close()
  })

  it('loads again for an ask after the last load settled, and sees the queue move', async () => {
    const q = await lineWithQueue(3)
    const positionsOf = linePositions(q.counting)
    expect((await positionsOf(q.ws.id, q.line.id, q.now)).get(q.ids[2]!)).toBe(3)
    const operator = await q.store.createOperator({
      workspaceId: q.ws.id,
      email: 'ann@acme.test',
      name: 'Ann',
      passwordHash: 'x',
      role: 'operator',
      now: q.now,
    })
    await q.store.assignIfUnassigned(q.ws.id, q.ids[0]!, operator.id, q.now)
    const after = await positionsOf(q.ws.id, q.line.id, q.now + 1)
    expect(q.loads()).toBe(2)
    expect([...after]).toEqual([
      [q.ids[1], 1],
      [q.ids[2], 2],
    ])
    await q.store.close()
  })
})
