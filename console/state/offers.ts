/**
 * Conversations the server offers to this operator (docs/routing.md, "The runtime"): what is on
 * offer, until when, and which accept/skip frames are waiting for their answer. Times here are the
 * console's own clock: `expiresAt` from the server is shifted by the measured clock offset once,
 * when the offer arrives, so countdowns and expiry never mix the two clocks.
 */
import type { ErrorCode } from '../../server/protocol/messages.ts'
import { ENGLISH } from '../i18n/english.ts'
import type { Translate } from '../i18n/translate.ts'

export interface Offer {
  conversationId: string
  /** Local clock; null when the offer does not run out. */
  expiresAt: number | null
  /** Local clock, when the offer arrived: orders offers that never run out. */
  offeredAt: number
}

export type OfferAnswer = 'accept' | 'skip'

export interface OfferRequest {
  conversationId: string
  kind: OfferAnswer
}

export interface OffersState {
  offers: Readonly<Record<string, Offer>>
  /** Client id of an in-flight `conversation.accept`/`skip` → what it answers. */
  requests: Readonly<Record<string, OfferRequest>>
}

export const emptyOffers: OffersState = { offers: {}, requests: {} }

export type OffersEvent =
  | { type: 'created'; conversationId: string; expiresAt: number | null; now: number }
  | { type: 'withdrawn'; conversationId: string }
  /** The conversation was assigned or closed: nothing is on offer any more. */
  | { type: 'left-queue'; conversationId: string }
  | { type: 'requested'; clientId: string; conversationId: string; kind: OfferAnswer }
  | { type: 'answered'; clientId: string; error: ErrorCode | null }
  | { type: 'expired'; now: number }

/**
 * Errors after which the offer cannot be taken any more. Others (`rate_limited`, `internal`)
 * leave it on screen so the operator can try again.
 */
const FINAL_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'conversation_taken',
  'conversation_closed',
  'forbidden',
  'not_found',
])

export function offersReducer(state: OffersState, event: OffersEvent): OffersState {
  switch (event.type) {
    case 'created': {
      const offer: Offer = {
        conversationId: event.conversationId,
        expiresAt: event.expiresAt,
        offeredAt: state.offers[event.conversationId]?.offeredAt ?? event.now,
      }
      return { ...state, offers: { ...state.offers, [offer.conversationId]: offer } }
    }
    case 'withdrawn':
    case 'left-queue':
      return dropOffer(state, event.conversationId)
    case 'requested':
      if (!state.offers[event.conversationId]) return state
      return {
        ...state,
        requests: {
          ...state.requests,
          [event.clientId]: { conversationId: event.conversationId, kind: event.kind },
        },
      }
    case 'answered': {
      const request = state.requests[event.clientId]
      if (!request) return state
      const { [event.clientId]: _, ...requests } = state.requests
      const next = { ...state, requests }
      return event.error === null || FINAL_ERRORS.has(event.error)
        ? dropOffer(next, request.conversationId)
        : next
    }
    case 'expired': {
      // An offer being answered stays until the answer: the server decides who was first.
      const gone = Object.values(state.offers).filter(
        (o) => o.expiresAt !== null && o.expiresAt <= event.now && !isAnswering(state, o.conversationId),
      )
      return gone.reduce((s, o) => dropOffer(s, o.conversationId), state)
    }
  }
}

function dropOffer(state: OffersState, conversationId: string): OffersState {
  if (!state.offers[conversationId]) return state
  const { [conversationId]: _, ...offers } = state.offers
  return { ...state, offers }
}

export function isAnswering(state: OffersState, conversationId: string): boolean {
  return Object.values(state.requests).some((r) => r.conversationId === conversationId)
}

/** Soonest to run out first; offers without a deadline after those, oldest first. */
export function sortedOffers(state: OffersState): Offer[] {
  return Object.values(state.offers).sort(
    (a, b) =>
      (a.expiresAt ?? Number.POSITIVE_INFINITY) - (b.expiresAt ?? Number.POSITIVE_INFINITY) ||
      a.offeredAt - b.offeredAt ||
      (a.conversationId < b.conversationId ? -1 : 1),
  )
}

/** When the next offer runs out (local clock), for the one timer that prunes them. */
export function nextOfferExpiry(state: OffersState): number | null {
  let next: number | null = null
  for (const o of Object.values(state.offers)) {
    if (o.expiresAt === null || isAnswering(state, o.conversationId)) continue
    if (next === null || o.expiresAt < next) next = o.expiresAt
  }
  return next
}

/** "45 s", "2 min": how long an offer has left. */
export function timeLeft(expiresAt: number, now: number, t: Translate = ENGLISH.t): string {
  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000))
  return seconds < 120
    ? t('time.seconds', { count: seconds })
    : t('time.minutes', { count: Math.floor(seconds / 60) })
}
