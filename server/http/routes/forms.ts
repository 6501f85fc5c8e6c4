/**
 * Handlers of the web-form routes (issue 5 item 3); the entries and schemas are in forms-routes.ts.
 * The public side reveals only an enabled form's definition; a disabled or unknown form is the same
 * 404, so ids cannot be probed for forms that exist but are off.
 */
import { verifyVisitorToken } from '../../auth/index.ts'
import { formTexts, localizeFieldErrors } from '../../forms/localize.ts'
import { submitForm } from '../../forms/submit-form.ts'
import { readLineSettings } from '../../line-settings/index.ts'
import type { StoredForm } from '../../store/form-types.ts'
import { readWidgetSettings } from '../../widgets/settings-schema.ts'
import { widgetOffer } from '../../widgets/widget-offer.ts'
import { clientIp } from '../client-ip.ts'
import type { HttpDeps } from '../deps.ts'
import { HttpError, rateLimited } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { bearerToken } from '../require-admin-token.ts'
import { routes } from '../route-table.ts'

const CACHE_CONTROL = 'public, max-age=60'

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new HttpError(404, 'not_found', `No such ${what}`)
  return value
}

const presentForm = (f: StoredForm) => ({
  id: f.id,
  name: f.name,
  enabled: f.enabled,
  definition: f.definition,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
})

export function mountForms({ mount }: Mounter, deps: HttpDeps): void {
  const { store, clock } = deps

  const enabledForm = async (formId: string) => {
    const form = await store.findForm(formId)
    return found(form?.enabled ? form : undefined, 'form')
  }

  /**
   * Issue 5: a submission made through a widget must be of a form that widget shows (its form
   * channel, pre-chat or off-hours form). Another form is hostile input to a switched-off channel;
   * the same form stays open to anyone through its public link, which names no widget.
   */
  const requireShownBy = async (widgetId: string, form: StoredForm) => {
    const widget = await store.getWidget(form.workspaceId, widgetId)
    const line = widget && (await store.getLine(form.workspaceId, widget.lineId))
    const channels = readWidgetSettings(widget?.settings).channels
    const offer = widgetOffer(channels, readLineSettings(line?.settings).offHours)
    if (!offer.forms.has(form.id)) {
      throw new HttpError(403, 'channel_off', 'This widget does not show this form')
    }
  }

  mount(routes.publicForm, async (c, { params, query }) => {
    const form = await enabledForm(params.formId)
    c.header('Cache-Control', CACHE_CONTROL)
    return c.json({ form: { id: form.id, definition: form.definition }, texts: formTexts(query.locale) })
  })

  mount(routes.submitForm, async (c, { params, body }) => {
    const now = clock.now()
    const decision = await deps.visitorLimiter.hit(`form:${clientIp(c, deps.config.trustProxy)}`, now)
    if (!decision.allowed) throw rateLimited(decision.retryAfterMs)
    // The token is optional (the public link is anonymous), but a token that is sent must be valid.
    const token = bearerToken(c)
    const identity = token === undefined ? undefined : verifyVisitorToken(deps.secret, token)
    if (token !== undefined && !identity) throw new HttpError(401, 'unauthenticated', 'Invalid visitor token')
    const form = await enabledForm(params.formId)
    const visitor = identity?.workspaceId === form.workspaceId ? identity : undefined
    let widgetId = visitor?.widgetId ?? body.widgetId ?? null
    if (!visitor && widgetId !== null) {
      const widget = await store.findWidget(widgetId)
      if (widget?.workspaceId !== form.workspaceId) widgetId = null
    }
    if (widgetId !== null) await requireShownBy(widgetId, form)
    const utm = body.utm && Object.fromEntries(Object.entries(body.utm).filter(([, v]) => v))
    const result = await submitForm(store, {
      form,
      values: body.values,
      visitorId: visitor?.visitorId ?? null,
      widgetId,
      pageUrl: body.pageUrl || null,
      utm: utm && Object.keys(utm).length > 0 ? (utm as Record<string, string>) : null,
      now,
    })
    if (!result.ok) {
      throw new HttpError(400, 'invalid_submission', 'Some fields need attention', {
        fields: localizeFieldErrors(result.fields, body.locale),
      })
    }
    return c.json({ submission: { id: result.submission.id, createdAt: result.submission.createdAt } }, 201)
  })

  mount(routes.listForms, async (c, { auth }) => {
    const forms = await store.listForms(auth.session.workspaceId)
    return c.json({ forms: forms.map(presentForm) })
  })

  mount(routes.createForm, async (c, { auth, body }) => {
    const form = await store.createForm({ workspaceId: auth.session.workspaceId, ...body, now: clock.now() })
    return c.json({ form: presentForm(form) }, 201)
  })

  mount(routes.getForm, async (c, { auth, params }) => {
    const form = found(await store.getForm(auth.session.workspaceId, params.id), 'form')
    return c.json({ form: presentForm(form) })
  })

  mount(routes.replaceForm, async (c, { auth, params, body }) => {
    const form = await store.updateForm(auth.session.workspaceId, params.id, { ...body, now: clock.now() })
    return c.json({ form: presentForm(form) })
  })

  mount(routes.deleteForm, async (c, { auth, params }) => {
    found((await store.deleteForm(auth.session.workspaceId, params.id)) || undefined, 'form')
    return c.body(null, 204)
  })

  for (const route of [routes.listFormSubmissions, routes.listFormsSubmissions]) {
    mount(route, async (c, { auth, query }) => {
      const submissions = await store.listFormSubmissions(auth.session.workspaceId, {
        limit: query.limit,
        ...(query.formId !== undefined && { formId: query.formId }),
        ...(query.before !== undefined && { before: query.before }),
      })
      return c.json({ submissions })
    })
  }

  mount(routes.getFormSubmission, async (c, { auth, params }) => {
    const submission = found(await store.getFormSubmission(auth.session.workspaceId, params.id), 'submission')
    return c.json({ submission })
  })
}
