import { useCallback, useEffect, useRef } from 'preact/hooks'
import type { ClientFrame } from '../../server/protocol/messages.ts'
import {
  idleTyping,
  nextTypingSignal,
  type Timers,
  TYPING_IDLE_MS,
  type TypingSignalState,
} from '../realtime/index.ts'

interface Deps {
  timers: Timers
  clock: { now(): number }
  newId(): string
  send(frame: ClientFrame): boolean
}

/** Operator typing, throttled (issue "Chat end to end"): `onInput` on every keystroke, `stop` on send. */
export function useTypingSender(deps: Deps) {
  const ref = useRef<{ state: TypingSignalState; conversationId: string | null; timer: unknown }>({
    state: idleTyping,
    conversationId: null,
    timer: null,
  })

  const emit = useCallback(
    (conversationId: string, typing: boolean) => {
      deps.send({ type: 'typing.update', id: deps.newId(), conversationId, typing })
    },
    [deps],
  )

  const stop = useCallback(() => {
    const t = ref.current
    deps.timers.clearTimeout(t.timer)
    t.timer = null
    const { state, send } = nextTypingSignal(t.state, { kind: 'stop' })
    t.state = state
    if (send === false && t.conversationId) emit(t.conversationId, false)
  }, [deps, emit])

  const onInput = useCallback(
    (conversationId: string) => {
      const t = ref.current
      if (t.conversationId !== null && t.conversationId !== conversationId) stop()
      t.conversationId = conversationId
      const { state, send } = nextTypingSignal(t.state, { kind: 'input', now: deps.clock.now() })
      t.state = state
      if (send === true) emit(conversationId, true)
      deps.timers.clearTimeout(t.timer)
      t.timer = deps.timers.setTimeout(stop, TYPING_IDLE_MS)
    },
    [deps, emit, stop],
  )

  useEffect(() => stop, [stop])
  return { onInput, stop }
}
