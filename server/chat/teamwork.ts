/**
 * Operator teamwork and the visitor's rating (issue "Open lines", items 4 and 5): hidden notes,
 * transfers, invitations and ratings. Part of the chat service; the same rule applies — store
 * first, then publish.
 */
import { type Bus, channels } from '../bus/types.ts'
import type { ServerFrame, WireConversation, WireNote } from '../protocol/messages.ts'
import type { Conversation, ConversationKpis, RatingValue, Store, TransferTarget } from '../store/types.ts'
import { type Actor, ChatError, type Routing } from './types.ts'
import { toWireNote } from './wire.ts'

/** A visitor may rate, and re-rate, for this long after the close (docs/lines.md "Teamwork"). */
export const RATING_WINDOW_MS = 24 * 60 * 60 * 1000

export interface TeamworkDeps {
  store: Store
  bus: Bus
  clock: { now(): number }
  routing?: Routing
  readable(actor: Actor, conversationId: string): Promise<Conversation>
  wire(conversation: Conversation): Promise<WireConversation>
  /** Publishes to the operators and, for `everyone`, to the visitor. */
  publish(conversation: Conversation, frame: ServerFrame, audience: 'everyone' | 'operators'): Promise<void>
  /** Appends a system message the visitor sees, and publishes it. */
  systemMessage(conversation: Conversation, clientId: string, body: string): Promise<void>
}

type OperatorActor = Extract<Actor, { kind: 'operator' }>

function operatorOnly(actor: Actor, what: string): OperatorActor {
  if (actor.kind !== 'operator') throw new ChatError('forbidden', `Only operators ${what}`)
  return actor
}

export function createTeamwork(deps: TeamworkDeps) {
  const { store, bus, clock, routing, readable, wire, publish, systemMessage } = deps

  async function addNote(
    actor: Actor,
    input: { clientId: string; conversationId: string; body: string },
  ): Promise<{ note: WireNote; duplicate: boolean }> {
    const operator = operatorOnly(actor, 'write notes').operator
    const conversation = await readable(actor, input.conversationId)
    const { note, duplicate } = await store.appendNote({
      workspaceId: actor.workspaceId,
      conversationId: conversation.id,
      clientId: input.clientId,
      authorId: operator.id,
      authorName: operator.name,
      authorAvatarUrl: operator.avatarUrl,
      body: input.body,
      now: clock.now(),
    })
    const wired = toWireNote(note)
    // Notes go to the operators' channel only: the visitor's channel never carries one.
    if (!duplicate) await publish(conversation, { type: 'note.created', note: wired }, 'operators')
    return { note: wired, duplicate }
  }

  async function transfer(
    actor: Actor,
    conversationId: string,
    to: TransferTarget,
  ): Promise<WireConversation> {
    const { operator } = operatorOnly(actor, 'transfer conversations')
    const before = await readable(actor, conversationId)
    if (before.status === 'closed') throw new ChatError('conversation_closed', 'The conversation is closed')
    const target =
      'operatorId' in to
        ? await store.getOperator(actor.workspaceId, to.operatorId)
        : await store.getLine(actor.workspaceId, to.lineId)
    if (!target) throw new ChatError('not_found', 'No such operator or line in this workspace')
    const now = clock.now()
    const after = await store.transferConversation({
      workspaceId: actor.workspaceId,
      conversationId,
      fromAssigneeId: before.assigneeId,
      to,
      now,
    })
    if (!after) throw new ChatError('conversation_taken', 'The conversation changed meanwhile; try again')
    const from = { operatorId: before.assigneeId, lineId: before.lineId }
    await store.addEvent({
      workspaceId: actor.workspaceId,
      conversationId,
      type: 'conversation.transferred',
      actorKind: 'operator',
      actorId: operator.id,
      data: { from, to },
      now,
    })
    if ('lineId' in to) await withdrawOffers(after)
    const text =
      'operatorId' in to
        ? `You are now talking to ${target.name}`
        : `Your conversation was passed to ${target.name}`
    await systemMessage(after, `transfer-${now}-${crypto.randomUUID()}`, text)
    const latest = (await store.getConversation(actor.workspaceId, conversationId)) ?? after
    const wired = await wire(latest)
    await publish(latest, { type: 'conversation.updated', conversation: wired }, 'everyone')
    // Both lines: the old one's capacity and offers changed, the new one has a conversation to route.
    routing?.conversationChanged(before)
    routing?.conversationChanged(latest)
    return wired
  }

  /** Offers made on the old line do not hold on the new one. */
  async function withdrawOffers(conversation: Conversation): Promise<void> {
    const rows = await store.deleteOffers(conversation.workspaceId, [conversation.id])
    for (const row of rows) {
      if (row.state !== 'open') continue
      await bus.publish(channels.operators(conversation.workspaceId), {
        type: 'offer.withdrawn',
        conversationId: conversation.id,
        operatorId: row.operatorId,
        reason: 'rerouted',
      })
    }
  }

  async function invite(actor: Actor, conversationId: string, operatorId: string): Promise<WireConversation> {
    const { operator } = operatorOnly(actor, 'invite colleagues')
    const conversation = await readable(actor, conversationId)
    const colleague = await store.getOperator(actor.workspaceId, operatorId)
    if (!colleague) throw new ChatError('not_found', 'No such operator in this workspace')
    const now = clock.now()
    const added = await store.addParticipant({
      workspaceId: actor.workspaceId,
      conversationId,
      operatorId,
      invitedBy: operator.id,
      now,
    })
    const wired = await wire(conversation)
    if (!added) return wired
    await store.addEvent({
      workspaceId: actor.workspaceId,
      conversationId,
      type: 'conversation.invited',
      actorKind: 'operator',
      actorId: operator.id,
      data: { operatorId },
      now,
    })
    // Operators only: an invitation is internal teamwork, the visitor is not told (docs/lines.md).
    await publish(conversation, { type: 'conversation.updated', conversation: wired }, 'operators')
    return wired
  }

  async function rate(
    actor: Actor,
    conversationId: string,
    input: { rating: RatingValue; comment?: string },
  ): Promise<WireConversation> {
    if (actor.kind !== 'visitor') throw new ChatError('forbidden', 'Only the visitor rates a conversation')
    const conversation = await readable(actor, conversationId)
    if (conversation.status !== 'closed')
      throw new ChatError('forbidden', 'Rate a conversation once it is closed')
    const now = clock.now()
    const rated = await store.rateConversation({
      workspaceId: actor.workspaceId,
      conversationId,
      rating: input.rating,
      comment: input.comment ? input.comment : null,
      notClosedBefore: now - RATING_WINDOW_MS,
      now,
    })
    if (!rated) throw new ChatError('forbidden', 'The rating window of this conversation has passed')
    await store.addEvent({
      workspaceId: actor.workspaceId,
      conversationId,
      type: 'conversation.rated',
      actorKind: 'visitor',
      actorId: actor.visitorId,
      data: { rating: input.rating },
      now,
    })
    const wired = await wire(rated)
    await publish(rated, { type: 'conversation.updated', conversation: wired }, 'everyone')
    return wired
  }

  async function kpis(actor: Actor, conversationId: string): Promise<ConversationKpis> {
    operatorOnly(actor, 'read KPIs')
    const found = await store.getConversationKpis(actor.workspaceId, conversationId)
    if (!found) throw new ChatError('not_found', 'No such conversation')
    return found
  }

  return { addNote, transfer, invite, rate, kpis }
}
