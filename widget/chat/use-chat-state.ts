import { useEffect, useState } from 'preact/hooks'
import type { ChatController } from '../realtime/types.ts'
import type { ChatState } from '../state/types.ts'

export function useChatState(chat: ChatController): ChatState {
  const [state, setState] = useState(chat.getState)
  useEffect(() => {
    setState(chat.getState())
    return chat.subscribe(() => setState(chat.getState()))
  }, [chat])
  return state
}
