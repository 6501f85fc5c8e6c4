/**
 * Issue "Server core", done-when: a server process is killed with SIGKILL while a client streams
 * messages; after a restart every acknowledged message is present exactly once, and the client's
 * unacknowledged ones are accepted on resend.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO } from '../server/demo/demo-account.ts'
import type { WireMessage } from '../server/protocol/messages.ts'
import { startVisitor } from './support/http-client.ts'
import { type ServerProcess, spawnServer } from './support/spawn-server.ts'
import { openSocket, type TestSocket } from './support/ws-client.ts'

const TOTAL = 400
const KILL_AFTER_ACKS = 120

describe('SIGKILL while a visitor streams messages', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('keeps every acknowledged message exactly once and accepts the rest on resend', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'openline-crash-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    let server: ServerProcess = await spawnServer({ DATA_DIR: dataDir })
    cleanups.push(() => server.kill())

    const visitor = await startVisitor(server.url, DEMO.slug)
    const first = await openSocket(visitor.wsUrl)
    await first.waitFor('session.ready')
    const ids = Array.from({ length: TOTAL }, (_, i) => `msg-${i}`)
    const acked = new Set<string>()
    first.ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; ref?: string }
      if (frame.type === 'frame.ack' && frame.ref) acked.add(frame.ref)
    })
    // The first message opens the conversation; the rest stream without waiting for acks.
    first.send({ type: 'message.send', id: ids[0]!, body: ids[0]! })
    const opened = await first.waitFor('frame.ack', (f) => f.ref === ids[0])
    const conversationId = opened.message!.conversationId
    for (const id of ids.slice(1)) first.send({ type: 'message.send', id, conversationId, body: id })
    await first.waitFor('frame.ack', () => acked.size >= KILL_AFTER_ACKS, 20_000)

    await server.kill()
    const ackedBeforeCrash = new Set(acked)
    expect(ackedBeforeCrash.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)
    expect(ackedBeforeCrash.size).toBeLessThan(TOTAL)

    server = await spawnServer({ DATA_DIR: dataDir })
    const second = await openSocket(visitor.wsUrl.replace(/^ws:\/\/[^/]+/, server.url.replace(/^http/, 'ws')))
    cleanups.push(() => second.close())
    await second.waitFor('session.ready')

    const afterCrash = await replay(second, conversationId, 'sync-1')
    const counts = countByClientId(afterCrash)
    for (const id of ackedBeforeCrash) expect(counts.get(id), `acknowledged ${id}`).toBe(1)
    expect([...counts.values()].every((n) => n === 1)).toBe(true)
    expectGapFree(afterCrash)

    // The client resends everything it has no ack for, with the same ids, plus a few acked ones.
    const unacked = ids.filter((id) => !ackedBeforeCrash.has(id))
    const resend = [...unacked, ...[...ackedBeforeCrash].slice(0, 5)]
    for (const id of resend) second.send({ type: 'message.send', id, conversationId, body: id })
    const acks = await Promise.all(
      resend.map((id) => second.waitFor('frame.ack', (f) => f.ref === id, 20_000)),
    )
    for (const ack of acks.slice(unacked.length)) expect(ack.duplicate).toBe(true)

    const final = await replay(second, conversationId, 'sync-2')
    expect(final).toHaveLength(TOTAL)
    expect([...countByClientId(final).keys()].sort()).toEqual([...ids].sort())
    expectGapFree(final)
  }, 90_000)
})

async function replay(socket: TestSocket, conversationId: string, id: string): Promise<WireMessage[]> {
  const start = socket.frames.length
  socket.send({ type: 'conversation.sync', id, conversationId, afterSeq: 0 })
  await socket.waitFor('frame.ack', (f) => f.ref === id, 20_000)
  return socket.frames
    .slice(start)
    .flatMap((f) =>
      f.type === 'message.created' && f.message.conversationId === conversationId ? [f.message] : [],
    )
    .filter((m, i, all) => all.findIndex((o) => o.seq === m.seq) === i)
}

function countByClientId(messages: WireMessage[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const m of messages) counts.set(m.clientId, (counts.get(m.clientId) ?? 0) + 1)
  return counts
}

function expectGapFree(messages: WireMessage[]): void {
  const seqs = messages.map((m) => m.seq).sort((a, b) => a - b)
  expect(seqs).toEqual(seqs.map((_, i) => i + 1))
}
