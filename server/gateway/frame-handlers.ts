/**
 * One client frame → one chat service call → replies. Every frame ends in exactly one `frame.ack`
 * or `frame.error` naming its id, whatever happens (issue "Server core", item 5).
 */
import { type Actor, ChatError, type ChatService } from '../chat/types.ts'
import type { ClientFrame, ClientFrameOf, ServerFrame } from '../protocol/messages.ts'
import { frameError } from './frame-parser.ts'
import { describeError } from './log.ts'
import type { GatewayLog } from './types.ts'

export interface FrameContext {
  chat: ChatService
  actor: Actor
  log: GatewayLog
  /** Sends one reply; a returned promise asks the caller to wait before sending more (a long replay). */
  reply(frame: ServerFrame): Promise<void> | undefined
}

export async function handleClientFrame(frame: ClientFrame, ctx: FrameContext): Promise<void> {
  try {
    await dispatch(frame, ctx)
  } catch (error) {
    if (error instanceof ChatError) {
      await ctx.reply(frameError(frame.id, error.code, error.message))
      return
    }
    ctx.log('error', 'frame handler failed', {
      frameType: frame.type,
      actor: ctx.actor.kind,
      workspaceId: ctx.actor.workspaceId,
      error: describeError(error),
    })
    await ctx.reply(frameError(frame.id, 'internal', 'Internal error'))
  }
}

async function dispatch(frame: ClientFrame, ctx: FrameContext): Promise<void> {
  const { chat, actor } = ctx
  switch (frame.type) {
    case 'message.send': {
      const result = await chat.send(actor, {
        clientId: frame.id,
        conversationId: frame.conversationId,
        body: frame.body,
        attachments: frame.attachments,
      })
      await ctx.reply({
        type: 'frame.ack',
        ref: frame.id,
        message: result.message,
        duplicate: result.duplicate,
      })
      return
    }
    case 'conversation.sync':
      return replay(frame, ctx)
    case 'typing.update':
      await chat.setTyping(actor, frame.conversationId, frame.typing)
      break
    case 'message.read':
      await chat.markRead(actor, frame.conversationId, frame.seq)
      break
    case 'conversation.close':
      await chat.close(actor, frame.conversationId)
      break
    case 'conversation.accept':
      await chat.accept(actor, frame.conversationId)
      break
    case 'conversation.skip':
      await chat.skip(actor, frame.conversationId)
      break
    case 'note.add': {
      const { note, duplicate } = await chat.addNote(actor, {
        clientId: frame.id,
        conversationId: frame.conversationId,
        body: frame.body,
      })
      await ctx.reply({ type: 'frame.ack', ref: frame.id, note, duplicate })
      return
    }
    case 'conversation.transfer':
      await chat.transfer(actor, frame.conversationId, frame.to)
      break
    case 'conversation.invite':
      await chat.invite(actor, frame.conversationId, frame.operatorId)
      break
    case 'conversation.rate':
      await chat.rate(actor, frame.conversationId, { rating: frame.rating, comment: frame.comment })
      break
    case 'presence.set':
      if (actor.kind !== 'operator') throw new ChatError('forbidden', 'Only operators have a presence')
      await chat.setPresence(actor.workspaceId, actor.operator.id, frame.status)
      break
  }
  await ctx.reply({ type: 'frame.ack', ref: frame.id })
}

async function replay(frame: ClientFrameOf<'conversation.sync'>, ctx: FrameContext): Promise<void> {
  const { messages, lastSeq, notes } = await ctx.chat.sync(
    ctx.actor,
    frame.conversationId,
    frame.afterSeq,
    frame.afterNoteSeq,
  )
  for (const message of messages) await ctx.reply({ type: 'message.created', message })
  for (const note of notes) await ctx.reply({ type: 'note.created', note })
  await ctx.reply({ type: 'conversation.synced', conversationId: frame.conversationId, lastSeq })
  await ctx.reply({ type: 'frame.ack', ref: frame.id })
}
