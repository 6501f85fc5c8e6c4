import { describe, expect, it } from 'vitest'
import type { Conversation, ConversationOffer, Line, Operator } from '../store/types.ts'
import { lineRoutingSettings } from './line-settings.ts'
import { staleOfferConversations, toRoutingState } from './line-state.ts'

const conversation = (id: string, visitorId: string, createdAt: number): Conversation => ({
  id,
  workspaceId: 'w',
  lineId: 'l',
  widgetId: null,
  visitorId,
  status: 'open',
  assigneeId: null,
  lastSeq: 1,
  visitorReadSeq: 0,
  operatorReadSeq: 0,
  createdAt,
  updatedAt: createdAt,
  closedAt: null,
})

const offer = (
  conversationId: string,
  operatorId: string,
  extra: Partial<ConversationOffer>,
): ConversationOffer => ({
  workspaceId: 'w',
  lineId: 'l',
  conversationId,
  operatorId,
  state: 'open',
  offeredAt: 10,
  expiresAt: null,
  misses: 0,
  ...extra,
})

describe('toRoutingState', () => {
  it('maps presence, load, open/skipped offers, misses and the returning visitor', () => {
    const state = toRoutingState({
      queue: ['a', 'b'],
      waiting: [conversation('c1', 'v1', 5)],
      offers: [
        offer('c1', 'a', { misses: 2, offeredAt: 7 }),
        offer('c1', 'b', { state: 'skipped' }),
        offer('gone', 'a', {}),
      ],
      presence: [{ workspaceId: 'w', operatorId: 'a', status: 'away', lastSeenAt: 9 }],
      loads: [{ operatorId: 'b', activeChats: 3, lastAssignedAt: 4 }],
      preferred: new Map([['v1', 'b']]),
    })
    expect(state).toEqual({
      operators: [
        { id: 'a', presence: 'away', lastSeenAt: 9, activeChats: 0, lastAssignedAt: null },
        { id: 'b', presence: 'offline', lastSeenAt: 0, activeChats: 3, lastAssignedAt: 4 },
      ],
      waiting: [
        {
          id: 'c1',
          enqueuedAt: 5,
          visitorId: 'v1',
          preferredOperatorId: 'b',
          offers: [{ operatorId: 'a', offeredAt: 7 }],
          skippedBy: ['b'],
          withdrawnFrom: ['a', 'a'],
        },
      ],
    })
    expect(
      staleOfferConversations({ waiting: [conversation('c1', 'v1', 5)], offers: [offer('gone', 'a', {})] }),
    ).toEqual(['gone'])
  })
})

describe('lineRoutingSettings', () => {
  const line = (settings: Line['settings']): Line => ({
    id: 'l',
    workspaceId: 'w',
    name: 'L',
    settings,
    createdAt: 0,
  })
  const op = (id: string, createdAt: number) => ({ id, createdAt }) as Operator

  it('routes a line without a queue evenly over every operator, oldest first', () => {
    const settings = lineRoutingSettings(line({ routing: { mode: 'everyone' } }), [
      op('new', 2),
      op('old', 1),
    ])
    expect(settings).toMatchObject({ mode: 'evenly', queue: ['old', 'new'] })
    expect(lineRoutingSettings(line({ routing: {} }), []).queue).toEqual([])
  })

  it('routes nothing automatically on a line without routing settings (the demo line)', () => {
    expect(lineRoutingSettings(line({}), [op('a', 1)]).queue).toEqual([])
  })

  it('keeps a configured queue and mode', () => {
    const settings = lineRoutingSettings(line({ routing: { mode: 'in-order', queue: ['b', 'a'] } }), [
      op('a', 1),
    ])
    expect(settings).toMatchObject({ mode: 'in-order', queue: ['b', 'a'] })
  })
})
