/**
 * The frame both latency phases send, so the floor echoes exactly the bytes Openline receives:
 * a visitor's `message.send` with a client id of the form `<client>.<round>`.
 */
import type { ClientFrameOf } from '../../server/protocol/messages.ts'

export const MESSAGE_BODY = 'Hello! Do you ship to Norway, and how long does it usually take?'

export function pacedFrame(
  client: number,
  round: number,
  conversationId: string,
): { id: string; data: string } {
  const id = `bench.${client}.${round}`
  const frame: ClientFrameOf<'message.send'> = {
    type: 'message.send',
    id,
    conversationId,
    body: MESSAGE_BODY,
  }
  return { id, data: JSON.stringify(frame) }
}
