import { describe, expect, it } from 'vitest'
import {
  type ContractHarness,
  runAdapterContract,
  sampleLead,
  sampleTranscript,
} from '../adapter.contract.ts'
import { AMO_INCOMING_STATUS, startAmoCrmFake } from '../fakes/index.ts'
import { complexLead, createAmoCrmAdapter, formsMetadata, validationText } from './index.ts'

/** The contract as it is, and with Kommo's duplicate control on at both ends (issue 6, item 4). */
const contractSetup = (duplicateControl: boolean) => async (): Promise<ContractHarness> => {
  const fake = await startAmoCrmFake({ duplicateControl })
  const badToken = 'expired-long-lived-token-0123456789'
  const options = { baseUrl: fake.url, timeoutMs: 1_500, duplicateControl }
  return {
    adapter: createAmoCrmAdapter({ ...options, token: fake.token }),
    badCredentials: createAmoCrmAdapter({ ...options, token: badToken }),
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
}

runAdapterContract('amocrm', contractSetup(false))
runAdapterContract('amocrm with duplicate control', contractSetup(true))

describe('amocrm payload', () => {
  it('leaves out contacts, tracking fields and the responsible user when the lead has none', () => {
    const payload = complexLead(sampleLead({ contact: {}, source: {}, responsibleCrmUserId: 'not-a-number' }))
    expect(payload).not.toHaveProperty('custom_fields_values')
    expect(payload).not.toHaveProperty('responsible_user_id')
    expect(payload._embedded).toEqual({ tags: [{ name: 'openline' }, { name: 'chat' }] })
  })

  it('carries duplicate-control metadata, category forms, only when the connection asks for it', () => {
    const lead = sampleLead({ kind: 'callback', createdAt: Date.parse('2025-03-01T10:00:00Z') })
    expect(complexLead(lead)._embedded).not.toHaveProperty('metadata')
    const embedded = complexLead(lead, { duplicateControl: true })._embedded as Record<string, unknown>
    expect(embedded.metadata).toEqual({
      category: 'forms',
      form_id: 'openline-callback',
      form_name: 'Openline callback request',
      form_page: 'https://shop.example/pricing',
      form_sent_at: 1740823200,
      referer: 'https://www.google.com/',
    })
    // no page: the conversation link, else empty; no referrer: left out
    const bare = sampleLead({ source: {} })
    expect(formsMetadata(bare, { conversationUrl: 'https://chat.example/c/1' })).toMatchObject({
      form_id: 'openline-chat',
      form_page: 'https://chat.example/c/1',
    })
    expect(formsMetadata(bare)).not.toHaveProperty('referer')
    expect(formsMetadata(bare).form_page).toBe('')
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

describe('amocrm duplicate control against the fake (issue 6, item 4)', () => {
  const sameClient = (email: string) =>
    sampleLead({ contact: { name: 'Anna Petrova', phone: '+49 30 1234567', email } })

  it('a lead of a client Kommo already has comes back merged into the existing lead', async () => {
    const fake = await startAmoCrmFake({ duplicateControl: true })
    try {
      const adapter = createAmoCrmAdapter({ baseUrl: fake.url, token: fake.token, duplicateControl: true })
      const first = await adapter.createLead(sameClient('anna@example.com'))
      expect(first.existing).toBe(false)
      const record = fake.leads()[0]!
      // with metadata it is an incoming lead, whatever stage was asked for
      expect(record.status_id).toBe(AMO_INCOMING_STATUS)
      expect(fake.metadataOf(record.id)).toMatchObject({ category: 'forms', form_id: 'openline-chat' })
      const second = await adapter.createLead(sameClient('other@example.com'))
      expect(second).toEqual({ crmId: first.crmId, existing: true })
      expect(fake.leads()).toHaveLength(1)
      const stranger = await adapter.createLead(
        sampleLead({ contact: { name: 'Boris', phone: '+49 30 7654321', email: 'boris@example.com' } }),
      )
      expect(stranger.existing).toBe(false)
      expect(fake.leads()).toHaveLength(2)
    } finally {
      await fake.close()
    }
  })

  it('without metadata nothing is checked, and leads of one request are not checked against each other', async () => {
    const fake = await startAmoCrmFake({ duplicateControl: true })
    try {
      const plain = createAmoCrmAdapter({ baseUrl: fake.url, token: fake.token, statusId: 42 })
      await plain.createLead(sameClient('anna@example.com'))
      expect(await plain.createLead(sameClient('anna@example.com'))).toMatchObject({ existing: false })
      expect(fake.leads().map((lead) => lead.status_id)).toEqual([42, 42])

      const fresh = await startAmoCrmFake({ duplicateControl: true })
      try {
        const batch = [sameClient('c@example.com'), sameClient('c@example.com')].map((lead) =>
          complexLead(lead, { duplicateControl: true }),
        )
        const res = await fetch(`${fresh.url}/api/v4/leads/complex`, {
          method: 'POST',
          headers: { authorization: `Bearer ${fresh.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(batch),
        })
        expect(res.status).toBe(200)
        expect(((await res.json()) as Array<{ merged: boolean }>).map((r) => r.merged)).toEqual([
          false,
          false,
        ])
      } finally {
        await fresh.close()
      }
    } finally {
      await fake.close()
    }
  })

  it('with duplicate control off in the account, metadata is taken but nothing is merged', async () => {
    const fake = await startAmoCrmFake()
    try {
      const adapter = createAmoCrmAdapter({ baseUrl: fake.url, token: fake.token, duplicateControl: true })
      await adapter.createLead(sameClient('anna@example.com'))
      expect(await adapter.createLead(sameClient('anna@example.com'))).toMatchObject({ existing: false })
      expect(fake.leads()).toHaveLength(2)
    } finally {
      await fake.close()
    }
  })

  it('refuses metadata Kommo does not document, in its validation-errors shape', async () => {
    const fake = await startAmoCrmFake({ duplicateControl: true })
    try {
      const send = (metadata: unknown) =>
        fetch(`${fake.url}/api/v4/leads/complex`, {
          method: 'POST',
          headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' },
          body: JSON.stringify([{ name: 'x', request_id: 'r1', _embedded: { metadata } }]),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }))
      const chats = await send({ category: 'chats' })
      expect(chats.status).toBe(400)
      expect(JSON.stringify(chats.body)).toContain('_embedded.metadata.category')
      const partial = await send({ category: 'forms', form_id: 'f', form_name: 'F', form_page: '' })
      expect(partial.status).toBe(400)
      expect(JSON.stringify(partial.body)).toContain('_embedded.metadata.form_sent_at')
      expect(fake.leads()).toEqual([])
    } finally {
      await fake.close()
    }
  })
})
