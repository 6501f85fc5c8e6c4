/**
 * Hands the operator socket's `callback.*` frames to the callbacks page (issue 5, item 2), which
 * mounts and unmounts while the one socket of the console stays up.
 */
import type { ServerFrame, WireCallback } from '../../server/protocol/messages.ts'

export interface CallbackFeed {
  publish(frame: ServerFrame): void
  /** Returns the unsubscribe function. */
  subscribe(listener: (callback: WireCallback) => void): () => void
}

export function createCallbackFeed(): CallbackFeed {
  const listeners = new Set<(callback: WireCallback) => void>()
  return {
    publish(frame) {
      if (frame.type !== 'callback.created' && frame.type !== 'callback.updated') return
      for (const listener of listeners) listener(frame.callback)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
