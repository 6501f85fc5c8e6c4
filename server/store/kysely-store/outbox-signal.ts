import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'

/**
 * In-process "an outbox event was written" (issue 6: wake the relay event-driven). A Kysely plugin
 * sees every INSERT into `outbox_events`, whoever wrote it (chat, callbacks, forms — all through
 * `insertOutboxEvent` inside their own transactions), so no caller has to remember to notify. The
 * listeners run on the next turn of the event loop: by then the writer's transaction has usually
 * committed; if not, the relay's next look (due-time timer or sweep) finds the row.
 */
export interface OutboxSignal extends KyselyPlugin {
  subscribe(listener: () => void): () => void
}

export function createOutboxSignal(): OutboxSignal {
  const listeners = new Set<() => void>()
  const inserts = new WeakSet<object>()
  const notify = () => {
    for (const listener of listeners) listener()
  }
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      const node = args.node
      if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'outbox_events') {
        inserts.add(args.queryId)
      }
      return node
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (inserts.has(args.queryId) && listeners.size > 0) setTimeout(notify, 0)
      return args.result
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
