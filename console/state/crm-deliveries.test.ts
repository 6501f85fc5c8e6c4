import { describe, expect, it } from 'vitest'
import type { CrmDelivery } from '../api/index.ts'
import { crmStatusLines } from './crm-deliveries.ts'

function delivery(patch: Partial<CrmDelivery> & Pick<CrmDelivery, 'id'>): CrmDelivery {
  return {
    connectionId: 'b24',
    connectionName: 'Bitrix24',
    topic: 'lead.chat',
    subjectId: 'c1',
    status: 'delivered',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    deliveredAt: 10,
    crmId: '42',
    createdAt: 1,
    ...patch,
  }
}

describe("a conversation's CRM status (issue 6, item 2)", () => {
  it('has nothing to say about a conversation without deliveries', () => {
    expect(crmStatusLines([])).toEqual([])
  })

  it('one line per connection: failed before waiting before delivered, then by name', () => {
    const lines = crmStatusLines([
      delivery({ id: '1' }),
      delivery({ id: '2', topic: 'conversation.closed', createdAt: 5 }),
      delivery({
        id: '3',
        connectionId: 'kommo',
        connectionName: 'Kommo',
        status: 'pending',
        attempts: 2,
        lastError: 'Kommo answered 503',
        crmId: null,
      }),
      delivery({ id: '4', connectionId: 'hook', connectionName: null, crmId: '9' }),
      delivery({
        id: '5',
        connectionId: 'hook',
        connectionName: null,
        topic: 'conversation.closed',
        status: 'dead',
        lastError: 'unauthorized',
        createdAt: 7,
      }),
    ])
    expect(lines).toEqual([
      { connectionId: 'hook', connectionName: null, state: 'failed', lastError: 'unauthorized' },
      { connectionId: 'kommo', connectionName: 'Kommo', state: 'waiting', lastError: 'Kommo answered 503' },
      { connectionId: 'b24', connectionName: 'Bitrix24', state: 'delivered', lastError: null },
    ])
  })

  it('delivered without a CRM record is "skipped" (a connection whose lead rules sent the lead elsewhere)', () => {
    expect(
      crmStatusLines([delivery({ id: '1', topic: 'conversation.closed', crmId: null })]).map((l) => l.state),
    ).toEqual(['skipped'])
  })
})
