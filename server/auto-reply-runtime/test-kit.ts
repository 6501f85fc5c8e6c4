/** A world for the runtime tests: real SQLite store, memory bus, real chat services, hand-driven time. */
import { createMemoryBus } from '../bus/index.ts'
import type { Actor } from '../chat/index.ts'
import { createChatService } from '../chat/index.ts'
import type { LineSettingsInput } from '../line-settings/index.ts'
import { openSqliteStore } from '../store/index.ts'
import type { Message, Store } from '../store/types.ts'
import { type AutoReplyRuntime, createAutoReplyRuntime } from './auto-reply-runtime.ts'
import type { RuntimeTimers } from './runtime-timers.ts'

export const MINUTE = 60_000

interface Pending {
  at: number
  run: () => void
}

/** A clock and a timer scheduler that only move when the test says so. */
export function manualTime(start: number) {
  let now = start
  const pending = new Set<Pending>()
  const clock = { now: () => now }
  const timers: RuntimeTimers = {
    set(run, delayMs) {
      const timer = { at: now + delayMs, run }
      pending.add(timer)
      return { cancel: () => pending.delete(timer) }
    },
  }
  /** Fires every timer due up to `at` in order, letting `settle` finish the work each one starts. */
  async function advanceTo(at: number, settle: () => Promise<void>): Promise<void> {
    for (;;) {
      const due = [...pending].filter((t) => t.at <= at).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      pending.delete(due)
      now = Math.max(now, due.at)
      due.run()
      await settle()
    }
    now = at
  }
  return { clock, timers, advanceTo, pending: () => pending.size, set: (at: number) => (now = at) }
}

export type Time = ReturnType<typeof manualTime>

export interface Node {
  runtime: AutoReplyRuntime
  chat: ReturnType<typeof createChatService>
}

export async function autoReplyWorld(start: number, settings: LineSettingsInput) {
  const time = manualTime(start)
  const store = await openSqliteStore({ path: ':memory:' })
  await store.migrate()
  const bus = createMemoryBus()
  const now = start
  const ws = await store.createWorkspace({ name: 'Acme', now })
  const line = await store.createLine({ workspaceId: ws.id, name: 'Sales', now, settings })
  const widget = await store.createWidget({
    workspaceId: ws.id,
    lineId: line.id,
    name: 'Site',
    publicSlug: 'acme',
    now,
  })
  const op = await store.createOperator({
    workspaceId: ws.id,
    email: 'ann@acme.test',
    name: 'Ann',
    passwordHash: 'x',
    role: 'operator',
    now,
  })
  const v = await store.createVisitor({ workspaceId: ws.id, widgetId: widget.id, now })
  await store.updateVisitor(ws.id, v.id, {
    name: 'Vera',
    context: { language: 'en-GB', timeZone: 'Europe/London' },
  })
  const nodes: Node[] = []

  async function node(): Promise<Node> {
    const runtime = createAutoReplyRuntime({ store, clock: time.clock, timers: time.timers, log: () => {} })
    const chat = createChatService({ store, bus, clock: time.clock, autoReplies: runtime })
    await runtime.start(chat)
    const made = { runtime, chat }
    nodes.push(made)
    return made
  }

  const settle = async () => {
    for (const n of nodes) await n.runtime.idle()
  }

  const visitor: Actor = { kind: 'visitor', workspaceId: ws.id, visitorId: v.id, widgetId: widget.id }
  const operator: Actor = { kind: 'operator', workspaceId: ws.id, operator: op }

  async function systemBodies(conversationId: string): Promise<string[]> {
    const messages: Message[] = await store.listMessages(ws.id, conversationId)
    return messages.filter((m) => m.authorKind === 'system').map((m) => m.clientId.split(':')[1] ?? '')
  }

  return {
    store: store as Store,
    time,
    ws,
    line,
    visitor,
    operator,
    node,
    settle,
    advanceTo: (at: number) => time.advanceTo(at, settle),
    systemKinds: systemBodies,
    async close() {
      for (const n of nodes) await n.runtime.close()
      await bus.close()
      await store.close()
    },
  }
}
