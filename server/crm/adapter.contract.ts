/**
 * One contract for every CRM adapter, run against its contract fake (test support, like
 * server/bus/bus.contract.ts). It pins what the relay will rely on: records in the vendor's
 * documented shape, failures classified (retryable / permanent / ambiguous, Retry-After read),
 * no duplicate after an ambiguous failure, and no secret in any error.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CrmError } from './crm-error.ts'
import type { FakeControls } from './fakes/index.ts'
import type { CrmAdapter, Lead, Transcript } from './types.ts'

export interface ContractHarness {
  /**
   * Good credentials and a timeout of about 1.5 s: long enough that a loaded CI machine does not turn
   * ordinary answers into timeouts, short enough that the timeout case (the fake holds 5 s) stays quick.
   */
  adapter: CrmAdapter
  badCredentials: CrmAdapter
  fake: Pick<FakeControls, 'failNext' | 'requests'>
  /** The good adapter's secrets (tokens, webhook addresses, signing secrets): never in any error. */
  secrets: string[]
  /** The bad adapter's secrets, checked on its errors too. */
  badSecrets: string[]
  /** A vendor-shaped error body whose description quotes `text` (vendors echo input back). */
  errorBodyWith(text: string): unknown
  /** The records the fake holds for an Openline lead id. */
  leadsFor(leadId: string): unknown[]
  /** Asserts the fake stored the lead in the vendor's documented shape. */
  expectLeadRecord(lead: Lead, crmId: string): void
  /** Asserts the fake stored the transcript against the record. */
  expectTranscriptRecord(crmId: string, lead: Lead, transcript: Transcript): void
  /** False for the webhook: nothing to search, its receiver dedupes redeliveries by webhook-id. */
  remoteLookup: boolean
  close(): Promise<void>
}

export function sampleLead(overrides: Partial<Lead> = {}): Lead {
  const id = `ol_${randomUUID()}`
  return {
    id,
    kind: 'chat',
    title: 'Chat from shop.example',
    contact: { name: 'Anna Petrova', phone: '+49 30 1234567', email: `anna.${id.slice(3, 11)}@example.com` },
    source: {
      widgetId: 'w1',
      pageUrl: 'https://shop.example/pricing',
      referrer: 'https://www.google.com/',
      utm: { source: 'google', medium: 'cpc', campaign: 'spring', term: 'chat widget', content: 'banner' },
    },
    comment: 'Do you ship to Austria?',
    fields: { Company: 'Petrova GmbH' },
    createdAt: Date.parse('2025-03-01T10:00:00Z'),
    ...overrides,
  }
}

export const sampleTranscript: Transcript = {
  text: '[10:00] Anna: Do you ship to Austria?\n[10:01] Max (operator): Yes, in 3 days.',
  messages: [
    {
      author: 'visitor',
      name: 'Anna',
      text: 'Do you ship to Austria?',
      at: Date.parse('2025-03-01T10:00:00Z'),
    },
    { author: 'operator', name: 'Max', text: 'Yes, in 3 days.', at: Date.parse('2025-03-01T10:01:00Z') },
  ],
  conversationUrl: 'https://chat.example.com/console/conversations/c1',
}

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(CrmError)
  return error as CrmError
}

export function runAdapterContract(name: string, setup: () => Promise<ContractHarness>): void {
  describe(`CRM adapter contract: ${name}`, () => {
    let h: ContractHarness

    beforeEach(async () => {
      h = await setup()
    })

    afterEach(async () => {
      await h.close()
    })

    it('creates a lead with contact and UTM in the documented shape', async () => {
      const lead = sampleLead()
      const created = await h.adapter.createLead(lead, { conversationUrl: sampleTranscript.conversationUrl })
      expect(created.existing).toBe(false)
      expect(created.crmId).toMatch(/\S/)
      expect(h.leadsFor(lead.id)).toHaveLength(1)
      h.expectLeadRecord(lead, created.crmId)
      const found = await h.adapter.findLeadByOpenlineId(lead.id, lead)
      expect(found).toBe(h.remoteLookup ? created.crmId : null)
    })

    it('attaches the transcript to the record', async () => {
      const lead = sampleLead()
      const { crmId } = await h.adapter.createLead(lead)
      await h.adapter.attachTranscript(crmId, lead, sampleTranscript)
      h.expectTranscriptRecord(crmId, lead, sampleTranscript)
    })

    it('finds nothing for a lead it never sent', async () => {
      const lead = sampleLead()
      await expect(h.adapter.findLeadByOpenlineId(lead.id, lead)).resolves.toBeNull()
    })

    it('passes test() with good credentials and explains bad ones', async () => {
      await expect(h.adapter.test()).resolves.toBeUndefined()
      const error = await failure(h.badCredentials.test())
      expect(error.retryable).toBe(false)
      expect(['unauthorized', 'forbidden']).toContain(error.code)
      expect(error.message).toMatch(/token|webhook|secret|signature|credential/i)
    })

    it('classifies bad credentials on a write as permanent', async () => {
      const error = await failure(h.badCredentials.createLead(sampleLead()))
      expect(error).toMatchObject({ retryable: false, ambiguous: false })
      expect(['unauthorized', 'forbidden']).toContain(error.code)
    })

    it('classifies throttling as retryable and reads Retry-After in seconds', async () => {
      h.fake.failNext(1, { status: 429, headers: { 'retry-after': '7' } })
      const lead = sampleLead()
      const error = await failure(h.adapter.createLead(lead))
      expect(error).toMatchObject({
        code: 'rate_limited',
        retryable: true,
        ambiguous: false,
        retryAfterMs: 7000,
      })
      expect(h.leadsFor(lead.id)).toHaveLength(0)
    })

    it('reads Retry-After given as an HTTP date', async () => {
      h.fake.failNext(1, {
        status: 429,
        headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() },
      })
      const error = await failure(h.adapter.createLead(sampleLead()))
      expect(error.retryAfterMs).toBeGreaterThanOrEqual(28_000)
      expect(error.retryAfterMs).toBeLessThanOrEqual(31_000)
    })

    it('classifies a 5xx on a write as retryable and ambiguous, on a look-up as retryable only', async () => {
      h.fake.failNext(2, { status: 500 })
      const lead = sampleLead()
      const write = await failure(h.adapter.createLead(lead))
      expect(write).toMatchObject({ code: 'unavailable', retryable: true, ambiguous: true, status: 500 })
      if (h.remoteLookup) {
        const read = await failure(h.adapter.findLeadByOpenlineId(lead.id, lead))
        expect(read).toMatchObject({ retryable: true, ambiguous: false })
      }
    })

    it('classifies a vendor 400 as permanent', async () => {
      h.fake.failNext(1, { status: 400 })
      const error = await failure(h.adapter.createLead(sampleLead()))
      expect(error).toMatchObject({
        code: 'invalid_request',
        retryable: false,
        ambiguous: false,
        status: 400,
      })
      expect(error.message.length).toBeGreaterThan(10)
    })

    it('does not duplicate after the CRM applied a write and the connection dropped', async () => {
      h.fake.failNext(1, { apply: true, dropConnection: true })
      const lead = sampleLead()
      const error = await failure(h.adapter.createLead(lead))
      expect(error).toMatchObject({ retryable: true, ambiguous: true })
      // What the relay does after an ambiguous failure: look up, and send again only when nothing is there.
      const found = await h.adapter.findLeadByOpenlineId(lead.id, lead)
      if (h.remoteLookup) expect(found).not.toBeNull()
      if (found === null) await h.adapter.createLead(lead)
      expect(h.leadsFor(lead.id)).toHaveLength(1)
    })

    it('reports a timeout as retryable and ambiguous, and the look-up finds the applied lead', async () => {
      h.fake.failNext(1, { apply: true, delayMs: 5_000 })
      const lead = sampleLead()
      const error = await failure(h.adapter.createLead(lead))
      expect(error).toMatchObject({ code: 'timeout', retryable: true, ambiguous: true })
      const found = await h.adapter.findLeadByOpenlineId(lead.id, lead)
      if (h.remoteLookup) expect(found).not.toBeNull()
      if (found === null) await h.adapter.createLead(lead)
      expect(h.leadsFor(lead.id)).toHaveLength(1)
    })

    it('never puts a secret into an error', async () => {
      const echoed = h.secrets.join(' ')
      h.fake.failNext(1, { status: 400, body: h.errorBodyWith(`bad request for ${echoed}`) })
      h.fake.failNext(1, { status: 500, body: h.errorBodyWith(`upstream ${echoed}`) })
      h.fake.failNext(1, { dropConnection: true })
      const lead = sampleLead()
      const errors = [
        await failure(h.adapter.createLead(lead)),
        await failure(h.adapter.createLead(lead)),
        await failure(h.adapter.createLead(lead)),
        await failure(h.badCredentials.createLead(lead)),
        await failure(h.badCredentials.test()),
      ]
      const forbidden = [...h.secrets, ...h.badSecrets]
      for (const error of errors) {
        const surfaces = [
          error.message,
          error.stack ?? '',
          JSON.stringify(error),
          String(error),
          error.vendorCode ?? '',
        ]
        for (const secret of forbidden) {
          for (const surface of surfaces) expect(surface).not.toContain(secret)
        }
      }
    })
  })
}
