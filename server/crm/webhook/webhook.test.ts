import { describe, expect, it } from 'vitest'
import { runAdapterContract, sampleLead, sampleTranscript } from '../adapter.contract.ts'
import { startWebhookReceiver } from '../fakes/index.ts'
import { createWebhookAdapter, eventId, generateWebhookSecret } from './index.ts'

runAdapterContract('webhook', async () => {
  const secret = generateWebhookSecret()
  const badSecret = generateWebhookSecret()
  const receiver = await startWebhookReceiver({ secrets: [secret] })
  const leadTypes = ['lead.created', 'callback.requested', 'form.submitted']
  return {
    adapter: createWebhookAdapter({ url: receiver.endpoint, secret, timeoutMs: 1_500 }),
    badCredentials: createWebhookAdapter({ url: receiver.endpoint, secret: badSecret, timeoutMs: 1_500 }),
    fake: receiver,
    secrets: [secret, receiver.endpoint, new URL(receiver.endpoint).searchParams.get('key') ?? ''],
    badSecrets: [badSecret],
    errorBodyWith: (text) => ({ error: text }),
    leadsFor: (leadId) =>
      receiver
        .events()
        .filter(
          (event) =>
            leadTypes.includes(event.payload.type) &&
            (event.payload.data.lead as { id: string }).id === leadId,
        ),
    expectLeadRecord(lead, crmId) {
      expect(crmId).toBe(lead.id)
      const [event] = receiver.events()
      expect(event?.id).toBe(eventId('lead.created', lead.id))
      expect(event?.payload).toEqual({
        type: 'lead.created',
        timestamp: new Date(lead.createdAt).toISOString(),
        data: { lead: JSON.parse(JSON.stringify(lead)), conversationUrl: sampleTranscript.conversationUrl },
      })
    },
    expectTranscriptRecord(crmId, lead, transcript) {
      const closed = receiver.events().filter((event) => event.payload.type === 'conversation.closed')
      expect(closed).toHaveLength(1)
      expect(closed[0]?.payload.data).toMatchObject({
        leadId: lead.id,
        crmId,
        transcript: JSON.parse(JSON.stringify(transcript)),
      })
    },
    remoteLookup: false,
    close: () => receiver.close(),
  }
})

describe('webhook deliveries', () => {
  it('sends callbacks and forms as their own event types', async () => {
    const secret = generateWebhookSecret()
    const receiver = await startWebhookReceiver({ secrets: [secret] })
    try {
      const adapter = createWebhookAdapter({ url: receiver.endpoint, secret })
      await adapter.createLead(sampleLead({ kind: 'callback' }))
      await adapter.createLead(sampleLead({ kind: 'form' }))
      expect(receiver.events().map((event) => event.payload.type)).toEqual([
        'callback.requested',
        'form.submitted',
      ])
    } finally {
      await receiver.close()
    }
  })

  it('keeps the webhook-id and body across retries while the timestamp follows the attempt', async () => {
    const secret = generateWebhookSecret()
    let clock = Date.parse('2025-03-01T10:00:00Z')
    const receiver = await startWebhookReceiver({ secrets: [secret], now: () => clock })
    try {
      const adapter = createWebhookAdapter({ url: receiver.endpoint, secret, now: () => clock })
      const lead = sampleLead()
      await adapter.createLead(lead)
      clock += 90_000
      await adapter.createLead(lead)
      const [first, second] = receiver.deliveries()
      expect(second?.id).toBe(first?.id)
      expect(second?.body).toBe(first?.body)
      expect((second?.timestamp ?? 0) - (first?.timestamp ?? 0)).toBe(90)
      expect(receiver.events()).toHaveLength(1)
    } finally {
      await receiver.close()
    }
  })

  it('signs with both secrets during a rotation window, then with the new one only', async () => {
    const oldSecret = generateWebhookSecret()
    const newSecret = generateWebhookSecret()
    let clock = Date.now()
    const stillOld = await startWebhookReceiver({ secrets: [oldSecret] })
    try {
      const adapter = createWebhookAdapter({
        url: stillOld.endpoint,
        secret: newSecret,
        previousSecret: { secret: oldSecret, until: clock + 60_000 },
        now: () => clock,
      })
      await adapter.test()
      expect(stillOld.deliveries()[0]?.signature.split(' ')).toHaveLength(2)
      clock += 61_000
      await expect(adapter.test()).rejects.toMatchObject({ code: 'unauthorized', retryable: false })
    } finally {
      await stillOld.close()
    }
  })

  it('treats 410 Gone as permanent and 503 with Retry-After as retryable', async () => {
    const secret = generateWebhookSecret()
    const receiver = await startWebhookReceiver({ secrets: [secret] })
    try {
      const adapter = createWebhookAdapter({ url: receiver.endpoint, secret })
      receiver.failNext(1, { status: 410 })
      await expect(adapter.createLead(sampleLead())).rejects.toMatchObject({
        code: 'gone',
        retryable: false,
        ambiguous: false,
      })
      receiver.failNext(1, { status: 503, headers: { 'retry-after': '120' } })
      await expect(adapter.createLead(sampleLead())).rejects.toMatchObject({
        code: 'unavailable',
        retryable: true,
        retryAfterMs: 120_000,
      })
    } finally {
      await receiver.close()
    }
  })

  it('refuses secrets that are not whsec_ with enough key material', () => {
    expect(() => createWebhookAdapter({ url: 'https://hooks.example/x', secret: 'hunter2-hunter2' })).toThrow(
      /whsec_/,
    )
    expect(() => createWebhookAdapter({ url: 'https://hooks.example/x', secret: 'whsec_c2hvcnQ=' })).toThrow(
      /24/,
    )
    expect(() =>
      createWebhookAdapter({ url: 'ftp://hooks.example/x', secret: generateWebhookSecret() }),
    ).toThrow(/http/)
  })
})
