/** Small helpers for talking to a running Openline over real HTTP, as a browser would. */

export interface VisitorSession {
  widgetId: string
  visitorId: string
  token: string
  wsUrl: string
}

/** Starts an anonymous visitor on the widget behind a public chat slug. */
export async function startVisitor(baseUrl: string, slug: string): Promise<VisitorSession> {
  const config = (await json(await fetch(`${baseUrl}/api/public/chat/${slug}`))) as { widgetId: string }
  const created = (await json(
    await fetch(`${baseUrl}/api/visitors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ widgetId: config.widgetId }),
    }),
  )) as { visitorId: string; token: string }
  return {
    widgetId: config.widgetId,
    visitorId: created.visitorId,
    token: created.token,
    wsUrl: `${baseUrl.replace(/^http/, 'ws')}/ws?role=visitor&token=${encodeURIComponent(created.token)}`,
  }
}

export interface OperatorSession {
  cookie: string
  csrfToken: string
  operatorId: string
  wsUrl: string
  /** Headers a same-origin browser would send on the operator socket. */
  wsHeaders: Record<string, string>
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<OperatorSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(baseUrl).origin },
    body: JSON.stringify({ email, password }),
  })
  const body = (await json(res)) as { csrfToken: string; operator: { id: string } }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return {
    cookie,
    csrfToken: body.csrfToken,
    operatorId: body.operator.id,
    wsUrl: `${baseUrl.replace(/^http/, 'ws')}/ws?role=operator`,
    wsHeaders: { cookie, origin: new URL(baseUrl).origin },
  }
}

async function json(res: Response): Promise<unknown> {
  const text = await res.text()
  if (!res.ok) throw new Error(`${res.status} ${res.url}: ${text}`)
  return JSON.parse(text)
}
