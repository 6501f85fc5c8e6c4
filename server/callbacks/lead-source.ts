/**
 * Contract C2 (issues 5 and 6): a stored callback request → the lead sent to the CRM, built at
 * delivery time (outbox topic `lead.callback`, subject = callback id).
 */
import type { LeadUtm } from '../crm/types.ts'
import type { LeadDraft, LeadSource } from '../leads/lead-source.ts'
import type { Store } from '../store/types.ts'

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined)

function utmOf(page: string | undefined): LeadUtm | undefined {
  if (!page) return undefined
  let params: URLSearchParams
  try {
    params = new URL(page).searchParams
  } catch {
    return undefined
  }
  const utm: LeadUtm = {}
  for (const key of ['source', 'medium', 'campaign', 'term', 'content'] as const) {
    const value = params.get(`utm_${key}`)
    if (value) utm[key] = value
  }
  return Object.keys(utm).length > 0 ? utm : undefined
}

export function createCallbackLeadSource(store: Pick<Store, 'getCallback' | 'getVisitor'>): LeadSource {
  return {
    async build(workspaceId, subjectId) {
      const callback = await store.getCallback(workspaceId, subjectId)
      if (!callback) return undefined
      const visitor = await store.getVisitor(workspaceId, callback.visitorId)
      const page = text(visitor?.context.page)
      const referrer = text(visitor?.context.referrer)
      const utm = utmOf(page)
      const due = new Date(callback.dueAt).toISOString()
      const fields: Record<string, string> = {
        'Preferred time': callback.preferred === 'asap' ? `As soon as possible (${due})` : due,
      }
      if (callback.topic) fields.Topic = callback.topic
      if (callback.consentText) fields.Consent = callback.consentText
      // Issue 5 item 3: the extra callback fields, under their labels.
      for (const [label, value] of Object.entries(callback.extra)) {
        if (typeof value === 'string' && !(label in fields)) fields[label] = value
      }
      const draft: LeadDraft = {
        kind: 'callback',
        title: `Callback request: ${callback.name}`,
        contact: {
          name: callback.name,
          phone: callback.phone,
          ...(visitor?.email && { email: visitor.email }),
          // issue 6 item 1: the identified id recognises the client across chat, callback and form
          ...(visitor?.externalId && { externalId: visitor.externalId }),
        },
        source: {
          widgetId: callback.widgetId,
          lineId: callback.lineId,
          ...(page && { pageUrl: page }),
          ...(referrer && { referrer }),
          ...(utm && { utm }),
        },
        comment: [callback.topic, `Call ${callback.phone} at ${due}`].filter(Boolean).join('\n'),
        fields,
        createdAt: callback.createdAt,
      }
      if (callback.assigneeId) draft.assigneeOperatorId = callback.assigneeId
      return draft
    },
  }
}
