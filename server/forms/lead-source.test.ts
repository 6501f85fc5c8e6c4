import { describe, expect, it } from 'vitest'
import type { FormSubmission } from './form-types.ts'
import { createFormLeadSource, submissionToLead } from './lead-source.ts'

const submission: FormSubmission = {
  id: 'sub-1',
  workspaceId: 'ws',
  formId: 'form-1',
  formName: 'Contact',
  fields: [
    { key: 'firstName', type: 'text', label: 'First name' },
    { key: 'lastName', type: 'text', label: 'Last name' },
    { key: 'mail', type: 'email', label: 'E-mail' },
    { key: 'tel', type: 'phone', label: 'Phone' },
    { key: 'topics', type: 'checkboxes', label: 'Topics', options: { a: 'Pricing', b: 'Delivery' } },
    { key: 'ok', type: 'consent', label: 'Consent' },
    { key: 'note', type: 'longText', label: 'Note' },
  ],
  values: {
    firstName: 'Anna',
    lastName: 'Nowak',
    mail: 'anna@example.com',
    tel: '+48601234567',
    topics: ['a', 'b'],
    ok: true,
  },
  visitorId: 'v-1',
  widgetId: 'w-1',
  pageUrl: 'https://shop.example/p',
  utm: { source: 'news' },
  createdAt: 42,
}

describe('form lead source (contract C2)', () => {
  it('turns a submission into a lead with contact, source and labelled answers', () => {
    expect(submissionToLead(submission)).toEqual({
      kind: 'form',
      title: 'Form: Contact',
      contact: { name: 'Anna Nowak', email: 'anna@example.com', phone: '+48601234567' },
      source: { widgetId: 'w-1', pageUrl: 'https://shop.example/p', utm: { source: 'news' } },
      fields: {
        'First name': 'Anna',
        'Last name': 'Nowak',
        'E-mail': 'anna@example.com',
        Phone: '+48601234567',
        Topics: 'Pricing, Delivery',
        Consent: 'yes',
      },
      createdAt: 42,
    })
  })

  it('builds from the store, undefined for an unknown submission', async () => {
    const source = createFormLeadSource({
      getFormSubmission: async (ws, id) => (ws === 'ws' && id === 'sub-1' ? submission : undefined),
      getVisitor: async () => undefined,
    })
    expect(await source.build('ws', 'sub-1')).toMatchObject({ kind: 'form' })
    expect(await source.build('other', 'sub-1')).toBeUndefined()
  })

  it("carries the visitor's identified id, read at delivery time (issue 6, item 1)", async () => {
    const source = createFormLeadSource({
      getFormSubmission: async () => submission,
      getVisitor: async (ws, id) =>
        ws === 'ws' && id === 'v-1'
          ? {
              id: 'v-1',
              workspaceId: 'ws',
              widgetId: 'w-1',
              name: null,
              email: null,
              phone: null,
              context: {},
              createdAt: 1,
              lastSeenAt: 1,
              externalId: 'u-42',
            }
          : undefined,
    })
    const lead = await source.build('ws', 'sub-1')
    expect(lead?.contact).toEqual({
      externalId: 'u-42',
      name: 'Anna Nowak',
      email: 'anna@example.com',
      phone: '+48601234567',
    })
  })
})
