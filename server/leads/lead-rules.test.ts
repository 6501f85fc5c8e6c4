import { describe, expect, it } from 'vitest'
import {
  contactKeys,
  deliveryTargets,
  hasContactData,
  leadKindOf,
  planFollowUp,
  planLead,
  rulesNeedOrigin,
  rulesTakeLead,
  toLead,
} from './lead-rules.ts'
import { DEFAULT_LEAD_RULES, type LeadRules, leadRulesSchema } from './lead-rules-schema.ts'

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

  it('a recognised client gets a note by default, a new lead where the rule says so (never a lost resume)', () => {
    const input = { deliveryCrmId: null, linkedCrmId: '9', ambiguous: false }
    expect(planLead(input)).toEqual({ action: 'note', crmId: '9' })
    expect(planLead({ ...input, recognisedClient: 'attach' })).toEqual({ action: 'note', crmId: '9' })
    expect(planLead({ ...input, recognisedClient: 'new-lead' })).toEqual({ action: 'create' })
    expect(planLead({ ...input, ambiguous: true, recognisedClient: 'new-lead' })).toEqual({
      action: 'lookup',
    })
    expect(planLead({ ...input, deliveryCrmId: '7', recognisedClient: 'new-lead' })).toEqual({
      action: 'resume',
      crmId: '7',
    })
  })
})

describe('lead rules per connection (issue 6, item 1)', () => {
  const rules = (patch: Partial<LeadRules>): LeadRules => ({ ...DEFAULT_LEAD_RULES, ...patch })
  const fromDemo = { lineId: 'line-1', widgetId: 'widget-1' }

  it('defaults to every source, line and widget, attaching recognised clients; `{}` and null read the same', () => {
    expect(leadRulesSchema.parse({})).toEqual(DEFAULT_LEAD_RULES)
    expect(DEFAULT_LEAD_RULES).toEqual({
      sources: ['chat', 'callback', 'form'],
      lineIds: [],
      widgetIds: [],
      recognisedClient: 'attach',
    })
    expect(rulesNeedOrigin(DEFAULT_LEAD_RULES)).toBe(false)
    for (const kind of ['chat', 'callback', 'form'] as const) {
      expect(rulesTakeLead(DEFAULT_LEAD_RULES, kind, undefined)).toBe(true)
      expect(rulesTakeLead(DEFAULT_LEAD_RULES, kind, { lineId: null, widgetId: null })).toBe(true)
    }
  })

  it('refuses no sources, a repeated source or id, and unknown modes', () => {
    expect(leadRulesSchema.safeParse({ sources: [] }).success).toBe(false)
    expect(leadRulesSchema.safeParse({ sources: ['chat', 'chat'] }).success).toBe(false)
    expect(leadRulesSchema.safeParse({ sources: ['email'] }).success).toBe(false)
    expect(leadRulesSchema.safeParse({ lineIds: ['a', 'a'] }).success).toBe(false)
    expect(leadRulesSchema.safeParse({ recognisedClient: 'merge' }).success).toBe(false)
    expect(leadRulesSchema.parse({ sources: ['form'], recognisedClient: 'new-lead' })).toEqual({
      ...DEFAULT_LEAD_RULES,
      sources: ['form'],
      recognisedClient: 'new-lead',
    })
  })

  it('takes only the chosen sources', () => {
    const formsOnly = rules({ sources: ['form'] })
    expect(rulesTakeLead(formsOnly, 'form', fromDemo)).toBe(true)
    expect(rulesTakeLead(formsOnly, 'chat', fromDemo)).toBe(false)
    expect(rulesTakeLead(formsOnly, 'callback', fromDemo)).toBe(false)
  })

  it('takes only leads known to come from a listed line and a listed widget', () => {
    const line = rules({ lineIds: ['line-1', 'line-2'] })
    expect(rulesNeedOrigin(line)).toBe(true)
    expect(rulesTakeLead(line, 'chat', fromDemo)).toBe(true)
    expect(rulesTakeLead(line, 'chat', { lineId: 'line-3', widgetId: 'widget-1' })).toBe(false)
    // a form sent without a widget has no line: "only these lines" leaves it out
    expect(rulesTakeLead(line, 'form', { lineId: null, widgetId: null })).toBe(false)
    expect(rulesTakeLead(line, 'chat', undefined)).toBe(false)
    const both = rules({ lineIds: ['line-1'], widgetIds: ['widget-2'] })
    expect(rulesTakeLead(both, 'callback', fromDemo)).toBe(false)
    expect(rulesTakeLead(both, 'callback', { lineId: 'line-1', widgetId: 'widget-2' })).toBe(true)
  })

  it('sends a lead to the enabled connections that take it, and closes and transfers to every enabled one', () => {
    const connections = [
      { id: 'all', enabled: true, leadRules: DEFAULT_LEAD_RULES },
      { id: 'off', enabled: false, leadRules: DEFAULT_LEAD_RULES },
      { id: 'forms', enabled: true, leadRules: rules({ sources: ['form'] }) },
      { id: 'line-2', enabled: true, leadRules: rules({ lineIds: ['line-2'] }) },
    ]
    expect(deliveryTargets('lead.chat', fromDemo, connections)).toEqual(['all'])
    expect(deliveryTargets('lead.form', fromDemo, connections)).toEqual(['all', 'forms'])
    expect(deliveryTargets('lead.callback', { lineId: 'line-2', widgetId: null }, connections)).toEqual([
      'all',
      'line-2',
    ])
    // a transfer to another line still follows the lead wherever it was made
    for (const topic of ['conversation.closed', 'conversation.transferred', 'conversation.assigned'] as const)
      expect(deliveryTargets(topic, undefined, connections)).toEqual(['all', 'forms', 'line-2'])
    expect(leadKindOf('lead.callback')).toBe('callback')
    expect(leadKindOf('conversation.closed')).toBeUndefined()
  })
})
