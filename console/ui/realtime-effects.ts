/**
 * What the console does in reaction to a server frame, beyond updating state: resync and resend
 * after a (re)connect, fill sequence gaps, alert on new conversations and offers, announce visitor
 * messages, open a conversation once its accept is acknowledged.
 */
import type { ClientFrame, ServerFrame } from '../../server/protocol/messages.ts'
import { ENGLISH } from '../i18n/english.ts'
import type { Translate } from '../i18n/translate.ts'
import {
  type ConsoleState,
  entriesToSend,
  hasGap,
  highestNoteSeq,
  isNewWaitingConversation,
  threadOf,
} from '../state/index.ts'
import { attachmentIdsOf } from './attachments/upload.ts'
import { visitorLabel } from './names.ts'

export interface FrameEffectsContext {
  send(frame: ClientFrame): boolean
  newId(): string
  /** Re-fetch the inbox over HTTP (after a reconnect, or when a frame names an unknown conversation). */
  refreshInbox(): void
  alertNewConversation(conversationId: string, title: string, body: string): void
  announce(text: string): void
  /** Shows a conversation (an accepted offer). */
  openConversation(conversationId: string): void
  /** The conversation on screen, if any, and whether the tab is visible. */
  viewing(): { conversationId: string | null; visible: boolean }
  /** Conversation id → id of its `conversation.sync` in flight, so a burst of frames asks only once. */
  syncing: Map<string, string>
  /** Number of `session.ready` frames seen so far, before this one. */
  sessions: number
  /** The console's language for notifications and announcements (issue 5, item 7); English if absent. */
  t?: Translate
}

export function afterFrame(
  frame: ServerFrame,
  before: ConsoleState,
  after: ConsoleState,
  ctx: FrameEffectsContext,
) {
  const t = ctx.t ?? ENGLISH.t
  switch (frame.type) {
    case 'session.ready':
      onSessionReady(after, ctx)
      return
    case 'conversation.updated': {
      const c = frame.conversation
      if (isNewWaitingConversation(before.conversations[c.id], c)) {
        const who = visitorLabel(c, t)
        ctx.alertNewConversation(
          c.id,
          t('realtime.newChatWaiting'),
          t('realtime.startedAConversation', { who }),
        )
        ctx.announce(t('realtime.newChatFrom', { who }))
      }
      return
    }
    case 'message.created': {
      const m = frame.message
      const conversation = after.conversations[m.conversationId]
      if (!conversation) {
        ctx.refreshInbox()
        return
      }
      const thread = threadOf(after, m.conversationId)
      if (thread.loaded && hasGap(thread)) requestSync(m.conversationId, thread.contiguousSeq, ctx)
      const view = ctx.viewing()
      const onScreen = view.visible && view.conversationId === m.conversationId
      if (
        m.authorKind === 'visitor' &&
        !onScreen &&
        m.seq > (before.conversations[m.conversationId]?.lastSeq ?? 0)
      ) {
        ctx.announce(
          t('realtime.newMessageFrom', { who: visitorLabel(conversation, t), text: m.body.slice(0, 140) }),
        )
      }
      return
    }
    case 'offer.created': {
      const id = frame.conversationId
      if (!after.incoming.offers[id] || before.incoming.offers[id]) return
      const conversation = after.conversations[id]
      if (!conversation) ctx.refreshInbox()
      const who = conversation ? visitorLabel(conversation, t) : t('realtime.aVisitor')
      ctx.alertNewConversation(
        id,
        t('realtime.chatOfferedToYou'),
        t('realtime.isWaitingAcceptOrSkip', { who }),
      )
      ctx.announce(t('realtime.chatOfferedFrom', { who }))
      return
    }
    case 'frame.ack': {
      const request = before.incoming.requests[frame.ref]
      if (request?.kind === 'accept') ctx.openConversation(request.conversationId)
      return
    }
    case 'conversation.synced':
      ctx.syncing.delete(frame.conversationId)
      return
    case 'frame.error':
      for (const [conversationId, ref] of ctx.syncing)
        if (ref === frame.ref) ctx.syncing.delete(conversationId)
      return
    default:
      return
  }
}

function onSessionReady(state: ConsoleState, ctx: FrameEffectsContext): void {
  if (ctx.sessions > 0) ctx.refreshInbox()
  ctx.syncing.clear()
  // Connecting stores `online` on the server (docs/routing.md, "Presence across nodes"): an
  // operator who chose a status keeps it across reconnects.
  if (state.presence.chosen)
    ctx.send({ type: 'presence.set', id: ctx.newId(), status: state.presence.status })
  for (const [conversationId, thread] of Object.entries(state.threads)) {
    if (thread.loaded) {
      const afterNoteSeq = highestNoteSeq(state.notes[conversationId] ?? [])
      requestSync(conversationId, thread.contiguousSeq, ctx, afterNoteSeq)
    }
  }
  // Same id on resend: the server acknowledges a stored note again with `duplicate: true`.
  for (const note of state.pendingNotes) {
    ctx.send({ type: 'note.add', id: note.clientId, conversationId: note.conversationId, body: note.body })
  }
  for (const entry of entriesToSend(state.outbox)) {
    if (!entry.conversationId) continue
    ctx.send({
      type: 'message.send',
      id: entry.clientId,
      conversationId: entry.conversationId,
      body: entry.body,
      ...attachmentIdsOf(entry),
    })
  }
}

function requestSync(
  conversationId: string,
  afterSeq: number,
  ctx: FrameEffectsContext,
  afterNoteSeq?: number,
): void {
  if (ctx.syncing.has(conversationId)) return
  const id = ctx.newId()
  // Without `afterNoteSeq` the server replays every note again; merging dedupes them by id.
  if (ctx.send({ type: 'conversation.sync', id, conversationId, afterSeq, afterNoteSeq }))
    ctx.syncing.set(conversationId, id)
}
