import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { mountCrmConnections } from '../crm-connections/index.ts'
// issue 6, item 1: identified visitors (identity secret)
import { mountIdentitySecret } from '../identity/index.ts'
import { mountWidgetAdmin } from '../widgets/admin-routes.ts'
import type { AppEnv, HttpDeps } from './deps.ts'
import { errorHandler, HttpError, notFoundHandler } from './errors.ts'
import { createMounter } from './mount.ts'
import { buildOpenApiDocument } from './openapi.ts'
import { routes, routeTable } from './route-table.ts'
import { mountAdmin } from './routes/admin.ts'
import { isAttachmentUpload, mountAttachments } from './routes/attachments.ts'
import { mountAuth } from './routes/auth.ts'
import { mountCallbacks } from './routes/callbacks.ts'
import { mountConversations } from './routes/conversations.ts'
// issue 6: the CRM delivery log
import { mountCrmDeliveries } from './routes/crm-deliveries.ts'
import { mountForms } from './routes/forms.ts'
import { mountHealth } from './routes/health.ts'
import { mountLineSettings } from './routes/line-settings.ts'
import { mountProfile } from './routes/profile.ts'
import { mountQuickAnswers } from './routes/quick-answers.ts'
import { mountTeam } from './routes/team.ts'
import { mountVisitors } from './routes/visitors.ts'
import { mountWidgetPublic } from './routes/widget-public.ts'

/** Well above any valid body (a message is at most 4000 characters), far below a memory problem. */
export const MAX_BODY_BYTES = 64 * 1024

export function createApp(deps: HttpDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.onError(errorHandler(deps))
  app.notFound(notFoundHandler)
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', `The body may be at most ${MAX_BODY_BYTES} bytes`)
    },
  })
  // issue 5, item 4: an attachment upload enforces its own (larger) limit while streaming.
  app.use('/api/*', (c, next) =>
    isAttachmentUpload(c.req.method, c.req.path) ? next() : jsonBodyLimit(c, next),
  )

  const mounter = createMounter(app, deps)
  mountHealth(mounter, deps)
  mountAuth(mounter, deps)
  mountProfile(mounter, deps)
  mountConversations(mounter, deps)
  mountQuickAnswers(mounter, deps)
  mountTeam(mounter, deps)
  mountWidgetPublic(mounter, deps)
  mountVisitors(mounter, deps)
  mountAdmin(mounter, deps)
  mountLineSettings(mounter, deps)
  mountCallbacks(mounter, deps)
  mountWidgetAdmin(mounter, deps)
  mountCrmConnections(mounter, deps)
  mountCrmDeliveries(mounter, deps)
  mountAttachments(mounter, deps)
  mountForms(mounter, deps)
  mountIdentitySecret(mounter, deps)
  const document = buildOpenApiDocument(routeTable, { serverUrl: deps.config.publicUrl })
  mounter.mount(routes.openapi, (c) => c.json(document))

  const missing = routeTable.filter((spec) => !mounter.mounted.has(spec.id)).map((spec) => spec.id)
  if (missing.length > 0) throw new Error(`Routes in the table without a handler: ${missing.join(', ')}`)
  return app
}
