/**
 * The outbox relay (issue 6, item 2): expands outbox events into one delivery per enabled CRM
 * connection whose lead rules take the event (`deliveryTargets`, issue 6 item 1) and delivers
 * them. Every node runs one; the database is the only shared state, so a restart or another node
 * continues where this one stopped.
 *
 * Waking is event-driven: the store's signal after any outbox event is written on this node
 * (`onOutboxEvent`), a message on the bus channel `OUTBOX_WAKE_CHANNEL` (any node, e.g. after a
 * replay), and one timer per node for the earliest due row — capped by `sweepMs` as a safety net
 * (a transaction that committed after the signal fired, Redis pub/sub being at-most-once).
 */
import type { Bus } from '../bus/types.ts'
import { type CrmError, isCrmError } from '../crm/crm-error.ts'
import type { LeadKind } from '../crm/types.ts'
import type { ChatLeadSource } from '../leads/chat-lead-source.ts'
import { deliveryTargets, leadKindOf, rulesNeedOrigin } from '../leads/lead-rules.ts'
import type { LeadSource } from '../leads/lead-source.ts'
import type { Log } from '../log/index.ts'
import type { StoredCrmConnection } from '../store/crm-connection-types.ts'
import type { CrmDelivery } from '../store/outbox-types.ts'
import type { Store } from '../store/types.ts'
import type { AdapterFor } from './connection-adapters.ts'
import { deliver } from './deliver.ts'
import { classifyFailure } from './failure.ts'
import { leadOrigin } from './lead-origin.ts'
import { nextAttempt, type RetryPolicy, retryAfter, STANDARD_WEBHOOKS_POLICY } from './schedule.ts'

export const OUTBOX_WAKE_CHANNEL = 'outbox:wake'

export interface RelayOptions {
  policy: RetryPolicy
  /** How long a claim holds a row; a node that died holding it is replaced after this. */
  leaseMs: number
  /** Deliveries in progress at once on this node (pacing per connection still applies). */
  batchSize: number
  /** Longest sleep between looks at the database. */
  sweepMs: number
  /** How long a close or transfer waits for its lead before looking again. */
  followUpWaitMs: number
}

export const DEFAULT_RELAY_OPTIONS: RelayOptions = {
  policy: STANDARD_WEBHOOKS_POLICY,
  leaseMs: 60_000,
  batchSize: 16,
  sweepMs: 5_000,
  followUpWaitMs: 1_000,
}

export interface RelayDeps {
  store: Store
  bus?: Bus
  clock: { now(): number }
  random: () => number
  log: Log
  adapterFor: AdapterFor
  chat: ChatLeadSource
  sources: Partial<Record<LeadKind, LeadSource>>
  /** Unique per process; the owner written into claimed rows. */
  nodeId?: string
  options?: Partial<RelayOptions>
}

export interface Relay {
  start(): Promise<void>
  /** Look at the database now (something was just written). */
  wake(): void
  /** Resolves when the relay has nothing in progress (tests). */
  settled(): Promise<void>
  close(): Promise<void>
}

/** Waits of a timer are capped so a far-off row never needs a 3-day setTimeout. */
const MIN_TIMER_MS = 20

export function createRelay(deps: RelayDeps): Relay {
  const { store, clock, log } = deps
  const options = { ...DEFAULT_RELAY_OPTIONS, ...deps.options }
  const owner = deps.nodeId ?? crypto.randomUUID()
  let closed = false
  let running: Promise<void> | undefined
  let again = false
  let timer: NodeJS.Timeout | undefined
  let unsubscribe: (() => Promise<void>) | undefined
  /** A connection that answered "slow down" is left alone until then (Retry-After, issue 6). */
  const pausedUntil = new Map<string, number>()

  async function expand(): Promise<void> {
    for (;;) {
      const events = await store.listUnexpandedOutboxEvents(100)
      if (events.length === 0) return
      const byWorkspace = new Map<string, StoredCrmConnection[]>()
      for (const event of events) {
        let connections = byWorkspace.get(event.workspaceId)
        if (!connections) {
          connections = (await store.listCrmConnections(event.workspaceId)).filter((c) => c.enabled)
          byWorkspace.set(event.workspaceId, connections)
        }
        // Each connection's lead rules pick the leads it gets (issue 6, item 1); the lead's line and
        // widget are looked up only when some rule restricts them.
        const kind = leadKindOf(event.topic)
        const origin =
          kind && connections.some((c) => rulesNeedOrigin(c.leadRules))
            ? await leadOrigin(store, kind, event.workspaceId, event.subjectId)
            : undefined
        await store.expandOutboxEvent(event, deliveryTargets(event.topic, origin, connections), clock.now())
      }
      if (events.length < 100) return
    }
  }

  async function settle(delivery: CrmDelivery, connection: StoredCrmConnection | undefined): Promise<void> {
    const write = (update: Parameters<Store['updateClaimedDelivery']>[2]) =>
      store.updateClaimedDelivery(delivery.id, owner, update)
    const now = clock.now()
    if (!connection?.enabled) {
      await write({
        status: 'dead',
        nextAttemptAt: null,
        lastError: 'the CRM connection was removed or disabled',
        now,
      })
      return
    }
    const paused = pausedUntil.get(connection.id) ?? 0
    if (paused > now) {
      await write({ nextAttemptAt: paused, now })
      return
    }
    // Renew right before the CRM call: the claim may have waited in this batch.
    if (!(await store.renewDeliveryLease(delivery.id, owner, now + options.leaseMs))) return
    const outcome = await deliver(delivery, {
      store,
      connection,
      adapter: deps.adapterFor(connection),
      sources: deps.sources,
      chat: deps.chat,
      now: () => clock.now(),
      followUpWaitMs: options.followUpWaitMs,
      recordCrmId: async (crmId) => {
        await write({ crmId, ambiguous: false, keepLease: true, now: clock.now() })
      },
    })
    const at = clock.now()
    if (outcome.kind === 'delivered') {
      await write({
        status: 'delivered',
        nextAttemptAt: null,
        deliveredAt: at,
        lastError: null,
        crmId: outcome.crmId ?? undefined,
        now: at,
      })
      return
    }
    if (outcome.kind === 'wait') {
      await write({ nextAttemptAt: outcome.until, now: at })
      return
    }
    const failure = classifyFailure(outcome.error)
    if (failure.rateLimited && failure.retryAfterMs)
      pausedUntil.set(connection.id, at + retryAfter(failure.retryAfterMs, options.policy))
    const failures = delivery.attempts + 1
    const next = failure.retryable
      ? nextAttempt({
          failures,
          retryFrom: delivery.retryFrom,
          now: at,
          random: deps.random,
          retryAfterMs: failure.retryAfterMs,
          policy: options.policy,
        })
      : ({ kind: 'dead' } as const)
    const ambiguous = delivery.ambiguous || failure.ambiguous
    if (next.kind === 'dead') {
      log('warn', 'crm delivery dead-lettered', {
        deliveryId: delivery.id,
        connectionId: connection.id,
        error: failure.message,
      })
      await write({
        status: 'dead',
        attempts: failures,
        nextAttemptAt: null,
        ambiguous,
        lastError: failure.message,
        now: at,
      })
    } else {
      await write({
        attempts: failures,
        nextAttemptAt: next.at,
        ambiguous,
        lastError: failure.message,
        now: at,
      })
    }
  }

  /** Deliveries in progress on this node; a slow CRM holds its own slots, never the others'. */
  const inFlight = new Set<Promise<void>>()
  /**
   * Their ids: on a loaded node a delivery can outlive its lease, and this node's next claim then
   * takes the row again. Starting it twice would look the lead up while the first attempt's request
   * is still on its way and send a duplicate, so a re-claimed row that is still in progress here is
   * left to that attempt (the claim only renewed the lease).
   */
  const inFlightIds = new Set<string>()

  function launch(claimed: CrmDelivery[]): void {
    const connections = new Map<string, Promise<StoredCrmConnection | undefined>>()
    for (const delivery of claimed) {
      if (inFlightIds.has(delivery.id)) continue
      inFlightIds.add(delivery.id)
      const key = `${delivery.workspaceId}:${delivery.connectionId}`
      let connection = connections.get(key)
      if (!connection) {
        connection = store.getCrmConnection(delivery.workspaceId, delivery.connectionId)
        connections.set(key, connection)
      }
      const work = connection
        .then((found) => settle(delivery, found))
        .catch((error: unknown) => {
          // The store failed while settling: the lease runs out and the row is retried (looked up first).
          log('error', 'crm delivery could not be settled', {
            deliveryId: delivery.id,
            error: describe(error),
          })
        })
        .finally(() => {
          inFlight.delete(work)
          inFlightIds.delete(delivery.id)
          pump()
        })
      inFlight.add(work)
    }
  }

  async function round(): Promise<void> {
    do {
      again = false
      await expand()
      const free = options.batchSize - inFlight.size
      if (free <= 0) return
      const claimed = await store.claimDueDeliveries({
        owner,
        now: clock.now(),
        leaseMs: options.leaseMs,
        limit: free,
      })
      launch(claimed)
      if (claimed.length === free) again = true
    } while (again && !closed)
  }

  async function arm(): Promise<void> {
    if (closed) return
    const now = clock.now()
    const at = await store.nextOutboxWakeAt(now)
    const wait = at === null ? options.sweepMs : Math.min(Math.max(at - now, MIN_TIMER_MS), options.sweepMs)
    clearTimeout(timer)
    timer = setTimeout(pump, wait)
    timer.unref?.()
  }

  function pump(): void {
    if (closed) return
    if (running) {
      again = true
      return
    }
    running = (async () => {
      try {
        await round()
        await arm()
      } catch (error) {
        if (closed) return
        log('error', 'outbox relay round failed', { error: describe(error) })
        clearTimeout(timer)
        timer = setTimeout(pump, options.sweepMs)
        timer.unref?.()
      }
    })().finally(() => {
      running = undefined
      // a wake that came while the timer was being armed
      if (again && !closed) pump()
    })
  }

  return {
    async start() {
      const offSignal = store.onOutboxEvent(() => pump())
      const offBus = deps.bus ? await deps.bus.subscribe(OUTBOX_WAKE_CHANNEL, () => pump()) : undefined
      unsubscribe = async () => {
        offSignal()
        await offBus?.()
      }
      pump()
    },
    wake: pump,
    async settled() {
      while (running || inFlight.size > 0) await Promise.all([running, ...inFlight])
    },
    async close() {
      closed = true
      clearTimeout(timer)
      await unsubscribe?.()
      while (running || inFlight.size > 0) await Promise.all([running, ...inFlight])
    },
  }
}

function describe(error: unknown): string {
  if (isCrmError(error)) return (error as CrmError).message
  return error instanceof Error ? error.message : String(error)
}
