import { describe, expect, it } from 'vitest'
import { createCrmAdapter, crmConnectionSchema } from './crm-connection.ts'
import { generateWebhookSecret } from './webhook/index.ts'

describe('crm connections', () => {
  it('builds the adapter of each kind from validated settings', () => {
    const connections = [
      { kind: 'bitrix24', webhookUrl: 'https://acme.bitrix24.de/rest/1/abcdef123456/' },
      { kind: 'amocrm', baseUrl: 'https://acme.kommo.com', token: 'x'.repeat(40), pipelineId: 7 },
      { kind: 'hubspot', token: 'pat-eu1-0000-1111-2222', leadIdProperty: 'openline_lead_id' },
      { kind: 'webhook', url: 'https://hooks.example/openline', secret: generateWebhookSecret() },
      { kind: 'tryton', url: 'https://erp.example.com/acme', user: 'openline', password: 'secret' },
    ]
    const kinds = connections.map((raw) => createCrmAdapter(crmConnectionSchema.parse(raw)).kind)
    expect(kinds).toEqual(['bitrix24', 'amocrm', 'hubspot', 'webhook', 'tryton'])
  })

  it('refuses incomplete or unsafe settings', () => {
    expect(crmConnectionSchema.safeParse({ kind: 'hubspot', token: 'short' }).success).toBe(false)
    expect(
      crmConnectionSchema.safeParse({
        kind: 'webhook',
        url: 'ftp://x.example',
        secret: generateWebhookSecret(),
      }).success,
    ).toBe(false)
    expect(
      crmConnectionSchema.safeParse({ kind: 'webhook', url: 'https://x.example', secret: 'plain' }).success,
    ).toBe(false)
    expect(crmConnectionSchema.safeParse({ kind: 'tryton' }).success).toBe(false)
  })
})
