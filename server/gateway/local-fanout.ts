/**
 * Channel → local sockets, with ONE bus subscription per channel per node however many sockets
 * listen (1000 operators' tabs of one workspace share one subscription), and one JSON encoding
 * per payload per node, not per socket.
 */
import type { Bus, BusPayload } from '../bus/types.ts'
import type { GatewaySocket } from './gateway-socket.ts'

export interface LocalFanoutDeps {
  bus: Bus
  /** Hands one encoded frame to one local socket. */
  deliver(ws: GatewaySocket, data: Buffer): void
  /** A failed unsubscribe: nothing to answer, but it must not go unnoticed. */
  onError(error: unknown, channel: string): void
}

export interface LocalFanout {
  /** Resolves once the channel's bus subscription is live; rejects when subscribing failed. */
  join(channel: string, ws: GatewaySocket): Promise<void>
  /** Unsubscribes from the bus when the channel's last local socket leaves. */
  leave(channel: string, ws: GatewaySocket): void
  /** Local channels with at least one socket. */
  channels(): number
  /** Unsubscribes every channel. */
  close(): Promise<void>
}

/**
 * Most channels (one visitor's) have a single socket, so that one is stored directly and a Set is
 * made only for a second one: memory per idle connection is a benchmarked budget.
 */
type Members = GatewaySocket | Set<GatewaySocket> | null

interface Entry {
  members: Members
  subscription: Promise<() => Promise<void>>
}

function addMember(entry: Entry, ws: GatewaySocket): void {
  const members = entry.members
  if (members === null) entry.members = ws
  else if (members instanceof Set) members.add(ws)
  else if (members !== ws) entry.members = new Set([members, ws])
}

/** True when `ws` was a member. */
function removeMember(entry: Entry, ws: GatewaySocket): boolean {
  const members = entry.members
  if (members === ws) {
    entry.members = null
    return true
  }
  if (!(members instanceof Set) || !members.delete(ws)) return false
  if (members.size === 0) entry.members = null
  return true
}

export function createLocalFanout({ bus, deliver, onError }: LocalFanoutDeps): LocalFanout {
  const entries = new Map<string, Entry>()
  const unsubscribing = new Set<Promise<void>>()

  function broadcast(entry: Entry, payload: BusPayload): void {
    const members = entry.members
    if (members === null) return
    const data = Buffer.from(JSON.stringify(payload))
    if (members instanceof Set) for (const ws of members) deliver(ws, data)
    else deliver(members, data)
  }

  function subscribe(channel: string): Entry {
    const entry: Entry = {
      members: null,
      subscription: bus.subscribe(channel, (payload) => broadcast(entry, payload)),
    }
    // A failed subscribe must not stick: the next socket retries with a fresh entry.
    entry.subscription.catch(() => {
      if (entries.get(channel) === entry) entries.delete(channel)
    })
    return entry
  }

  function unsubscribe(channel: string, entry: Entry): void {
    const done = entry.subscription
      .then(
        (off) => off().catch((error: unknown) => onError(error, channel)),
        // Nothing to undo: the subscribe failure already rejected `join` for the sockets concerned.
        () => undefined,
      )
      .finally(() => unsubscribing.delete(done))
    unsubscribing.add(done)
  }

  return {
    async join(channel, ws) {
      let entry = entries.get(channel)
      if (!entry) {
        entry = subscribe(channel)
        entries.set(channel, entry)
      }
      addMember(entry, ws)
      try {
        await entry.subscription
      } catch (error) {
        removeMember(entry, ws)
        throw error
      }
    },

    leave(channel, ws) {
      const entry = entries.get(channel)
      if (!entry || !removeMember(entry, ws) || entry.members !== null) return
      entries.delete(channel)
      unsubscribe(channel, entry)
    },

    channels() {
      return entries.size
    },

    async close() {
      for (const [channel, entry] of entries) unsubscribe(channel, entry)
      entries.clear()
      await Promise.all(unsubscribing)
    },
  }
}
