/**
 * A chat as a lead (issue 6, item 1; outbox topic `lead.chat`, subject = conversation id), built at
 * delivery time from what is stored then, and its transcript for `conversation.closed`.
 */
import type { LeadUtm, Transcript } from '../crm/types.ts'
import type { Store } from '../store/types.ts'
import { hasContactData } from './lead-rules.ts'
import type { LeadDraft, LeadSource } from './lead-source.ts'

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined)

export function utmOf(page: string | undefined): LeadUtm | undefined {
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

type ChatStore = Pick<Store, 'getConversation' | 'getVisitor' | 'listMessages'>

/** Transcripts longer than this many messages are cut (CRM notes have size limits); the link has all. */
const TRANSCRIPT_LIMIT = 500

export interface ChatLeadSource extends LeadSource {
  transcript(workspaceId: string, conversationId: string): Promise<Transcript | undefined>
}

export function createChatLeadSource(store: ChatStore, options: { publicUrl?: string } = {}): ChatLeadSource {
  const conversationUrl = (id: string) =>
    options.publicUrl ? `${options.publicUrl.replace(/\/$/, '')}/console/#/conversations/${id}` : undefined

  return {
    async build(workspaceId, conversationId) {
      const conversation = await store.getConversation(workspaceId, conversationId)
      if (!conversation) return undefined
      const visitor = await store.getVisitor(workspaceId, conversation.visitorId)
      if (!visitor) return undefined
      // Recognition across chat, callback and form uses the same keys everywhere: the identified id
      // (`Openline('identify', { id })`, verified where the widget has an identity secret), then
      // e-mail, then phone (server/leads/lead-rules.ts `contactKeys`).
      const contact = {
        ...(visitor.externalId && { externalId: visitor.externalId }),
        ...(visitor.name && { name: visitor.name }),
        ...(visitor.email && { email: visitor.email }),
        ...(visitor.phone && { phone: visitor.phone }),
      }
      if (!hasContactData(contact)) return undefined
      const page = text(visitor.context.page)
      const referrer = text(visitor.context.referrer)
      const utm = utmOf(page)
      const first = (await store.listMessages(workspaceId, conversationId, { limit: 20 })).find(
        (m) => m.authorKind === 'visitor',
      )
      const url = conversationUrl(conversationId)
      const draft: LeadDraft = {
        kind: 'chat',
        title: `Chat: ${visitor.name ?? visitor.email ?? visitor.phone ?? 'website visitor'}`,
        contact,
        source: {
          ...(conversation.widgetId && { widgetId: conversation.widgetId }),
          lineId: conversation.lineId,
          ...(page && { pageUrl: page }),
          ...(referrer && { referrer }),
          ...(utm && { utm }),
        },
        ...((first || url) && { comment: [first?.body, url].filter(Boolean).join('\n') }),
        createdAt: conversation.createdAt,
      }
      if (conversation.assigneeId) draft.assigneeOperatorId = conversation.assigneeId
      return draft
    },

    async transcript(workspaceId, conversationId) {
      const conversation = await store.getConversation(workspaceId, conversationId)
      if (!conversation) return undefined
      const messages = await store.listMessages(workspaceId, conversationId, { limit: TRANSCRIPT_LIMIT })
      const rendered = messages.map((m) => ({
        author: m.authorKind,
        ...(m.authorName && { name: m.authorName }),
        text: m.body,
        at: m.createdAt,
      }))
      const lines = rendered.map(
        (m) =>
          `[${new Date(m.at).toISOString().slice(0, 16).replace('T', ' ')}] ${m.name ?? m.author}: ${m.text}`,
      )
      const url = conversationUrl(conversationId)
      return { text: lines.join('\n'), messages: rendered, ...(url && { conversationUrl: url }) }
    },
  }
}
