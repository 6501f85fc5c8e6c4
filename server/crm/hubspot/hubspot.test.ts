import { describe, expect, it } from 'vitest'
import { runAdapterContract, sampleLead } from '../adapter.contract.ts'
import { startHubSpotFake } from '../fakes/index.ts'
import { createHubSpotAdapter, existingContactId, noteBody } from './index.ts'

runAdapterContract('hubspot', async () => {
  const fake = await startHubSpotFake()
  const badToken = 'pat-eu1-00000000-revoked-token'
  return {
    adapter: createHubSpotAdapter({ baseUrl: fake.url, token: fake.token, timeoutMs: 1_500 }),
    badCredentials: createHubSpotAdapter({ baseUrl: fake.url, token: badToken, timeoutMs: 1_500 }),
    fake,
    secrets: [fake.token],
    badSecrets: [badToken],
    errorBodyWith: (text) => ({
      status: 'error',
      message: text,
      correlationId: 'c1',
      category: 'VALIDATION_ERROR',
    }),
    leadsFor: (leadId) => fake.contacts().filter((contact) => contact.properties.message?.includes(leadId)),
    expectLeadRecord(lead, crmId) {
      const contact = fake.contacts().find((candidate) => candidate.id === crmId)
      expect(contact?.properties).toMatchObject({
        email: lead.contact.email,
        firstname: 'Anna',
        lastname: 'Petrova',
        phone: lead.contact.phone,
        lifecyclestage: 'lead',
        hs_lead_status: 'NEW',
      })
      expect(contact?.properties.message).toContain(
        'UTM: utm_source=google, utm_medium=cpc, utm_campaign=spring',
      )
    },
    expectTranscriptRecord(crmId, lead, transcript) {
      const notes = fake.notes()
      expect(notes).toEqual([
        expect.objectContaining({ associations: [{ toObjectId: crmId, associationTypeId: 202 }] }),
      ])
      const body = notes[0]?.properties.hs_note_body ?? ''
      expect(body).toContain('[10:01] Max (operator): Yes, in 3 days.')
      expect(body).toContain('<br>')
      expect(body).toContain(lead.id)
      expect(Date.parse(notes[0]?.properties.hs_timestamp ?? '')).not.toBeNaN()
      expect(transcript.messages).toHaveLength(2)
    },
    remoteLookup: true,
    close: () => fake.close(),
  }
})

describe('hubspot helpers', () => {
  it('reads the existing id out of a 409 message', () => {
    expect(existingContactId('Contact already exists. Existing ID: 37765128953')).toBe('37765128953')
    expect(existingContactId('Contact already exists.')).toBeUndefined()
  })

  it('escapes the note and keeps it within 65,536 characters', () => {
    expect(noteBody('a < b\nc & d')).toBe('a &lt; b<br>c &amp; d')
    const long = noteBody('&'.repeat(70_000))
    expect(long.length).toBeLessThanOrEqual(65_536)
    expect(long).toMatch(/&amp;…$/)
  })
})

describe('hubspot adapter against the fake', () => {
  it('maps a returning e-mail to the existing contact', async () => {
    const fake = await startHubSpotFake()
    try {
      const adapter = createHubSpotAdapter({ baseUrl: fake.url, token: fake.token })
      const first = await adapter.createLead(sampleLead({ contact: { email: 'Max@Example.com' } }))
      const again = await adapter.createLead(
        sampleLead({ contact: { email: 'max@example.com', name: 'Max' } }),
      )
      expect(again).toEqual({ crmId: first.crmId, existing: true })
      expect(fake.contacts()).toHaveLength(1)
    } finally {
      await fake.close()
    }
  })

  it('finds leads without e-mail through the lead-id property', async () => {
    const fake = await startHubSpotFake({ customProperties: ['openline_lead_id'] })
    try {
      const adapter = createHubSpotAdapter({
        baseUrl: fake.url,
        token: fake.token,
        leadIdProperty: 'openline_lead_id',
      })
      const lead = sampleLead({ kind: 'callback', contact: { phone: '+43 1 555' } })
      const { crmId } = await adapter.createLead(lead)
      expect(fake.contacts()[0]?.properties.openline_lead_id).toBe(lead.id)
      await expect(adapter.findLeadByOpenlineId(lead.id, lead)).resolves.toBe(crmId)
      const plain = createHubSpotAdapter({ baseUrl: fake.url, token: fake.token })
      await expect(plain.findLeadByOpenlineId(lead.id, lead)).resolves.toBeNull()
    } finally {
      await fake.close()
    }
  })

  it('rejects a lead-id property the portal lacks with a permanent, readable error', async () => {
    const fake = await startHubSpotFake()
    try {
      const adapter = createHubSpotAdapter({
        baseUrl: fake.url,
        token: fake.token,
        leadIdProperty: 'openline_lead_id',
      })
      const error = await adapter.createLead(sampleLead()).catch((caught: unknown) => caught)
      expect(error).toMatchObject({
        code: 'invalid_request',
        vendorCode: 'VALIDATION_ERROR',
        retryable: false,
      })
      expect((error as Error).message).toContain('PROPERTY_DOESNT_EXIST')
    } finally {
      await fake.close()
    }
  })

  it('names the missing scope, and waits out the 10-second window on 429 without Retry-After', async () => {
    const fake = await startHubSpotFake({ scopes: ['crm.objects.contacts.read'] })
    try {
      const adapter = createHubSpotAdapter({ baseUrl: fake.url, token: fake.token })
      await expect(adapter.test()).resolves.toBeUndefined()
      await expect(adapter.createLead(sampleLead())).rejects.toMatchObject({
        code: 'forbidden',
        retryable: false,
        message: expect.stringContaining('crm.objects.contacts.write'),
      })
      fake.failNext(1, { status: 429 })
      await expect(adapter.test()).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 10_000 })
    } finally {
      await fake.close()
    }
  })

  it('reassigns the contact owner', async () => {
    const fake = await startHubSpotFake({ owners: ['101', '102'] })
    try {
      const adapter = createHubSpotAdapter({ baseUrl: fake.url, token: fake.token })
      const { crmId } = await adapter.createLead(sampleLead({ responsibleCrmUserId: '101' }))
      await adapter.updateResponsible(crmId, '102')
      expect(fake.contacts()[0]?.properties.hubspot_owner_id).toBe('102')
      await expect(adapter.updateResponsible(crmId, '999')).rejects.toMatchObject({ code: 'invalid_request' })
    } finally {
      await fake.close()
    }
  })
})
