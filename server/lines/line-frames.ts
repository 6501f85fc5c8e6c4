import { type Bus, channels } from '../bus/types.ts'
import { toWireConversation } from '../chat/wire.ts'
import type { ServerFrameOf } from '../protocol/messages.ts'
import type { Conversation, Store } from '../store/types.ts'

/**
 * Offers travel on the workspace's operator channel (the bus has no per-operator channel); each
 * frame names its operator and clients show only their own.
 */
export function publishToOperators(
  bus: Bus,
  workspaceId: string,
  frame: ServerFrameOf<'offer.created'> | ServerFrameOf<'offer.withdrawn'>,
): Promise<void> {
  return bus.publish(channels.operators(workspaceId), frame)
}

export function publishQueuePosition(
  bus: Bus,
  conversation: Pick<Conversation, 'id' | 'workspaceId' | 'visitorId'>,
  position: number,
): Promise<void> {
  const frame: ServerFrameOf<'queue.position'> = {
    type: 'queue.position',
    conversationId: conversation.id,
    position,
  }
  return bus.publish(channels.visitor(conversation.workspaceId, conversation.visitorId), frame)
}

/** `conversation.updated` to both sides, as the chat service sends it. */
export async function publishConversation(bus: Bus, store: Store, conversation: Conversation): Promise<void> {
  const [visitor, last] = await Promise.all([
    store.getVisitor(conversation.workspaceId, conversation.visitorId),
    store.lastMessages(conversation.workspaceId, [conversation.id]),
  ])
  const frame: ServerFrameOf<'conversation.updated'> = {
    type: 'conversation.updated',
    conversation: toWireConversation(conversation, {
      visitorName: visitor?.name ?? null,
      lastMessage: last.get(conversation.id),
    }),
  }
  await Promise.all([
    bus.publish(channels.operators(conversation.workspaceId), frame),
    bus.publish(channels.visitor(conversation.workspaceId, conversation.visitorId), frame),
  ])
}
