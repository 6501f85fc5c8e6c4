import { describe, expect, it } from 'vitest'
import { runAdapterContract, sampleLead, sampleTranscript } from '../adapter.contract.ts'
import { CrmError } from '../crm-error.ts'
import { startBitrix24Fake } from '../fakes/index.ts'
import { fetchHttp, pacedHttp } from '../http/index.ts'
import { createBitrix24Adapter, leadFields, parseWebhookUrl } from './index.ts'

runAdapterContract('bitrix24', async () => {
  const fake = await startBitrix24Fake()
  const badUrl = fake.webhookUrl.replace(fake.token, 'wrongtoken123')
  return {
    adapter: createBitrix24Adapter({ webhookUrl: fake.webhookUrl, timeoutMs: 1_500 }),
    badCredentials: createBitrix24Adapter({ webhookUrl: badUrl, timeoutMs: 1_500 }),
    fake,
    secrets: [fake.token, fake.webhookUrl],
    badSecrets: ['wrongtoken123', badUrl],
    errorBodyWith: (text) => ({ error: 'ERROR_CORE', error_description: text }),
    leadsFor: (leadId) => fake.leads().filter((lead) => lead.ORIGIN_ID === leadId),
    expectLeadRecord(lead, crmId) {
      const record = fake.leads().find((candidate) => candidate.ID === crmId)
      expect(record).toMatchObject({
        TITLE: lead.title,
        NAME: 'Anna Petrova',
        PHONE: [{ VALUE: lead.contact.phone, VALUE_TYPE: 'WORK' }],
        EMAIL: [{ VALUE: lead.contact.email, VALUE_TYPE: 'WORK' }],
        SOURCE_ID: 'WEB',
        SOURCE_DESCRIPTION: 'Openline chat · https://shop.example/pricing',
        UTM_SOURCE: 'google',
        UTM_MEDIUM: 'cpc',
        UTM_CAMPAIGN: 'spring',
        UTM_TERM: 'chat widget',
        UTM_CONTENT: 'banner',
        ORIGINATOR_ID: 'openline',
        ORIGIN_ID: lead.id,
      })
      expect(record?.COMMENTS).toContain('Comment: Do you ship to Austria?')
      expect(record?.COMMENTS).toContain('Company: Petrova GmbH')
      expect(record?.COMMENTS).toContain(sampleTranscript.conversationUrl)
    },
    expectTranscriptRecord(crmId, lead, transcript) {
      expect(fake.comments()).toEqual([
        expect.objectContaining({
          ENTITY_TYPE: 'lead',
          ENTITY_ID: Number(crmId),
          COMMENT: expect.stringContaining(transcript.text),
        }),
      ])
      expect(fake.comments()[0]?.COMMENT).toContain(lead.id)
    },
    remoteLookup: true,
    close: () => fake.close(),
  }
})

describe('bitrix24 lead fields', () => {
  it('maps each lead kind to its standard SOURCE_ID and numeric ids to numbers', () => {
    expect(leadFields(sampleLead({ kind: 'chat' })).SOURCE_ID).toBe('WEB')
    expect(leadFields(sampleLead({ kind: 'callback' })).SOURCE_ID).toBe('CALLBACK')
    expect(leadFields(sampleLead({ kind: 'form' })).SOURCE_ID).toBe('WEBFORM')
    expect(leadFields(sampleLead({ responsibleCrmUserId: '17' })).ASSIGNED_BY_ID).toBe(17)
  })

  it('leaves out what the lead does not have', () => {
    const fields = leadFields(sampleLead({ contact: {}, source: {}, comment: undefined, fields: undefined }))
    expect(Object.keys(fields).sort()).toEqual(
      ['COMMENTS', 'OPENED', 'ORIGINATOR_ID', 'ORIGIN_ID', 'SOURCE_DESCRIPTION', 'SOURCE_ID', 'TITLE'].sort(),
    )
  })

  it('writes answers mapped to a user field code into that field, the rest only into COMMENTS', () => {
    const fields = leadFields(sampleLead({ fields: { UF_CRM_SEATS: '40', Budget: '5k', uf_crm_x: 'no' } }))
    expect(fields.UF_CRM_SEATS).toBe('40')
    expect(fields).not.toHaveProperty('Budget')
    expect(fields).not.toHaveProperty('uf_crm_x')
    expect(fields.COMMENTS).toContain('40')
  })
})

describe('bitrix24 webhook address', () => {
  it('accepts the address with or without the trailing slash', () => {
    expect(parseWebhookUrl('https://acme.bitrix24.de/rest/1/abc123def456').base).toBe(
      'https://acme.bitrix24.de/rest/1/abc123def456/',
    )
  })

  it('rejects other addresses without echoing them', () => {
    const address = 'https://acme.bitrix24.de/rest/api/abc123def456/crm.lead.add'
    let caught: unknown
    try {
      parseWebhookUrl(address)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(CrmError)
    expect(caught).toMatchObject({ code: 'invalid_config', retryable: false })
    expect((caught as CrmError).message).not.toContain('abc123def456')
  })
})

describe('bitrix24 adapter against the fake', () => {
  it('reads QUERY_LIMIT_EXCEEDED from the leaky bucket as retryable after about a second', async () => {
    const fake = await startBitrix24Fake()
    try {
      fake.limit({ burst: 1, perSecond: 0.001 })
      const adapter = createBitrix24Adapter({ webhookUrl: fake.webhookUrl })
      const lead = sampleLead()
      await adapter.createLead(lead)
      const error = await adapter.findLeadByOpenlineId(lead.id).catch((caught: unknown) => caught)
      expect(error).toMatchObject({
        code: 'rate_limited',
        vendorCode: 'QUERY_LIMIT_EXCEEDED',
        retryable: true,
        ambiguous: false,
        retryAfterMs: 1000,
      })
    } finally {
      await fake.close()
    }
  })

  it('explains a webhook without the crm scope', async () => {
    const fake = await startBitrix24Fake({ scopes: ['user'] })
    try {
      const adapter = createBitrix24Adapter({ webhookUrl: fake.webhookUrl })
      await expect(adapter.test()).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/crm/),
      })
      await expect(adapter.createLead(sampleLead())).rejects.toMatchObject({
        code: 'forbidden',
        vendorCode: 'insufficient_scope',
        retryable: false,
      })
    } finally {
      await fake.close()
    }
  })

  it('reassigns a lead and skips the timeline for an empty transcript', async () => {
    const fake = await startBitrix24Fake()
    try {
      const adapter = createBitrix24Adapter({ webhookUrl: fake.webhookUrl })
      const lead = sampleLead({ kind: 'callback' })
      const { crmId } = await adapter.createLead(lead)
      await adapter.updateResponsible(crmId, '5')
      await adapter.attachTranscript(crmId, lead, { text: '', messages: [] })
      expect(fake.leads()[0]).toMatchObject({ ASSIGNED_BY_ID: 5, SOURCE_ID: 'CALLBACK' })
      expect(fake.comments()).toEqual([])
      expect(fake.requests().map((request) => request.path.split('/').pop())).toEqual([
        'crm.lead.add.json',
        'crm.lead.update.json',
      ])
    } finally {
      await fake.close()
    }
  })

  it('stays within 2 requests per second when paced', async () => {
    const fake = await startBitrix24Fake()
    try {
      const adapter = createBitrix24Adapter({
        webhookUrl: fake.webhookUrl,
        http: pacedHttp(fetchHttp, { perSecond: 2 }),
      })
      await Promise.all(Array.from({ length: 5 }, () => adapter.findLeadByOpenlineId('ol_x')))
      expect(fake.requests()).toHaveLength(5)
      expect(fake.maxPerSecond()).toBeLessThanOrEqual(2)
    } finally {
      await fake.close()
    }
  })
})
