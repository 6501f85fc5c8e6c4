/**
 * The CRM connections admin API (issue "Leads to CRM", items 5 and 6). The workspace comes from
 * the admin's session; every answer goes through `presentCrmConnection`, which masks secrets.
 */
import { type CrmDeps, createCrmAdapter } from '../crm/crm-connection.ts'
import { isCrmError, redact } from '../crm/crm-error.ts'
import { generateWebhookSecret } from '../crm/webhook/index.ts'
import type { HttpDeps } from '../http/deps.ts'
import { HttpError } from '../http/errors.ts'
import type { Mounter } from '../http/mount.ts'
import { routes } from '../http/route-table.ts'
import type { LeadRules } from '../leads/lead-rules-schema.ts'
import { createLogger, type Log } from '../log/index.ts'
import { type CrmConnectionInput, type InputIssue, resolveConnectionInput } from './connection-input.ts'
import { connectionSecrets } from './masking.ts'
import { presentCrmConnection } from './present.ts'

export interface CrmConnectionApiOptions {
  /** Outcomes of connection tests; messages are redacted before they get here. */
  log?: Log
  /** HTTP client, clock and timeout of the adapters a test builds. */
  crm?: CrmDeps
  newWebhookSecret?: () => string
}

const invalid = (issues: InputIssue[]) =>
  new HttpError(400, 'invalid_body', issues[0]?.message ?? 'The connection settings are not valid', {
    issues,
  })

export function mountCrmConnections(
  { mount }: Mounter,
  deps: HttpDeps,
  options: CrmConnectionApiOptions = {},
): void {
  const { store, clock } = deps
  const log = options.log ?? createLogger('warn')
  const newWebhookSecret = options.newWebhookSecret ?? (() => generateWebhookSecret())
  const notFound = () => new HttpError(404, 'not_found', 'No such CRM connection')

  async function checkUserMap(
    workspaceId: string,
    userMap: Record<string, string> | undefined,
  ): Promise<void> {
    if (!userMap || Object.keys(userMap).length === 0) return
    const operators = new Set((await store.listOperators(workspaceId)).map((o) => o.id))
    const issues = Object.keys(userMap)
      .filter((id) => !operators.has(id))
      .map((id) => ({ path: ['userMap', id], message: 'Not an operator of this workspace' }))
    if (issues.length > 0) throw invalid(issues)
  }

  /** Issue 6, item 1: the lines and widgets a rule names must be this workspace's. */
  async function checkLeadRules(workspaceId: string, rules: LeadRules | undefined): Promise<void> {
    if (!rules || (rules.lineIds.length === 0 && rules.widgetIds.length === 0)) return
    const [lines, widgets] = await Promise.all([store.listLines(workspaceId), store.listWidgets(workspaceId)])
    const known = (list: { id: string }[]) => new Set(list.map((item) => item.id))
    const lineIds = known(lines)
    const widgetIds = known(widgets)
    const issues = [
      ...rules.lineIds
        .map((id, index) => ({ id, index }))
        .filter(({ id }) => !lineIds.has(id))
        .map(({ index }) => ({
          path: ['leadRules', 'lineIds', index],
          message: 'Not a line of this workspace',
        })),
      ...rules.widgetIds
        .map((id, index) => ({ id, index }))
        .filter(({ id }) => !widgetIds.has(id))
        .map(({ index }) => ({
          path: ['leadRules', 'widgetIds', index],
          message: 'Not a widget of this workspace',
        })),
    ]
    if (issues.length > 0) throw invalid(issues)
  }

  const resolve = (input: CrmConnectionInput, stored: Parameters<typeof resolveConnectionInput>[1]) => {
    const result = resolveConnectionInput(input, stored, { now: clock.now(), newWebhookSecret })
    if (!result.ok) throw invalid(result.issues)
    return result.connection
  }

  mount(routes.listCrmConnections, async (c, { auth }) => {
    const connections = await store.listCrmConnections(auth.session.workspaceId)
    return c.json({ connections: connections.map(presentCrmConnection) })
  })

  mount(routes.getCrmConnection, async (c, { auth, params }) => {
    const stored = await store.getCrmConnection(auth.session.workspaceId, params.id)
    if (!stored) throw notFound()
    return c.json({ connection: presentCrmConnection(stored) })
  })

  mount(routes.createCrmConnection, async (c, { auth, body }) => {
    const workspaceId = auth.session.workspaceId
    await checkUserMap(workspaceId, body.userMap)
    await checkLeadRules(workspaceId, body.leadRules)
    const created = await store.createCrmConnection({
      workspaceId,
      name: body.name,
      connection: resolve(body.settings, undefined),
      ...(body.enabled !== undefined && { enabled: body.enabled }),
      ...(body.fieldMap && { fieldMap: body.fieldMap }),
      ...(body.userMap && { userMap: body.userMap }),
      ...(body.leadRules && { leadRules: body.leadRules }),
      now: clock.now(),
    })
    return c.json({ connection: presentCrmConnection(created) }, 201)
  })

  mount(routes.updateCrmConnection, async (c, { auth, params, body }) => {
    const workspaceId = auth.session.workspaceId
    const stored = await store.getCrmConnection(workspaceId, params.id)
    if (!stored) throw notFound()
    await checkUserMap(workspaceId, body.userMap)
    await checkLeadRules(workspaceId, body.leadRules)
    const updated = await store.updateCrmConnection(workspaceId, stored.id, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.enabled !== undefined && { enabled: body.enabled }),
      ...(body.settings && { connection: resolve(body.settings, stored.connection) }),
      ...(body.fieldMap && { fieldMap: body.fieldMap }),
      ...(body.userMap && { userMap: body.userMap }),
      ...(body.leadRules && { leadRules: body.leadRules }),
      now: clock.now(),
    })
    return c.json({ connection: presentCrmConnection(updated) })
  })

  mount(routes.deleteCrmConnection, async (c, { auth, params }) => {
    const deleted = await store.deleteCrmConnection(auth.session.workspaceId, params.id)
    if (!deleted) throw notFound()
    return c.body(null, 204)
  })

  mount(routes.testCrmConnection, async (c, { auth, params }) => {
    const stored = await store.getCrmConnection(auth.session.workspaceId, params.id)
    if (!stored) throw notFound()
    const secrets = connectionSecrets(stored.connection)
    const fields = { workspaceId: stored.workspaceId, connectionId: stored.id, kind: stored.connection.kind }
    try {
      await createCrmAdapter(stored.connection, {
        timeoutMs: 10_000,
        now: () => clock.now(),
        ...options.crm,
      }).test()
      log('info', 'crm connection test passed', fields)
      return c.json({ ok: true })
    } catch (error) {
      // A CrmError's message is built for the admin and redacted by the adapter; anything else may
      // quote the request (addresses with tokens). Both are redacted again with every secret here.
      const answer = isCrmError(error)
        ? { code: error.code, message: redact(error.message, secrets) }
        : { code: 'unexpected', message: 'The test failed unexpectedly; see the server log' }
      const detail = redact(isCrmError(error) ? error.message : String(error), secrets)
      log('warn', 'crm connection test failed', { ...fields, code: answer.code, detail })
      return c.json({ ok: false, error: answer })
    }
  })
}
