/**
 * Every route of the API in one table. `mount()` registers a handler for an entry (with its
 * authentication, CSRF check and validators taken from here), `openapi.ts` documents the same
 * entries, and `createApp` refuses to start if an entry has no handler — so the document, the
 * validation and the routing cannot drift apart. The workspace-isolation test iterates this table
 * too, so a new operator route is covered by it automatically.
 */
import type { z } from 'zod'
import { crmConnectionRoutes } from '../crm-connections/crm-connection-routes.ts'
// issue 6, item 1: identified visitors (the widget identity secret)
import { identitySecretRoutes } from '../identity/identity-secret-routes.ts'
// issue 6: the CRM delivery log (contract C4)
import { crmDeliveryRoutes } from '../outbox/delivery-routes.ts'
// issue 5, item 4: attachments
import * as att from './routes/attachments-schemas.ts'
// issue 5, item 2: callback requests
import { callbackRoutes } from './routes/callbacks-routes.ts'
// issue 5, item 3: web forms
import { formRoutes } from './routes/forms-routes.ts'
// issue 3 audit: an operator's own name and avatar
import { profileRoutes } from './routes/profile-routes.ts'
// issue "Open lines": colleague list for the transfer and invite dialogs
import { teamRoutes } from './routes/team-routes.ts'
import * as s from './schemas.ts'

/**
 * - `public`: anyone. `public-cors` additionally answers cross-origin calls (the widget runs on
 *   customers' sites).
 * - `visitor`: `Authorization: Bearer <visitor token>`, cross-origin too.
 * - `session`: the operator session cookie, plus `X-CSRF-Token` on state-changing methods.
 * - `admin`: like `session`, and the operator's role must be admin.
 * - `admin-token`: `Authorization: Bearer <ADMIN_TOKEN>` (installation-wide; off when unset).
 */
export type RouteAuth = 'public' | 'public-cors' | 'visitor' | 'session' | 'admin' | 'admin-token'

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete'

export interface RouteSpec {
  id: string
  method: HttpMethod
  /** Hono syntax (`:id`); openapi.ts converts it to `{id}`. */
  path: string
  summary: string
  tag: 'health' | 'auth' | 'conversations' | 'widget' | 'admin'
  auth: RouteAuth
  body?: z.ZodType
  query?: z.ZodType
  /** Status → schema (undefined for an empty body). Error statuses use `errorResponse`. */
  responses: Record<number, z.ZodType | undefined>
  /** Error statuses this route documents besides the ones its `auth` implies. */
  errors?: number[]
}

function route<const S extends RouteSpec>(spec: S): S {
  return spec
}

export const routes = {
  health: route({
    id: 'health',
    method: 'get',
    path: '/health',
    summary: 'Liveness: the process answers',
    tag: 'health',
    auth: 'public',
    responses: { 200: s.healthResponse },
  }),
  ready: route({
    id: 'ready',
    method: 'get',
    path: '/ready',
    summary: 'Readiness: the store and the bus answer',
    tag: 'health',
    auth: 'public',
    responses: { 200: s.readyResponse, 503: s.unavailableResponse },
  }),
  login: route({
    id: 'login',
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign an operator in; sets the session cookie',
    tag: 'auth',
    auth: 'public',
    body: s.loginBody,
    responses: { 200: s.sessionResponse },
    errors: [400, 401, 403, 429],
  }),
  logout: route({
    id: 'logout',
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: deletes the session and clears the cookie',
    tag: 'auth',
    auth: 'public',
    responses: { 204: undefined },
    errors: [403],
  }),
  me: route({
    id: 'me',
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in operator, their workspace and the CSRF token',
    tag: 'auth',
    auth: 'session',
    responses: { 200: s.sessionResponse },
  }),
  listConversations: route({
    id: 'listConversations',
    method: 'get',
    path: '/api/conversations',
    summary: 'The inbox of the workspace, newest first',
    tag: 'conversations',
    auth: 'session',
    query: s.conversationListQuery,
    responses: { 200: s.conversationListResponse },
    errors: [400],
  }),
  getConversation: route({
    id: 'getConversation',
    method: 'get',
    path: '/api/conversations/:id',
    summary: 'One conversation with its messages and visitor',
    tag: 'conversations',
    auth: 'session',
    responses: { 200: s.conversationDetailResponse },
    errors: [404],
  }),
  sendMessage: route({
    id: 'sendMessage',
    method: 'post',
    path: '/api/conversations/:id/messages',
    summary: 'Reply in a conversation (idempotent per clientId)',
    tag: 'conversations',
    auth: 'session',
    body: s.sendMessageBody,
    responses: { 201: s.sendMessageResponse, 200: s.sendMessageResponse },
    errors: [400, 404, 409],
  }),
  closeConversation: route({
    id: 'closeConversation',
    method: 'post',
    path: '/api/conversations/:id/close',
    summary: 'Close a conversation',
    tag: 'conversations',
    auth: 'session',
    responses: { 200: s.conversationResponse },
    errors: [404],
  }),
  listQuickAnswers: route({
    id: 'listQuickAnswers',
    method: 'get',
    path: '/api/quick-answers',
    summary: "The workspace's quick answers and the operator's own personal ones",
    tag: 'conversations',
    auth: 'session',
    responses: { 200: s.quickAnswerListResponse },
  }),
  createQuickAnswer: route({
    id: 'createQuickAnswer',
    method: 'post',
    path: '/api/quick-answers',
    summary: 'Add a quick answer (workspace scope: admins only)',
    tag: 'conversations',
    auth: 'session',
    body: s.createQuickAnswerBody,
    responses: { 201: s.quickAnswerResponse },
    errors: [400, 403],
  }),
  updateQuickAnswer: route({
    id: 'updateQuickAnswer',
    method: 'patch',
    path: '/api/quick-answers/:id',
    summary: 'Change a quick answer (workspace ones: admins; personal ones: their owner)',
    tag: 'conversations',
    auth: 'session',
    body: s.updateQuickAnswerBody,
    responses: { 200: s.quickAnswerResponse },
    errors: [400, 403, 404],
  }),
  deleteQuickAnswer: route({
    id: 'deleteQuickAnswer',
    method: 'delete',
    path: '/api/quick-answers/:id',
    summary: 'Remove a quick answer (workspace ones: admins; personal ones: their owner)',
    tag: 'conversations',
    auth: 'session',
    responses: { 204: undefined },
    errors: [403, 404],
  }),
  widgetConfig: route({
    id: 'widgetConfig',
    method: 'get',
    path: '/api/widgets/:widgetId/config',
    summary: 'Public configuration of a widget',
    tag: 'widget',
    auth: 'public-cors',
    query: s.widgetConfigQuery,
    responses: { 200: s.widgetConfigResponse },
    errors: [404],
  }),
  publicChat: route({
    id: 'publicChat',
    method: 'get',
    path: '/api/public/chat/:slug',
    summary: 'Public configuration of the widget behind a public chat page',
    tag: 'widget',
    auth: 'public-cors',
    query: s.widgetConfigQuery,
    responses: { 200: s.widgetConfigResponse },
    errors: [404],
  }),
  createVisitor: route({
    id: 'createVisitor',
    method: 'post',
    path: '/api/visitors',
    summary: 'Start a visitor identity for a widget; returns its token',
    tag: 'widget',
    auth: 'public-cors',
    body: s.createVisitorBody,
    responses: { 201: s.createVisitorResponse },
    errors: [400, 403, 404, 429],
  }),
  patchVisitor: route({
    id: 'patchVisitor',
    method: 'patch',
    path: '/api/visitors/me',
    summary: 'The visitor tells their name, email, phone or page context',
    tag: 'widget',
    auth: 'visitor',
    body: s.patchVisitorBody,
    responses: { 200: s.visitorResponse },
    errors: [400, 404],
  }),
  createWorkspace: route({
    id: 'createWorkspace',
    method: 'post',
    path: '/api/admin/workspaces',
    summary: 'Create a workspace with its first admin, a line "General" and a widget',
    tag: 'admin',
    auth: 'admin-token',
    body: s.createWorkspaceBody,
    responses: { 201: s.createWorkspaceResponse },
    errors: [400, 404, 409],
  }),
  listLines: route({
    id: 'listLines',
    method: 'get',
    path: '/api/admin/lines',
    summary: 'Lines of the workspace',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: s.lineListResponse },
  }),
  createLine: route({
    id: 'createLine',
    method: 'post',
    path: '/api/admin/lines',
    summary: 'Add a line',
    tag: 'admin',
    auth: 'admin',
    body: s.createLineBody,
    responses: { 201: s.lineResponse },
    errors: [400],
  }),
  getLine: route({
    id: 'getLine',
    method: 'get',
    path: '/api/admin/lines/:id',
    summary: 'One line with all its settings (defaults filled in)',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: s.lineSettingsResponse },
    errors: [404],
  }),
  updateLine: route({
    id: 'updateLine',
    method: 'patch',
    path: '/api/admin/lines/:id',
    summary: 'Rename a line or replace parts of its settings (routing, workingHours, offHours, autoReplies)',
    tag: 'admin',
    auth: 'admin',
    body: s.updateLineBody,
    responses: { 200: s.lineSettingsResponse },
    errors: [400, 404],
  }),
  listOperators: route({
    id: 'listOperators',
    method: 'get',
    path: '/api/admin/operators',
    summary: 'Operators of the workspace',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: s.operatorListResponse },
  }),
  createOperator: route({
    id: 'createOperator',
    method: 'post',
    path: '/api/admin/operators',
    summary: 'Add an operator',
    tag: 'admin',
    auth: 'admin',
    body: s.createOperatorBody,
    responses: { 201: s.operatorResponse },
    errors: [400, 409],
  }),
  listWidgets: route({
    id: 'listWidgets',
    method: 'get',
    path: '/api/admin/widgets',
    summary: 'Widgets of the workspace',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: s.widgetListResponse },
  }),
  createWidget: route({
    id: 'createWidget',
    method: 'post',
    path: '/api/admin/widgets',
    summary: 'Add a widget on one of the workspace lines',
    tag: 'admin',
    auth: 'admin',
    body: s.createWidgetBody,
    responses: { 201: s.widgetResponse },
    errors: [400, 404, 409],
  }),
  updateWidget: route({
    id: 'updateWidget',
    method: 'patch',
    path: '/api/admin/widgets/:id',
    summary: 'Rename a widget or change its settings (appearance, channels, display rules, language, texts)',
    tag: 'admin',
    auth: 'admin',
    body: s.updateWidgetBody,
    responses: { 200: s.widgetResponse },
    errors: [400, 404],
  }),
  widgetSnippet: route({
    id: 'widgetSnippet',
    method: 'get',
    path: '/api/admin/widgets/:id/snippet',
    summary: 'The script tag to paste into a site, and the public chat link',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: s.widgetSnippetResponse },
    errors: [404],
  }),
  // CRM connections (issue "Leads to CRM", items 5 and 6): entries live in their feature folder.
  ...crmConnectionRoutes,
  ...crmDeliveryRoutes,
  ...identitySecretRoutes,
  // ---------------------------------------------------------------- attachments (issue 5, item 4)
  // `public-cors`: the handlers authenticate themselves, because a visitor (bearer token) and an
  // operator (session cookie + X-CSRF-Token) share these paths; see docs/attachments.md.
  uploadAttachment: route({
    id: 'uploadAttachment',
    method: 'post',
    path: '/api/attachments',
    summary: 'Upload one file (raw body, name in ?name=); visitor token or operator session + CSRF',
    tag: 'conversations',
    auth: 'public-cors',
    query: att.uploadAttachmentQuery,
    responses: { 201: att.attachmentResponse },
    errors: [400, 401, 403, 413, 415],
  }),
  downloadAttachment: route({
    id: 'downloadAttachment',
    method: 'get',
    path: '/api/attachments/:id',
    summary:
      "Download a file: the conversation's visitor (token or signed link) or its workspace's operators",
    tag: 'conversations',
    auth: 'public-cors',
    query: att.signedDownloadQuery,
    responses: { 200: undefined },
    errors: [401, 404],
  }),
  attachmentLink: route({
    id: 'attachmentLink',
    method: 'get',
    path: '/api/attachments/:id/link',
    summary: 'A short-lived signed download link for the visitor (browsers cannot send a token on a link)',
    tag: 'conversations',
    auth: 'visitor',
    responses: { 200: att.attachmentLinkResponse },
    errors: [404],
  }),
  openapi: route({
    id: 'openapi',
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    tag: 'health',
    auth: 'public',
    responses: { 200: undefined },
  }),
  // callback requests (issue 5, item 2): entries and schemas in routes/callbacks-routes.ts
  ...callbackRoutes,
  ...formRoutes,
  ...teamRoutes,
  ...profileRoutes,
} as const

export type RouteId = keyof typeof routes

export const routeTable: readonly RouteSpec[] = Object.values(routes)

/** Path parameters of a route, e.g. `['id']` for `/api/conversations/:id/close`. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!)
}

export function isStateChanging(method: string): boolean {
  return !['get', 'head', 'options'].includes(method.toLowerCase())
}
