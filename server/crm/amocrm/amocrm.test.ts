import { describe, expect, it } from 'vitest'
import { runAdapterContract, sampleLead, sampleTranscript } from '../adapter.contract.ts'
import { startAmoCrmFake } from '../fakes/index.ts'
import { complexLead, createAmoCrmAdapter, validationText } from './index.ts'

runAdapterContract('amocrm', async () => {
  const fake = await startAmoCrmFake()
  const badToken = 'expired-long-lived-token-0123456789'
  return {
    adapter: createAmoCrmAdapter({ baseUrl: fake.url, token: fake.token, timeoutMs: 1_500 }),
    badCredentials: createAmoCrmAdapter({ baseUrl: fake.url, token: badToken, timeoutMs: 1_500 }),
    fake,
    secrets: [fake.token],
    badSecrets: [badToken],
    errorBodyWith: (text) => ({
      title: 'Bad Request',
      type: 'https://httpstatus.es/400',
      status: 400,
      detail: text,
    }),
    leadsFor: (leadId) => fake.leads().filter((lead) => lead.name.includes(leadId)),
    expectLeadRecord(lead, crmId) {
      const record = fake.leads().find((candidate) => String(candidate.id) === crmId)
      expect(record).toMatchObject({
        name: `${lead.title} · ${lead.id}`,
        custom_fields_values: [
          { field_code: 'UTM_SOURCE', values: [{ value: 'google' }] },
          { field_code: 'UTM_MEDIUM', values: [{ value: 'cpc' }] },
          { field_code: 'UTM_CAMPAIGN', values: [{ value: 'spring' }] },
          { field_code: 'UTM_TERM', values: [{ value: 'chat widget' }] },
          { field_code: 'UTM_CONTENT', values: [{ value: 'banner' }] },
        ],
      })
      expect(record?._embedded.tags.map((tag) => tag.name)).toEqual(['openline', 'chat'])
      const contactId = record?._embedded.contacts[0]?.id
      expect(fake.contacts().find((contact) => contact.id === contactId)).toMatchObject({
        name: 'Anna Petrova',
        first_name: 'Anna',
        last_name: 'Petrova',
        custom_fields_values: [
          { field_code: 'PHONE', values: [{ value: lead.contact.phone, enum_code: 'WORK' }] },
          { field_code: 'EMAIL', values: [{ value: lead.contact.email, enum_code: 'WORK' }] },
        ],
      })
    },
    expectTranscriptRecord(crmId, lead, transcript) {
      const notes = fake.notes()
      expect(notes).toEqual([expect.objectContaining({ entity_id: Number(crmId), note_type: 'common' })])
      const text = String(notes[0]?.params.text)
      expect(text).toContain(transcript.text)
      expect(text).toContain(`lead ${lead.id}`)
      expect(text).toContain('Comment: Do you ship to Austria?')
      expect(text).toContain('Referrer: https://www.google.com/')
      expect(text).toContain(`Conversation: ${sampleTranscript.conversationUrl}`)
    },
    remoteLookup: true,
    close: () => fake.close(),
  }
})

describe('amocrm payload', () => {
  it('leaves out contacts, tracking fields and the responsible user when the lead has none', () => {
    const payload = complexLead(sampleLead({ contact: {}, source: {}, responsibleCrmUserId: 'not-a-number' }))
    expect(payload).not.toHaveProperty('custom_fields_values')
    expect(payload).not.toHaveProperty('responsible_user_id')
    expect(payload._embedded).toEqual({ tags: [{ name: 'openline' }, { name: 'chat' }] })
  })

  it('turns validation-errors into one readable line', () => {
    const text = validationText({
      'validation-errors': [
        {
          request_id: '0',
          errors: [
            { code: 'NotSupportedChoice', path: 'responsible_user_id', detail: 'Not a valid choice.' },
          ],
        },
      ],
    })
    expect(text).toBe('responsible_user_id: Not a valid choice. (NotSupportedChoice)')
  })
})

describe('amocrm adapter against the fake', () => {
  it('rejects an unknown responsible user with a readable, permanent error', async () => {
    const fake = await startAmoCrmFake({ users: [1001] })
    try {
      const adapter = createAmoCrmAdapter({ baseUrl: fake.url, token: fake.token })
      const error = await adapter
        .createLead(sampleLead({ responsibleCrmUserId: '777' }))
        .catch((caught: unknown) => caught)
      expect(error).toMatchObject({ code: 'invalid_request', retryable: false, status: 400 })
      expect((error as Error).message).toContain('responsible_user_id')
      expect(fake.leads()).toEqual([])
    } finally {
      await fake.close()
    }
  })

  it('defaults to a one-second wait on 429 without Retry-After', async () => {
    const fake = await startAmoCrmFake()
    try {
      fake.limit({ burst: 1, perSecond: 0.001 })
      const adapter = createAmoCrmAdapter({ baseUrl: fake.url, token: fake.token })
      await adapter.test()
      await expect(adapter.test()).rejects.toMatchObject({
        code: 'rate_limited',
        retryable: true,
        retryAfterMs: 1000,
      })
    } finally {
      await fake.close()
    }
  })

  it('reassigns the lead and ignores search hits that only resemble the id', async () => {
    const fake = await startAmoCrmFake({ users: [1001, 1002] })
    try {
      const adapter = createAmoCrmAdapter({ baseUrl: fake.url, token: fake.token })
      const lead = sampleLead({ kind: 'form' })
      const { crmId } = await adapter.createLead(lead)
      await adapter.updateResponsible(crmId, '1002')
      expect(fake.leads()[0]).toMatchObject({ responsible_user_id: 1002 })
      await expect(adapter.findLeadByOpenlineId(lead.id.slice(0, 10))).resolves.toBeNull()
      await expect(adapter.findLeadByOpenlineId(`${lead.id}-other`)).resolves.toBeNull()
      await expect(adapter.updateResponsible(crmId, 'max')).rejects.toMatchObject({ code: 'invalid_request' })
    } finally {
      await fake.close()
    }
  })
})
