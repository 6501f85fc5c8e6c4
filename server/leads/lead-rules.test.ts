import { describe, expect, it } from 'vitest'
import { contactKeys, hasContactData, planFollowUp, planLead, toLead } from './lead-rules.ts'

describe('lead rules (issue 6, item 1)', () => {
  it('recognises a client by identified id, e-mail and phone, however they were typed', () => {
    expect(
      contactKeys({ externalId: ' u-1 ', email: ' Anna@Example.COM ', phone: '+7 (999) 123-45-67' }),
    ).toEqual(['ext:u-1', 'email:anna@example.com', 'phone:79991234567'])
    expect(contactKeys({ phone: '+79991234567' })).toEqual(contactKeys({ phone: '+7 999 123 45 67' }))
  })

  it('a name alone is not contact data; a phone, an e-mail or an identified id is', () => {
    expect(hasContactData({ name: 'Anna' })).toBe(false)
    expect(hasContactData({ name: 'Anna', phone: '12' })).toBe(false)
    expect(hasContactData({ email: 'a@b.c' })).toBe(true)
    expect(hasContactData({ externalId: 'u-1' })).toBe(true)
  })

  it('resumes an earlier attempt, notes a recognised client, looks up after an ambiguous failure, else creates', () => {
    expect(planLead({ deliveryCrmId: '7', linkedCrmId: '9', ambiguous: true })).toEqual({
      action: 'resume',
      crmId: '7',
    })
    expect(planLead({ deliveryCrmId: null, linkedCrmId: '9', ambiguous: true })).toEqual({
      action: 'note',
      crmId: '9',
    })
    expect(planLead({ deliveryCrmId: null, linkedCrmId: undefined, ambiguous: true })).toEqual({
      action: 'lookup',
    })
    expect(planLead({ deliveryCrmId: null, linkedCrmId: undefined, ambiguous: false })).toEqual({
      action: 'create',
    })
  })

  it('maps the assigned operator to the CRM user and drops what adapters do not take', () => {
    const lead = toLead(
      {
        kind: 'chat',
        title: 'Chat',
        contact: { email: 'a@b.c' },
        source: {},
        createdAt: 1,
        assigneeOperatorId: 'op-1',
        transcript: { text: '', messages: [] },
      },
      'lead-1',
      { 'op-1': '42' },
    )
    expect(lead).toEqual({
      id: 'lead-1',
      kind: 'chat',
      title: 'Chat',
      contact: { email: 'a@b.c' },
      source: {},
      createdAt: 1,
      responsibleCrmUserId: '42',
    })
    expect(
      toLead(
        { kind: 'form', title: 'F', contact: {}, source: {}, createdAt: 1, assigneeOperatorId: 'x' },
        'l',
        {},
      ),
    ).not.toHaveProperty('responsibleCrmUserId')
  })

  it('a close or transfer waits for its lead, follows it, or has nothing to follow', () => {
    expect(planFollowUp(undefined, 10)).toMatchObject({ action: 'skip' })
    expect(planFollowUp({ id: 'l', status: 'pending', crmId: null, nextAttemptAt: 50 }, 10)).toEqual({
      action: 'wait',
      until: 50,
    })
    expect(planFollowUp({ id: 'l', status: 'pending', crmId: null, nextAttemptAt: 5 }, 10)).toEqual({
      action: 'wait',
      until: 10,
    })
    expect(planFollowUp({ id: 'l', status: 'dead', crmId: null, nextAttemptAt: null }, 10)).toMatchObject({
      action: 'fail',
    })
    expect(
      planFollowUp({ id: 'l', status: 'delivered', crmId: null, nextAttemptAt: null }, 10),
    ).toMatchObject({ action: 'skip' })
    expect(planFollowUp({ id: 'l', status: 'delivered', crmId: '5', nextAttemptAt: null }, 10)).toEqual({
      action: 'apply',
      crmId: '5',
      leadId: 'l',
    })
  })
})
