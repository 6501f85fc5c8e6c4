import { type Bus, channels } from '../bus/types.ts'
import { readLineSettings } from '../line-settings/index.ts'
import { reopenableConversation, withinReopenWindow } from '../lines/reopen.ts'
import type { ServerFrame, WireConversation } from '../protocol/messages.ts'
import { DEFAULT_PRESENCE_TIMEOUT_MS } from '../routing/index.ts'
import { AttachmentNotFoundError } from '../store/attachment-types.ts'
import type { CloseReason, Conversation, Message, Rating, Store } from '../store/types.ts'
import { isOpen, offHoursBehaviour } from '../working-hours/index.ts'
import { createTeamwork } from './teamwork.ts'
import { type Actor, ChatError, type ChatService, type Routing, type SendResult } from './types.ts'
import { toWireConversation, toWireMessage, toWireNote } from './wire.ts'

export interface ChatDeps {
  store: Store
  bus: Bus
  clock: { now(): number }
  /** The line routing runtime (server/lines/); without it nothing is routed or offered. */
  routing?: Routing
  /** The auto-reply runtime (server/auto-reply-runtime/); told about messages and closings. */
  autoReplies?: AutoReplyHooks
  /** How long a console heartbeat keeps an operator present; the line router's value. */
  presenceTimeoutMs?: number
}

/** What the chat service tells the auto-reply runtime; calls return at once (the runtime queues). */
export interface AutoReplyHooks {
  visitorMessage(conversation: Conversation): void
  operatorReplied(conversation: Conversation): void
  closed(conversation: Conversation): void
}

/** What the auto-reply runtime may do through the chat service, on the same publish path. */
export interface ChatAutomation {
  /** Appends a system message and publishes it; false when the client id was stored before. */
  postSystemMessage(conversation: Conversation, clientId: string, body: string): Promise<boolean>
  /** Closes an open conversation with close reason `inactivity`; false when it was already closed. */
  closeForInactivity(workspaceId: string, conversationId: string): Promise<boolean>
}

type Audience = 'everyone' | 'operators'

/** Replays are read in pages so a long-offline client never loads a whole history at once. */
const SYNC_PAGE = 500

export function createChatService({
  store,
  bus,
  clock,
  routing,
  autoReplies,
  presenceTimeoutMs = DEFAULT_PRESENCE_TIMEOUT_MS,
}: ChatDeps): ChatService & ChatAutomation {
  async function publish(conversation: Conversation, frame: ServerFrame, audience: Audience): Promise<void> {
    const sends = [bus.publish(channels.operators(conversation.workspaceId), frame)]
    if (audience === 'everyone') {
      sends.push(bus.publish(channels.visitor(conversation.workspaceId, conversation.visitorId), frame))
    }
    await Promise.all(sends)
  }

  /** Pass what is known to save queries: `lastMessage` (null = has none), the visitor's name. */
  async function wire(
    conversation: Conversation,
    lastMessage?: Message | null,
    known?: { visitorName: string | null },
    extras?: { participantIds: string[]; rating: Rating | null },
  ): Promise<WireConversation> {
    const [visitor, last, more] = await Promise.all([
      known ??
        store
          .getVisitor(conversation.workspaceId, conversation.visitorId)
          .then((v) => ({ visitorName: v?.name ?? null })),
      lastMessage !== undefined
        ? lastMessage
        : store.lastMessages(conversation.workspaceId, [conversation.id]).then((m) => m.get(conversation.id)),
      extras ?? extrasOf(conversation.workspaceId, [conversation.id]).then((get) => get(conversation.id)),
    ])
    return toWireConversation(conversation, {
      visitorName: visitor.visitorName,
      lastMessage: last ?? undefined,
      ...more,
    })
  }

  /** Participants and ratings (issue "Open lines", items 4 and 5), two queries for any number. */
  async function extrasOf(workspaceId: string, ids: string[]) {
    const [participants, ratings] = await Promise.all([
      store.participantsOf(workspaceId, ids),
      store.ratingsOf(workspaceId, ids),
    ])
    return (id: string) => ({ participantIds: participants.get(id) ?? [], rating: ratings.get(id) ?? null })
  }

  /**
   * Whether a new conversation may start on the line at `now`, and the KPI "started inside working
   * hours" (issue "Open lines", items 2 and 7), judged once, when the conversation starts. The
   * off-hours rules "offer the form" and "hide the widget" refuse new chats on the server too: the
   * widget's copy of the rule can be a minute old and a raw socket never asked it.
   */
  async function lineAtStart(workspaceId: string, lineId: string, now: number) {
    const line = await store.getLine(workspaceId, lineId)
    if (!line) return { acceptsNewChats: true, insideWorkingHours: null }
    const settings = readLineSettings(line.settings)
    const open = isOpen(settings.workingHours, now)
    return {
      acceptsNewChats: offHoursBehaviour(settings.offHours, open).acceptMessages,
      insideWorkingHours: open,
    }
  }

  /** The conversation if the actor may see it; a visitor sees only their own. */
  async function readable(actor: Actor, conversationId: string): Promise<Conversation> {
    const conversation = await store.getConversation(actor.workspaceId, conversationId)
    if (!conversation || (actor.kind === 'visitor' && conversation.visitorId !== actor.visitorId)) {
      throw new ChatError('not_found', 'No such conversation')
    }
    return conversation
  }

  async function conversationForVisitorMessage(
    actor: Extract<Actor, { kind: 'visitor' }>,
    conversationId: string | undefined,
  ): Promise<{ conversation: Conversation; created: boolean }> {
    // Issue "Open lines": a closed conversation reopens only within its line's reopen window.
    if (conversationId) {
      const given = await readable(actor, conversationId)
      if (await withinReopenWindow(store, given, clock.now())) return { conversation: given, created: false }
    }
    const open = await store.findOpenConversation(actor.workspaceId, actor.visitorId)
    if (open) return { conversation: open, created: false }
    const recent = await reopenableConversation(store, actor.workspaceId, actor.visitorId, clock.now())
    if (recent) return { conversation: recent, created: false }
    const widget = actor.widgetId ? await store.findWidget(actor.widgetId) : undefined
    if (!widget || widget.workspaceId !== actor.workspaceId) {
      throw new ChatError('not_found', 'The widget of this visitor no longer exists')
    }
    const now = clock.now()
    const line = await lineAtStart(actor.workspaceId, widget.lineId, now)
    if (!line.acceptsNewChats) {
      throw new ChatError('line_closed', 'The line is closed now; leave a callback request or a form instead')
    }
    const conversation = await store.createConversation({
      workspaceId: actor.workspaceId,
      lineId: widget.lineId,
      widgetId: widget.id,
      visitorId: actor.visitorId,
      now,
      startedInsideWorkingHours: line.insideWorkingHours,
    })
    return { conversation, created: true }
  }

  async function send(
    actor: Actor,
    input: { clientId: string; conversationId?: string; body: string; attachments?: string[] | undefined },
  ): Promise<SendResult> {
    let conversation: Conversation
    let created = false
    let authorId: string
    let authorName: string | null
    let authorAvatarUrl: string | null = null
    let known: { visitorName: string | null } | undefined
    if (actor.kind === 'visitor') {
      ;({ conversation, created } = await conversationForVisitorMessage(actor, input.conversationId))
      const visitor = await store.getVisitor(actor.workspaceId, actor.visitorId)
      authorId = actor.visitorId
      authorName = visitor?.name ?? null
      known = { visitorName: authorName }
    } else {
      if (!input.conversationId)
        throw new ChatError('invalid_frame', 'conversationId is required for operators')
      conversation = await readable(actor, input.conversationId)
      authorId = actor.operator.id
      authorName = actor.operator.name
      authorAvatarUrl = actor.operator.avatarUrl
    }

    const { message, duplicate } = await store
      .appendMessage({
        workspaceId: actor.workspaceId,
        conversationId: conversation.id,
        clientId: input.clientId,
        authorKind: actor.kind,
        authorId,
        authorName,
        authorAvatarUrl,
        body: input.body,
        now: clock.now(),
        // issue 5, item 4: the author's own uploads, checked and linked in the append's transaction
        ...(input.attachments?.length ? { attachmentIds: input.attachments } : {}),
      })
      .catch(explainAttachmentError)
    if (duplicate) {
      const stored = (await store.getConversation(actor.workspaceId, message.conversationId)) ?? conversation
      return {
        message: toWireMessage(message),
        conversation: await wire(stored, undefined, known),
        duplicate,
      }
    }
    if (actor.kind === 'operator' && conversation.status === 'closed') {
      // Checked after the append's dedupe so a resend of an acknowledged reply is still acknowledged.
      throw new ChatError('conversation_closed', 'The conversation is closed')
    }

    const updated = await afterAppend(actor, conversation, created)
    await publish(updated, { type: 'message.created', message: toWireMessage(message) }, 'everyone')
    if (actor.kind === 'visitor') autoReplies?.visitorMessage(updated)
    else autoReplies?.operatorReplied(updated)
    return { message: toWireMessage(message), conversation: await wire(updated, message, known), duplicate }
  }

  /** Connected to the console (heartbeat within the timeout); "away" still answers their own chats. */
  async function operatorPresent(workspaceId: string, operatorId: string, now: number): Promise<boolean> {
    const [presence] = await store.listOperatorPresence(workspaceId, [operatorId])
    return (
      presence !== undefined && presence.status !== 'offline' && now < presence.lastSeenAt + presenceTimeoutMs
    )
  }

  /** State changes a new message implies: a visitor reopens a closed chat; a reply claims an unassigned one. */
  async function afterAppend(
    actor: Actor,
    conversation: Conversation,
    created: boolean,
  ): Promise<Conversation> {
    const now = clock.now()
    let next = (await store.getConversation(conversation.workspaceId, conversation.id)) ?? conversation
    if (created) {
      await store.addEvent({ ...eventBase(actor, next, now), type: 'conversation.opened' })
    } else if (actor.kind === 'visitor' && next.status === 'closed') {
      // Issue "Open lines": the reopened chat stays with its operator while they are connected;
      // one who has left would leave the visitor unanswered, so it goes back to the line's queue.
      const previous = next.assigneeId
      const keep = previous !== null && (await operatorPresent(next.workspaceId, previous, now))
      next = await store.updateConversation(next.workspaceId, next.id, {
        status: 'open',
        closedAt: null,
        ...(keep ? {} : { assigneeId: null }),
        now,
      })
      await store.addEvent({
        ...eventBase(actor, next, now),
        type: 'conversation.reopened',
        ...(previous !== null && !keep && { data: { releasedFrom: previous } }),
      })
    } else if (actor.kind === 'operator' && next.assigneeId === null) {
      // The same conditional write as routing's: a reply racing an accept on another node cannot
      // assign the conversation twice (issue "Open lines").
      const claimed = await store.assignIfUnassigned(next.workspaceId, next.id, actor.operator.id, now)
      if (!claimed) return (await store.getConversation(next.workspaceId, next.id)) ?? next
      next = claimed
      await store.addEvent({
        ...eventBase(actor, next, now),
        type: 'conversation.assigned',
        data: { operatorId: actor.operator.id, reason: 'replied' },
      })
    } else {
      return next
    }
    await publish(next, { type: 'conversation.updated', conversation: await wire(next) }, 'everyone')
    routing?.conversationChanged(next)
    return next
  }

  async function sync(actor: Actor, conversationId: string, afterSeq: number, afterNoteSeq = 0) {
    const conversation = await readable(actor, conversationId)
    const messages: Message[] = []
    let cursor = afterSeq
    for (;;) {
      const page = await store.listMessages(actor.workspaceId, conversationId, {
        afterSeq: cursor,
        limit: SYNC_PAGE,
      })
      messages.push(...page)
      if (page.length < SYNC_PAGE) break
      cursor = page[page.length - 1]!.seq
    }
    const lastSeq = Math.max(conversation.lastSeq, messages.at(-1)?.seq ?? 0)
    // Notes are read only for operators: a visitor's replay never queries them at all.
    const notes =
      actor.kind === 'operator'
        ? (await store.listNotes(actor.workspaceId, conversationId, { afterSeq: afterNoteSeq })).map(
            toWireNote,
          )
        : []
    return { messages: messages.map(toWireMessage), lastSeq, notes }
  }

  async function markRead(actor: Actor, conversationId: string, seq: number): Promise<void> {
    await readable(actor, conversationId)
    const reader = actor.kind === 'visitor' ? 'visitor' : 'operator'
    const updated = await store.markRead(actor.workspaceId, conversationId, reader, seq)
    const readSeq = reader === 'visitor' ? updated.visitorReadSeq : updated.operatorReadSeq
    await publish(updated, { type: 'read.updated', conversationId, reader, seq: readSeq }, 'everyone')
  }

  async function setTyping(actor: Actor, conversationId: string, typing: boolean): Promise<void> {
    const conversation = await readable(actor, conversationId)
    const author =
      actor.kind === 'visitor'
        ? { authorKind: 'visitor' as const, authorId: actor.visitorId, authorName: null }
        : { authorKind: 'operator' as const, authorId: actor.operator.id, authorName: actor.operator.name }
    await publish(conversation, { type: 'typing.updated', conversationId, typing, ...author }, 'everyone')
  }

  async function close(actor: Actor, conversationId: string): Promise<WireConversation> {
    const conversation = await readable(actor, conversationId)
    if (conversation.status === 'closed') return wire(conversation)
    const { actorKind, actorId } = eventBase(actor, conversation, 0)
    return closeAs(conversation, actor.kind, { actorKind, actorId })
  }

  async function closeAs(
    conversation: Conversation,
    reason: CloseReason,
    by: { actorKind: 'visitor' | 'operator' | 'system'; actorId: string | null },
  ): Promise<WireConversation> {
    const now = clock.now()
    const closed = await store.updateConversation(conversation.workspaceId, conversation.id, {
      status: 'closed',
      closedAt: now,
      closeReason: reason,
      now,
    })
    await store.addEvent({
      workspaceId: closed.workspaceId,
      conversationId: closed.id,
      ...by,
      now,
      type: 'conversation.closed',
      ...(reason === 'inactivity' ? { data: { reason } } : {}),
    })
    const wired = await wire(closed)
    await publish(closed, { type: 'conversation.updated', conversation: wired }, 'everyone')
    routing?.conversationChanged(closed)
    autoReplies?.closed(closed)
    return wired
  }

  async function closeForInactivity(workspaceId: string, conversationId: string): Promise<boolean> {
    const conversation = await store.getConversation(workspaceId, conversationId)
    if (!conversation || conversation.status === 'closed') return false
    await closeAs(conversation, 'inactivity', { actorKind: 'system', actorId: null })
    return true
  }

  async function list(actor: Actor, query: { status?: 'open' | 'closed'; mine?: boolean } = {}) {
    const rows =
      actor.kind === 'visitor'
        ? await store.listConversations(actor.workspaceId, {
            visitorId: actor.visitorId,
            status: query.status,
          })
        : await store.listConversations(actor.workspaceId, {
            status: query.status,
            ...(query.mine ? { assigneeId: actor.operator.id } : {}),
          })
    const ids = rows.map((c) => c.id)
    const [last, extras] = await Promise.all([
      store.lastMessages(actor.workspaceId, ids),
      extrasOf(actor.workspaceId, ids),
    ])
    return Promise.all(rows.map((c) => wire(c, last.get(c.id) ?? null, undefined, extras(c.id))))
  }

  async function get(actor: Actor, conversationId: string): Promise<WireConversation> {
    return wire(await readable(actor, conversationId))
  }

  async function setPresence(workspaceId: string, operatorId: string, status: 'online' | 'away' | 'offline') {
    await store.setOperatorPresence(workspaceId, operatorId, status, clock.now())
    await bus.publish(channels.operators(workspaceId), { type: 'presence.updated', operatorId, status })
    routing?.presenceChanged(workspaceId)
  }

  async function refreshPresence(operatorIds: string[]): Promise<void> {
    await store.touchOperatorPresence(operatorIds, clock.now())
  }

  function routingFor(actor: Actor): { routing: Routing; operatorId: string } {
    if (actor.kind !== 'operator') throw new ChatError('forbidden', 'Only operators answer offers')
    if (!routing) throw new ChatError('not_found', 'Routing is not running on this server')
    return { routing, operatorId: actor.operator.id }
  }

  async function accept(actor: Actor, conversationId: string): Promise<void> {
    const { routing: r, operatorId } = routingFor(actor)
    await r.accept(actor.workspaceId, operatorId, conversationId)
  }

  async function skip(actor: Actor, conversationId: string): Promise<void> {
    const { routing: r, operatorId } = routingFor(actor)
    await r.skip(actor.workspaceId, operatorId, conversationId)
  }

  /** A line the visitor sees (a transfer notice, an auto-reply); system messages have no author. */
  async function systemMessage(conversation: Conversation, clientId: string, body: string): Promise<boolean> {
    const { message, duplicate } = await store.appendMessage({
      workspaceId: conversation.workspaceId,
      conversationId: conversation.id,
      clientId,
      authorKind: 'system',
      authorId: null,
      authorName: null,
      body,
      now: clock.now(),
    })
    if (!duplicate)
      await publish(conversation, { type: 'message.created', message: toWireMessage(message) }, 'everyone')
    return !duplicate
  }

  const teamwork = createTeamwork({
    store,
    bus,
    clock,
    routing,
    readable,
    wire: (c) => wire(c),
    publish,
    systemMessage: async (conversation, clientId, body) => {
      await systemMessage(conversation, clientId, body)
    },
  })

  return {
    send,
    sync,
    markRead,
    setTyping,
    close,
    list,
    get,
    setPresence,
    refreshPresence,
    accept,
    skip,
    ...teamwork,
    postSystemMessage: systemMessage,
    closeForInactivity,
  }
}

function eventBase(actor: Actor, conversation: Conversation, now: number) {
  return {
    workspaceId: conversation.workspaceId,
    conversationId: conversation.id,
    actorKind: actor.kind,
    actorId: actor.kind === 'visitor' ? actor.visitorId : actor.operator.id,
    now,
  }
}

/** issue 5, item 4: a message naming someone else's (or an unknown) upload is a client error. */
function explainAttachmentError(error: unknown): never {
  if (error instanceof AttachmentNotFoundError) throw new ChatError('not_found', 'No such attachment')
  throw error
}
