/**
 * The visitor's side of a conversation (issue "Chat end to end"): restores history from storage,
 * creates the visitor on first contact, keeps the socket, resumes with `conversation.sync` from the
 * highest contiguous seq, resends un-acked messages with their original client ids, and shares what
 * happens with the other tabs. All IO comes in through `deps`, so tests drive it with fakes.
 */
import type { ClientFrame, ServerFrame } from '../../server/protocol/messages.ts'
import { isShared, type PeerChannel } from '../state/cross-tab.ts'
import { chatReducer, initialChatState } from '../state/messages-reducer.ts'
import { type KeyValue, persistChanges, readPersisted, storageKey } from '../state/persist.ts'
import { hasGap, outbox } from '../state/selectors.ts'
import { createStore } from '../state/store.ts'
import type { ChatAction, ChatMessage, Visitor } from '../state/types.ts'
import { backoffDelay } from './backoff.ts'
import { parseServerFrame } from './frames.ts'
import { encodeJson } from './json-encode.ts'
import { MAX_BODY_CHARS } from './limits.ts'
import { createSocketSession, type SocketSessionDeps } from './socket-session.ts'
import type { ChatController, ChatEventName, VisitorContext, VisitorTraits } from './types.ts'
import { createTypingThrottle } from './typing-throttle.ts'
import type { VisitorApi } from './visitor-api.ts'

const UNAUTHORIZED = 4001
/** An operator who stopped typing without saying so (tab closed) is not shown typing forever. */
const TYPING_TIMEOUT_MS = 10_000
/** Sockets that never open may mean the token was refused at the upgrade: check it over HTTP. */
const FAILURES_BEFORE_TOKEN_CHECK = 3

export interface ChatClientDeps extends SocketSessionDeps {
  widgetId: string
  /** From the widget config: the visitor socket endpoint. */
  wsUrl: string
  api: VisitorApi
  kv: KeyValue
  peers: PeerChannel | null
  now: () => number
  newId: () => string
  context: () => VisitorContext
  onEvent?: (name: ChatEventName, data: unknown) => void
  reportError: (error: unknown) => void
}

export function createChat(deps: ChatClientDeps): ChatController {
  const { timers, newId, reportError, api, peers } = deps
  const store = createStore(chatReducer, initialChatState)
  const state = store.getState
  const cleanups: (() => void)[] = []
  let started = false
  let restored = false
  const early: ChatAction[] = []
  let creating = false
  let traits: (VisitorTraits & { context?: VisitorContext }) | null = null
  let ready = false
  let syncFrom: number | null = null
  let syncRef: string | null = null
  let failures = 0
  let typingTimer: unknown = null
  let retryTimer: unknown = null
  let retryAttempt = 0

  const dispatch = (action: ChatAction) => {
    store.dispatch(action)
    if (peers && isShared(action)) peers.post(action)
  }

  const sendFrame = (frame: ClientFrame): boolean => session.send(encodeJson(frame))

  const typing = createTypingThrottle({
    timers,
    now: deps.now,
    send(isTyping) {
      const { conversationId } = state()
      if (conversationId) sendFrame({ type: 'typing.update', id: newId(), conversationId, typing: isTyping })
    },
  })

  const session = createSocketSession(deps, {
    url() {
      const visitor = state().visitor
      if (!visitor) return null
      const url = new URL(deps.wsUrl)
      url.searchParams.set('role', 'visitor')
      url.searchParams.set('token', visitor.token)
      return url.href
    },
    onOpen() {
      failures = 0
      store.dispatch({ type: 'connection', connection: 'connecting' })
    },
    onMessage(data) {
      const frame = parseServerFrame(data)
      if (frame) onFrame(frame)
      else reportError(new Error('Openline: ignored an unreadable frame from the server'))
    },
    onClose(code, opened) {
      ready = false
      syncFrom = null
      typing.reset()
      store.dispatch({ type: 'disconnected', connection: deps.network.online() ? 'connecting' : 'offline' })
      if (code === UNAUTHORIZED) resetVisitor()
      else if (!opened && ++failures % FAILURES_BEFORE_TOKEN_CHECK === 0) void checkToken()
    },
  })

  function onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'session.ready': {
        ready = true
        session.resetBackoff()
        store.dispatch({ type: 'session.ready', conversations: frame.conversations })
        store.dispatch({ type: 'connection', connection: 'online' })
        const s = state()
        const current = frame.conversations.find((c) => c.id === s.conversationId)
        if (current && s.readSeq > current.visitorReadSeq) sendRead(current.id, s.readSeq)
        sync()
        flush()
        return
      }
      case 'frame.ack':
        if (frame.message) dispatch({ type: 'acked', clientId: frame.ref, message: frame.message })
        else if (frame.ref === state().rating?.ref) store.dispatch({ type: 'rate.acked', ref: frame.ref })
        return
      case 'frame.error':
        onFrameError(frame.ref, frame.code, frame.message)
        return
      case 'message.created': {
        const before = state()
        dispatch({ type: 'received', message: frame.message })
        const after = state()
        if (frame.message.authorKind === 'operator') setPeerTyping(null)
        if (after !== before && frame.message.authorKind !== 'visitor')
          deps.onEvent?.('message', frame.message)
        if (syncFrom === null && hasGap(after)) sync()
        return
      }
      case 'conversation.synced': {
        const from = syncFrom
        syncFrom = null
        const s = state()
        const behind = hasGap(s) || frame.lastSeq > s.lastSeq
        // Re-sync only if the last one made progress: a server that cannot fill the gap is not hammered.
        if (frame.conversationId === s.conversationId && behind && from !== null && s.lastSeq > from) sync()
        return
      }
      case 'conversation.updated':
        dispatch({ type: 'conversation', conversation: frame.conversation })
        return
      case 'typing.updated':
        if (frame.authorKind === 'operator' && frame.conversationId === state().conversationId) {
          setPeerTyping(frame.typing ? { name: frame.authorName } : null)
        }
        return
      case 'queue.position':
        store.dispatch({
          type: 'queue.position',
          conversationId: frame.conversationId,
          position: frame.position,
        })
        return
      case 'read.updated':
        if (frame.conversationId === state().conversationId) {
          dispatch(
            frame.reader === 'operator'
              ? { type: 'peer.read', seq: frame.seq }
              : { type: 'read', seq: frame.seq },
          )
        }
        return
    }
  }

  function onFrameError(ref: string | null, code: string, message: string): void {
    // A refused rating (the 24 h window passed, say) is shown in the panel, where the visitor can retry.
    if (ref !== null && ref === state().rating?.ref) {
      store.dispatch({ type: 'rate.failed', ref })
      return
    }
    const pending = ref === null ? undefined : outbox(state()).find((m) => m.clientId === ref)
    if (!pending) {
      if (ref !== null && ref === syncRef) syncFrom = null
      reportError(new Error(`Openline: the server refused a frame (${code}): ${message}`))
      return
    }
    const { conversationId } = state()
    if (code === 'conversation_closed' && conversationId) {
      dispatch({ type: 'conversation.closed', conversationId })
      store.dispatch({ type: 'retry', clientId: pending.clientId })
      flush()
    } else if (code === 'rate_limited' || code === 'internal') {
      store.dispatch({ type: 'retry', clientId: pending.clientId })
      scheduleRetry()
    } else {
      dispatch({ type: 'failed', clientId: pending.clientId, error: code })
      // A closed line is an answer the panel shows the visitor, not a fault to report.
      if (code !== 'line_closed')
        reportError(new Error(`Openline: message not accepted (${code}): ${message}`))
    }
  }

  function scheduleRetry(): void {
    if (retryTimer !== null) return
    retryTimer = timers.setTimeout(
      () => {
        retryTimer = null
        flush()
      },
      Math.max(1000, backoffDelay(retryAttempt++, deps.random)),
    )
  }

  function setPeerTyping(peer: { name: string | null } | null): void {
    if (typingTimer !== null) timers.clearTimeout(typingTimer)
    typingTimer = peer ? timers.setTimeout(() => setPeerTyping(null), TYPING_TIMEOUT_MS) : null
    if (peer || state().typing) store.dispatch({ type: 'typing', peer })
  }

  function sync(): void {
    const s = state()
    if (!ready || !s.conversationId) return
    syncFrom = s.lastSeq
    syncRef = newId()
    sendFrame({
      type: 'conversation.sync',
      id: syncRef,
      conversationId: s.conversationId,
      afterSeq: s.lastSeq,
    })
  }

  /** Sends every pending message, oldest first, with its original client id. */
  function flush(): void {
    if (!ready) return
    const s = state()
    const conversationId = s.conversationStatus === 'open' ? s.conversationId : null
    const sent: string[] = []
    for (const m of outbox(s)) {
      if (m.status !== 'pending') continue
      const frame: ClientFrame = {
        type: 'message.send',
        id: m.clientId,
        body: m.body,
        ...(conversationId && { conversationId }),
        ...(m.attachments && { attachments: m.attachments.map((a) => a.id) }),
      }
      if (!sendFrame(frame)) break
      sent.push(m.clientId)
    }
    if (sent.length) {
      store.dispatch({ type: 'transmitted', clientIds: sent })
      retryAttempt = 0
    }
  }

  function sendRead(conversationId: string, seq: number): void {
    sendFrame({ type: 'message.read', id: newId(), conversationId, seq })
  }

  function adoptVisitor(visitor: Visitor): void {
    dispatch({ type: 'visitor', visitor })
    session.kick()
    applyTraits().catch(reportError)
  }

  /** First contact: the visitor record is created only when someone opens the chat or writes. */
  function ensureVisitor(): void {
    if (!restored || creating || state().visitor) return
    creating = true
    void (async () => {
      try {
        const visitor = await api.createVisitor(deps.context())
        // Another tab may have created one meanwhile: one visitor per browser, keep the first.
        if (!state().visitor) adoptVisitor(visitor)
      } catch (error) {
        reportError(error)
      } finally {
        creating = false
      }
    })()
  }

  /** Someone is (or has something) waiting: the chat is open, or messages wait to be sent. */
  function ensureVisitorIfWanted(): void {
    const s = state()
    if (s.open || outbox(s).length) ensureVisitor()
  }

  function resetVisitor(): void {
    dispatch({ type: 'visitor.reset' })
    ensureVisitorIfWanted()
  }

  async function checkToken(): Promise<void> {
    const visitor = state().visitor
    if (!visitor) return
    try {
      if ((await api.updateVisitor(visitor.token, {})) === 'unauthorized') resetVisitor()
    } catch (error) {
      reportError(error)
    }
  }

  async function applyTraits(): Promise<void> {
    const visitor = state().visitor
    const pending = traits
    if (!visitor || !pending) return
    traits = null
    if ((await api.updateVisitor(visitor.token, pending)) === 'unauthorized') {
      // Traits identified while the request was in flight are newer: they win.
      traits = Object.assign({}, pending, traits)
      resetVisitor()
    }
  }

  function fromPeer(action: ChatAction): void {
    if (!restored) {
      early.push(action)
      return
    }
    if (action.type === 'visitor') {
      if (state().visitor) return
      store.dispatch(action)
      session.kick()
      return
    }
    store.dispatch(action)
  }

  return {
    getState: state,
    subscribe: store.subscribe,
    async start() {
      if (started) return
      started = true
      if (peers) cleanups.push(peers.listen(fromPeer))
      const key = storageKey(deps.widgetId)
      try {
        const persisted = readPersisted(await deps.kv.get(key))
        if (persisted) store.dispatch({ type: 'restored', persisted })
      } catch (error) {
        reportError(error)
      }
      restored = true
      for (const action of early.splice(0)) fromPeer(action)
      cleanups.push(persistChanges(store, deps.kv, key, reportError))
      cleanups.push(
        deps.network.subscribe((online) => {
          if (online) ensureVisitorIfWanted()
        }),
      )
      session.start()
      ensureVisitorIfWanted()
    },
    send(body, files) {
      const text = body.trim()
      if ((!text && !files?.length) || text.length > MAX_BODY_CHARS) return false
      const s = state()
      const message: ChatMessage = {
        clientId: newId(),
        id: null,
        seq: null,
        conversationId: s.conversationId,
        authorKind: 'visitor',
        authorName: null,
        authorAvatarUrl: null,
        body: text,
        createdAt: deps.now(),
        status: 'pending',
        ...(files?.length && { attachments: files }),
      }
      typing.stop()
      dispatch({ type: 'queued', message })
      ensureVisitor()
      flush()
      return true
    },
    typing() {
      const s = state()
      if (ready && s.conversationId && s.conversationStatus === 'open') typing.input()
    },
    markRead() {
      const s = state()
      if (!s.conversationId || s.lastSeq <= s.readSeq) return
      dispatch({ type: 'read', seq: s.lastSeq })
      if (ready) sendRead(s.conversationId, s.lastSeq)
    },
    rate(value, comment) {
      const s = state()
      if (!s.conversationId || s.conversationStatus !== 'closed') return
      const ref = newId()
      const text = comment.trim().slice(0, MAX_BODY_CHARS)
      store.dispatch({
        type: 'rate',
        conversationId: s.conversationId,
        ref,
        value,
        comment: text || null,
      })
      const frame: ClientFrame = {
        type: 'conversation.rate',
        id: ref,
        conversationId: s.conversationId,
        rating: value,
      }
      if (text) frame.comment = text
      if (!ready || !sendFrame(frame)) store.dispatch({ type: 'rate.failed', ref })
    },
    end() {
      const s = state()
      if (!ready || !s.conversationId || s.conversationStatus !== 'open') return false
      typing.stop()
      return sendFrame({ type: 'conversation.close', id: newId(), conversationId: s.conversationId })
    },
    setOpen(open) {
      store.dispatch({ type: 'open', open })
      if (open) ensureVisitor()
      else typing.stop()
    },
    async identify(next) {
      traits = { ...(traits ?? {}), ...next }
      await applyTraits()
    },
    stop() {
      session.stop()
      typing.reset()
      for (const timer of [typingTimer, retryTimer]) if (timer !== null) timers.clearTimeout(timer)
      for (const cleanup of cleanups.splice(0)) cleanup()
    },
  }
}
