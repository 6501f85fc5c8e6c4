/**
 * Every HTTP call the console makes (client API, issue "Chat end to end"). Response types come from
 * the server's schemas as types only, so zod never ships to the browser.
 */
import type { z } from 'zod'
import type { teamResponse } from '../../server/http/routes/team-routes.ts'
import type * as s from '../../server/http/schemas.ts'
import type { WireConversation } from '../../server/protocol/messages.ts'
import { type CallbacksApi, createCallbacksApi } from './callbacks-api.ts'
import { type CrmApi, createCrmApi } from './crm-api.ts'
import { createFormsApi, type FormsApi } from './forms-api.ts'
import { ApiError, type HttpClient } from './http-client.ts'
// issue 3 audit: an operator's own name and avatar
import { createProfileApi, type ProfileApi } from './profile-api.ts'
// issue "Open lines", items 4 and 6: the quick-answers page
import { createQuickAnswersApi, type QuickAnswersApi } from './quick-answers-api.ts'
import { createWidgetAdminApi, type WidgetAdminApi } from './widget-admin-api.ts'

export type Session = z.infer<typeof s.sessionResponse>
export type Operator = Session['operator']
export type ConversationDetail = z.infer<typeof s.conversationDetailResponse>
export type VisitorRecord = ConversationDetail['visitor']
/** GET /api/admin/lines: the stored settings as they are (not read). */
export type LineSummary = z.infer<typeof s.line>
/** GET/PATCH /api/admin/lines/:id: the settings read and fully defaulted. */
export type LineDetail = z.infer<typeof s.lineWithSettings>
export type LineUpdate = z.input<typeof s.updateLineBody>
export type ConversationKpis = z.infer<typeof s.conversationKpis>
export type QuickAnswer = z.infer<typeof s.quickAnswer>
/** GET /api/team (issue "Open lines"): names of the workspace's operators and lines, for anyone. */
export type TeamDirectory = z.infer<typeof teamResponse>

export interface WidgetSummary {
  id: string
  name: string
  publicSlug: string
  lineId: string
  settings: Record<string, unknown>
  allowedOrigins: string[]
}

/** GET /api/admin/widgets/:id/snippet. */
export interface WidgetSnippet {
  html: string
  externalHtml: string
  publicChatUrl: string
}

export interface ConsoleApi {
  /** Null when nobody is signed in (401). */
  me(): Promise<Session | null>
  login(email: string, password: string): Promise<Session>
  logout(): Promise<void>
  listConversations(query: { status: 'open' | 'closed'; mine?: boolean }): Promise<WireConversation[]>
  getConversation(id: string): Promise<ConversationDetail>
  closeConversation(id: string): Promise<WireConversation>
  listWidgets(): Promise<WidgetSummary[]>
  widgetSnippet(widgetId: string): Promise<WidgetSnippet>
  listLines(): Promise<LineSummary[]>
  getLine(lineId: string): Promise<LineDetail>
  updateLine(lineId: string, update: LineUpdate): Promise<LineDetail>
  /** Admins only (403 for other operators). */
  listOperators(): Promise<Operator[]>
  /** The workspace's quick answers and this operator's personal ones. */
  listQuickAnswers(): Promise<QuickAnswer[]>
  /** Issue "Open lines": colleagues and lines for the transfer and invite dialogs (any operator). */
  team?(): Promise<TeamDirectory>
  /** Issue 5: forms and submissions (forms-api.ts). Optional so test doubles may leave it out. */
  forms?: FormsApi
  /** Issue 5: widget settings (widget-admin-api.ts). */
  widgetAdmin?: WidgetAdminApi
  /** Issue 6: CRM connections and the delivery log (crm-api.ts). Optional for test doubles. */
  crm?: CrmApi
  /** Issue 5, item 2: the callbacks queue (callbacks-api.ts). Optional for test doubles. */
  callbacks?: CallbacksApi
  /** Issue "Open lines": add, change, remove quick answers (quick-answers-api.ts). Optional for test doubles. */
  quickAnswers?: QuickAnswersApi
  /** Issue 3 audit: the operator's own name and avatar (profile-api.ts). Optional for test doubles. */
  profile?: ProfileApi
}

export function createConsoleApi(http: HttpClient): ConsoleApi {
  const remember = (session: Session): Session => {
    http.setCsrfToken(session.csrfToken)
    return session
  }
  const id = encodeURIComponent

  return {
    async me() {
      try {
        return remember(await http.get<Session>('/api/auth/me'))
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
    async login(email, password) {
      return remember(await http.send<Session>('POST', '/api/auth/login', { email, password }))
    },
    async logout() {
      await http.send<void>('POST', '/api/auth/logout')
      http.setCsrfToken(null)
    },
    async listConversations({ status, mine }) {
      const query = new URLSearchParams({ status })
      if (mine) query.set('mine', 'true')
      const res = await http.get<{ conversations: WireConversation[] }>(`/api/conversations?${query}`)
      return res.conversations
    },
    getConversation: (conversationId) =>
      http.get<ConversationDetail>(`/api/conversations/${id(conversationId)}`),
    async closeConversation(conversationId) {
      const res = await http.send<{ conversation: WireConversation }>(
        'POST',
        `/api/conversations/${id(conversationId)}/close`,
      )
      return res.conversation
    },
    async listWidgets() {
      return (await http.get<{ widgets: WidgetSummary[] }>('/api/admin/widgets')).widgets
    },
    widgetSnippet: (widgetId) => http.get<WidgetSnippet>(`/api/admin/widgets/${id(widgetId)}/snippet`),
    async listLines() {
      return (await http.get<{ lines: LineSummary[] }>('/api/admin/lines')).lines
    },
    async getLine(lineId) {
      return (await http.get<{ line: LineDetail }>(`/api/admin/lines/${id(lineId)}`)).line
    },
    async updateLine(lineId, update) {
      return (await http.send<{ line: LineDetail }>('PATCH', `/api/admin/lines/${id(lineId)}`, update)).line
    },
    async listOperators() {
      return (await http.get<{ operators: Operator[] }>('/api/admin/operators')).operators
    },
    async listQuickAnswers() {
      return (await http.get<{ quickAnswers: QuickAnswer[] }>('/api/quick-answers')).quickAnswers
    },
    team: () => http.get<TeamDirectory>('/api/team'),
    forms: createFormsApi(http),
    widgetAdmin: createWidgetAdminApi(http),
    crm: createCrmApi(http),
    callbacks: createCallbacksApi(http),
    quickAnswers: createQuickAnswersApi(http),
    profile: createProfileApi(http),
  }
}
