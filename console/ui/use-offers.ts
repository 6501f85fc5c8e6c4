import { useEffect } from 'preact/hooks'
import type { RealtimeConnection } from '../realtime/index.ts'
import { type ConsoleAction, nextOfferExpiry, type OfferAnswer, type OffersState } from '../state/index.ts'
import type { ConsoleDeps } from './deps.ts'

export interface OfferActions {
  answer(conversationId: string, kind: OfferAnswer): void
}

/**
 * Accept/Skip clicks and the one timer that drops offers as they run out. The server withdraws an
 * expired offer itself; the timer covers a withdrawal missed while the socket was down.
 */
export function useOffers(
  deps: Pick<ConsoleDeps, 'clock' | 'timers' | 'newId'>,
  connection: RealtimeConnection,
  incoming: OffersState,
  dispatch: (action: ConsoleAction) => void,
): OfferActions {
  const next = nextOfferExpiry(incoming)
  useEffect(() => {
    if (next === null) return
    // Timers may fire a millisecond before the wall clock reaches `next`; the effect only re-arms when
    // `next` changes, so an early tick must still count as `next` or the offer would never go.
    const handle = deps.timers.setTimeout(
      () => dispatch({ type: 'offers.expired', now: Math.max(deps.clock.now(), next) }),
      Math.max(0, next - deps.clock.now()),
    )
    return () => deps.timers.clearTimeout(handle)
  }, [next, deps, dispatch])

  return {
    answer(conversationId, kind) {
      if (!connection.isReady()) {
        dispatch({ type: 'notice', text: { key: 'consoleState.notConnected' } })
        return
      }
      const id = deps.newId()
      dispatch({ type: 'offer.requested', clientId: id, conversationId, kind })
      connection.send({
        type: kind === 'accept' ? 'conversation.accept' : 'conversation.skip',
        id,
        conversationId,
      })
    },
  }
}
