import { describe, expect, it } from 'vitest'
import { draftFromConnection, draftProblems, draftToBody, emptyDraft } from './crm-connection-draft.ts'
import { nextAttemptText } from './crm-deliveries.ts'

describe('CRM connection draft', () => {
  it('round-trips an amoCRM connection through the form strings', () => {
    const draft = draftFromConnection({
      id: 'c1',
      name: 'Kommo',
      enabled: false,
      settings: {
        kind: 'amocrm',
        baseUrl: 'https://a.kommo.com',
        token: '••••abcd',
        pipelineId: 7,
        tags: ['web', 'chat'],
        trackingFields: true,
        duplicateControl: true,
      },
      fieldMap: { Company: 'company' },
      userMap: { op1: '5' },
      leadRules: { sources: ['form'], lineIds: ['l1'], widgetIds: [], recognisedClient: 'new-lead' },
      createdAt: 1,
      updatedAt: 1,
    })
    expect(draft.values).toEqual({
      baseUrl: 'https://a.kommo.com',
      token: '••••abcd',
      pipelineId: '7',
      tags: 'web, chat',
      trackingFields: 'true',
      duplicateControl: 'true',
    })
    expect(draftToBody(draft)).toEqual({
      name: 'Kommo',
      enabled: false,
      settings: {
        kind: 'amocrm',
        baseUrl: 'https://a.kommo.com',
        token: '••••abcd',
        pipelineId: 7,
        tags: ['web', 'chat'],
        trackingFields: true,
        duplicateControl: true,
      },
      fieldMap: { Company: 'company' },
      userMap: { op1: '5' },
      leadRules: { sources: ['form'], lineIds: ['l1'], widgetIds: [], recognisedClient: 'new-lead' },
    })
  })

  it('names missing and malformed fields', () => {
    const draft = {
      ...emptyDraft('amocrm'),
      values: { pipelineId: 'x' },
      fieldRows: [{ from: 'a', to: '' }],
      leadRules: { ...emptyDraft().leadRules, sources: [] },
    }
    expect(draftProblems(draft)).toEqual({
      name: 'Give the connection a name',
      baseUrl: 'Account address is required',
      token: 'Long-lived token is required',
      pipelineId: 'A whole number',
      fieldMap: 'Fill in both sides of each mapping, or remove the row',
      leadRules: 'Pick at least one source, or switch the connection off',
    })
  })

  it('words the next attempt', () => {
    expect(nextAttemptText({ status: 'pending', nextAttemptAt: 10 * 60_000 }, 0)).toBe('in 10 min')
    expect(nextAttemptText({ status: 'pending', nextAttemptAt: 5 * 3_600_000 }, 0)).toBe('in 5 h')
    expect(nextAttemptText({ status: 'dead', nextAttemptAt: null }, 0)).toBe('—')
  })
})
