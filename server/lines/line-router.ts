/**
 * The routing runtime (issue "Open lines"): event-driven, one loop per line on each node. Every
 * event that can move a line's queue — a conversation opened, assigned or closed, an operator
 * coming, going or answering an offer — and one timer at the core's `nextWakeAt` run a pass: load
 * the line from the shared store, ask `route`, carry the decisions out. Passes of one line never
 * overlap on a node (events during a pass coalesce into one more pass); across nodes they may, and
 * the conditional writes of `carryOut` make that harmless.
 */
import type { Bus } from '../bus/types.ts'
import { ChatError, type Routing } from '../chat/types.ts'
import {
  accept as acceptOffer,
  DEFAULT_PRESENCE_TIMEOUT_MS,
  route,
  skip as skipOffer,
} from '../routing/index.ts'
import type { Conversation, Store } from '../store/types.ts'
import { type CarryOutResult, carryOut, settleOffers } from './carry-out.ts'
import { type LoadedLine, loadLine } from './load-line.ts'

export type RouterLog = (
  level: 'debug' | 'info' | 'warn' | 'error',
  msg: string,
  fields?: Record<string, unknown>,
) => void

/** Real timers by default; tests pass a faster pair (see line-router test kit). */
export interface RouterTimers {
  set(run: () => void, delayMs: number): { cancel(): void }
}

export interface LineRouterDeps {
  store: Store
  bus: Bus
  clock: { now(): number }
  log: RouterLog
  /** How long after its last heartbeat an `online` operator still counts (default 60 s). */
  presenceTimeoutMs?: number
  timers?: RouterTimers
}

export interface LineRouter extends Routing {
  kick(workspaceId: string, lineId: string): void
  kickWorkspace(workspaceId: string): void
  /**
   * Start-up sweep: routes every line that has someone waiting, once. Offers and wake timers do
   * not survive a restart, and a queue must not wait for the next event to move again.
   */
  sweep(): Promise<void>
  /** Resolves when no pass is running or queued on this node (tests). */
  idle(): Promise<void>
  close(): Promise<void>
}

interface LineLoop {
  workspaceId: string
  lineId: string
  running: Promise<void> | null
  dirty: boolean
  timer: { cancel(): void } | null
  /** Last queue position published per waiting conversation, so an unchanged one is not resent. */
  positions: Map<string, number>
}

/** A failed pass (database blip) is retried after this long rather than waiting for the next event. */
const RETRY_MS = 1000
/** Floor for the wake timer, so a wake instant already past can never spin. */
const MIN_DELAY_MS = 10

const realTimers: RouterTimers = {
  set(run, delayMs) {
    const timer = setTimeout(run, delayMs)
    timer.unref()
    return { cancel: () => clearTimeout(timer) }
  },
}

export function createLineRouter(deps: LineRouterDeps): LineRouter {
  const { store, bus, clock, log } = deps
  const timers = deps.timers ?? realTimers
  const presenceTimeoutMs = deps.presenceTimeoutMs ?? DEFAULT_PRESENCE_TIMEOUT_MS
  const carryDeps = { store, bus, clock }
  const loops = new Map<string, LineLoop>()
  const background = new Set<Promise<void>>()
  let closed = false

  function track(promise: Promise<void>): void {
    background.add(promise)
    void promise.then(() => background.delete(promise))
  }

  function loopOf(workspaceId: string, lineId: string): LineLoop {
    const key = `${workspaceId}:${lineId}`
    let loop = loops.get(key)
    if (!loop) {
      loop = { workspaceId, lineId, running: null, dirty: false, timer: null, positions: new Map() }
      loops.set(key, loop)
    }
    return loop
  }

  function kick(workspaceId: string, lineId: string): void {
    if (closed) return
    const loop = loopOf(workspaceId, lineId)
    if (loop.running) {
      loop.dirty = true
      return
    }
    loop.running = run(loop)
    track(loop.running)
  }

  async function run(loop: LineLoop): Promise<void> {
    do {
      loop.dirty = false
      try {
        await pass(loop)
      } catch (error) {
        log('error', 'routing pass failed; retrying', {
          workspaceId: loop.workspaceId,
          lineId: loop.lineId,
          retryInMs: RETRY_MS,
          error: error instanceof Error ? error.message : String(error),
        })
        wakeAt(loop, clock.now() + RETRY_MS)
      }
    } while (loop.dirty && !closed)
    loop.running = null
  }

  async function pass(loop: LineLoop): Promise<void> {
    const loaded = await loadLine(store, loop.workspaceId, loop.lineId)
    if (!loaded) {
      loop.timer?.cancel()
      loops.delete(`${loop.workspaceId}:${loop.lineId}`)
      return
    }
    await settleStale(loaded)
    const now = clock.now()
    const { decisions, nextWakeAt } = route(loaded.state, loaded.settings, now, { presenceTimeoutMs })
    const result = await carry(loaded, loop, decisions)
    // Another node or a reply got there first: this pass worked on an old state; look again.
    if (result.lost.length > 0) loop.dirty = true
    for (const id of loop.positions.keys()) {
      if (!loaded.waiting.some((c) => c.id === id)) loop.positions.delete(id)
    }
    wakeAt(loop, nextWakeAt)
  }

  async function settleStale(loaded: LoadedLine): Promise<void> {
    for (const id of loaded.stale) {
      const conversation = await store.getConversation(loaded.line.workspaceId, id)
      if (conversation && conversation.status === 'open' && conversation.assigneeId === null) continue
      if (conversation) await settleOffers(carryDeps, conversation)
    }
  }

  function carry(
    loaded: LoadedLine,
    loop: LineLoop,
    decisions: Parameters<typeof carryOut>[0],
  ): Promise<CarryOutResult> {
    const waiting = new Map(loaded.waiting.map((c) => [c.id, c]))
    return carryOut(
      decisions,
      { workspaceId: loaded.line.workspaceId, lineId: loaded.line.id, waiting, positions: loop.positions },
      carryDeps,
    )
  }

  function wakeAt(loop: LineLoop, at: number | null): void {
    loop.timer?.cancel()
    loop.timer = null
    if (at === null || closed) return
    const delay = Math.max(MIN_DELAY_MS, at - clock.now())
    loop.timer = timers.set(() => {
      loop.timer = null
      kick(loop.workspaceId, loop.lineId)
    }, delay)
  }

  function kickWorkspace(workspaceId: string): void {
    if (closed) return
    track(
      store.listLines(workspaceId).then(
        (lines) => {
          for (const line of lines) kick(workspaceId, line.id)
        },
        (error: unknown) =>
          log('error', 'routing: listing lines failed; the next event routes them', {
            workspaceId,
            error: error instanceof Error ? error.message : String(error),
          }),
      ),
    )
  }

  /** The conversation and its line's state, for an operator's answer to an offer. */
  async function forAnswer(workspaceId: string, conversationId: string): Promise<[Conversation, LoadedLine]> {
    const conversation = await store.getConversation(workspaceId, conversationId)
    const loaded = conversation && (await loadLine(store, workspaceId, conversation.lineId))
    if (!conversation || !loaded) throw new ChatError('not_found', 'No such conversation')
    return [conversation, loaded]
  }

  async function refuse(conversation: Conversation, result: CarryOutResult): Promise<void> {
    const reject = result.rejects[0]
    if (result.lost.length === 0 && reject?.reason === 'not_offered') {
      // A simultaneous accept on another node may have won and withdrawn this offer after our read:
      // for the operator that is "taken", not "never offered" (issue "Open lines", two-node accepts).
      const latest = await store.getConversation(conversation.workspaceId, conversation.id)
      const settled = latest !== undefined && (latest.assigneeId !== null || latest.status === 'closed')
      if (!settled) throw new ChatError('forbidden', 'This conversation is not offered to you')
    }
    if (result.lost.length === 0 && !reject) return
    // Too late: make sure this operator's offer goes too (whichever node settles first publishes).
    const now = await store.getConversation(conversation.workspaceId, conversation.id)
    if (now && (now.assigneeId !== null || now.status === 'closed')) await settleOffers(carryDeps, now)
    throw new ChatError('conversation_taken', 'Another operator already took this conversation')
  }

  async function sweep(): Promise<void> {
    const lines = await store.listLinesWithWaitingConversations()
    for (const { workspaceId, lineId } of lines) kick(workspaceId, lineId)
    log('info', 'routing: start-up sweep', { lines: lines.length })
  }

  return {
    kick,
    kickWorkspace,
    sweep,

    conversationChanged(conversation) {
      kick(conversation.workspaceId, conversation.lineId)
      // An assignee's load changed: their offers on other lines may stand or fall.
      if (conversation.assigneeId !== null) kickWorkspace(conversation.workspaceId)
    },

    presenceChanged(workspaceId) {
      kickWorkspace(workspaceId)
    },

    async accept(workspaceId, operatorId, conversationId) {
      const [conversation, loaded] = await forAnswer(workspaceId, conversationId)
      const loop = loopOf(workspaceId, conversation.lineId)
      const result = await carry(loaded, loop, acceptOffer(loaded.state, conversationId, operatorId))
      await refuse(conversation, result)
      kickWorkspace(workspaceId)
    },

    async skip(workspaceId, operatorId, conversationId) {
      const [conversation, loaded] = await forAnswer(workspaceId, conversationId)
      const loop = loopOf(workspaceId, conversation.lineId)
      const [first] = skipOffer(loaded.state, conversationId, operatorId, clock.now(), loaded.settings, {
        presenceTimeoutMs,
      }).decisions
      const result = await carry(loaded, loop, first ? [first] : [])
      await refuse(conversation, result)
      kick(workspaceId, conversation.lineId)
    },

    async idle() {
      while (background.size > 0) await Promise.all(background)
    },

    async close() {
      closed = true
      for (const loop of loops.values()) loop.timer?.cancel()
      while (background.size > 0) await Promise.all(background)
      loops.clear()
    },
  }
}
