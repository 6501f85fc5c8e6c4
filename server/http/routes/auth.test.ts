import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createHarness,
  fromIp,
  type Harness,
  json,
  PASSWORD,
  PUBLIC_URL,
  seedWorkspace,
  signIn,
} from '../test-harness.ts'

let h: Harness
const email = 'admin-a@example.test'

beforeEach(async () => {
  h = await createHarness({ loginLimit: 3 })
  await seedWorkspace(h, 'a')
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

describe('POST /api/auth/login', () => {
  it('signs in: session cookie HttpOnly, SameSite=Lax, Secure, 30 days; operator without hash', async () => {
    const res = await h.app.request(
      '/api/auth/login',
      json({ email: 'Admin-A@Example.test ', password: PASSWORD }),
    )
    expect(res.status).toBe(200)
    const cookie = res.headers.get('Set-Cookie') ?? ''
    expect(cookie).toMatch(/^ol_session=[A-Za-z0-9_-]{40,};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('Path=/')
    expect(cookie).toContain(`Max-Age=${30 * 24 * 3600}`)
    const body = await res.json()
    expect(body.operator).toMatchObject({ email, role: 'admin', name: 'Admin a' })
    expect(body.workspace.name).toBe('Workspace a')
    expect(typeof body.csrfToken).toBe('string')
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|scrypt/)
  })

  it('omits Secure when cookies are not configured secure', async () => {
    const plain = await createHarness({ config: { cookieSecure: false } })
    try {
      await seedWorkspace(plain, 'p')
      const res = await plain.app.request(
        '/api/auth/login',
        json({ email: 'admin-p@example.test', password: PASSWORD }),
      )
      expect(res.status).toBe(200)
      expect(res.headers.get('Set-Cookie')).not.toContain('Secure')
    } finally {
      await plain.close()
    }
  })

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await h.app.request('/api/auth/login', json({ email, password: 'not the password' }))
    const unknown = await h.app.request(
      '/api/auth/login',
      json({ email: 'nobody@example.test', password: PASSWORD }),
    )
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const [a, b] = [await wrong.json(), await unknown.json()]
    expect(a).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } })
    expect(b).toEqual(a)
    expect(wrong.headers.get('Set-Cookie')).toBeNull()
  })

  it('rate limits per IP and email with 429 and Retry-After, then lets the window pass', async () => {
    const attempt = (ip: string, address = email) =>
      h.app.request('/api/auth/login', json({ email: address, password: 'wrong-password' }), fromIp(ip))
    for (let i = 0; i < 3; i++) expect((await attempt('10.0.0.1')).status).toBe(401)
    const limited = await attempt('10.0.0.1')
    expect(limited.status).toBe(429)
    expect((await limited.json()).error.code).toBe('rate_limited')
    expect(Number(limited.headers.get('Retry-After'))).toBe(15 * 60)
    // Even the right password is refused while limited.
    const right = await h.app.request(
      '/api/auth/login',
      json({ email, password: PASSWORD }),
      fromIp('10.0.0.1'),
    )
    expect(right.status).toBe(429)
    // Another IP, or another email from the same IP, has its own budget.
    expect((await attempt('10.0.0.2')).status).toBe(401)
    expect((await attempt('10.0.0.1', 'other@example.test')).status).toBe(401)
    // X-Forwarded-For is not trusted to pick the bucket.
    const spoofed = await h.app.request(
      '/api/auth/login',
      json({ email, password: 'wrong' }, { 'X-Forwarded-For': '192.0.2.9' }),
      fromIp('10.0.0.1'),
    )
    expect(spoofed.status).toBe(429)
    h.clock.advance(15 * 60_000)
    expect((await attempt('10.0.0.1')).status).toBe(401)
  })

  it('limits a spray from many addresses per account, for 5 minutes at most', async () => {
    // Each address stays far below its own limit (3); the account allows 10 in 5 minutes.
    const attempt = (ip: string, address = email, password = 'wrong-password') =>
      h.app.request('/api/auth/login', json({ email: address, password }), fromIp(ip))
    for (let i = 0; i < 10; i++) expect((await attempt(`203.0.113.${i}`)).status).toBe(401)
    const limited = await attempt('203.0.113.200')
    expect(limited.status).toBe(429)
    expect((await limited.json()).error.code).toBe('rate_limited')
    expect(Number(limited.headers.get('Retry-After'))).toBe(5 * 60)
    // The account is refused from everywhere, even with the right password…
    expect((await attempt('198.51.100.1', email, PASSWORD)).status).toBe(429)
    // …an unknown e-mail is limited alike (a 429 does not tell which e-mails exist)…
    for (let i = 0; i < 10; i++)
      expect((await attempt(`203.0.113.${i}`, 'nobody@example.test')).status).toBe(401)
    expect((await attempt('203.0.113.201', 'nobody@example.test')).status).toBe(429)
    // …and refused attempts do not lengthen the lockout: it ends 5 minutes after the counted ones.
    for (let minute = 1; minute < 5; minute++) {
      h.clock.advance(60_000)
      expect((await attempt(`192.0.2.${minute}`)).status).toBe(429)
    }
    h.clock.advance(60_000)
    expect((await attempt('198.51.100.1', email, PASSWORD)).status).toBe(200)
  })

  it('a successful sign-in clears the account count', async () => {
    const attempt = (ip: string, password = 'wrong-password') =>
      h.app.request('/api/auth/login', json({ email, password }), fromIp(ip))
    for (let i = 0; i < 9; i++) expect((await attempt(`203.0.113.${i}`)).status).toBe(401)
    expect((await attempt('198.51.100.1', PASSWORD)).status).toBe(200)
    for (let i = 0; i < 9; i++) expect((await attempt(`203.0.113.${i + 100}`)).status).toBe(401)
    expect((await attempt('198.51.100.1', PASSWORD)).status).toBe(200)
  })

  it('behind a trusted proxy (TRUST_PROXY=1) keys the limit on the X-Forwarded-For client', async () => {
    const proxied = await createHarness({ loginLimit: 3, config: { trustProxy: 1 } })
    try {
      await seedWorkspace(proxied, 'p')
      const LB = '10.0.0.5'
      const attempt = (forwardedFor: string) =>
        proxied.app.request(
          '/api/auth/login',
          json({ email: 'admin-p@example.test', password: 'wrong' }, { 'X-Forwarded-For': forwardedFor }),
          fromIp(LB),
        )
      for (let i = 0; i < 3; i++) expect((await attempt('198.51.100.4')).status).toBe(401)
      expect((await attempt('198.51.100.4')).status).toBe(429)
      // A spoofed entry to the left of the proxy's own does not buy a new budget…
      expect((await attempt('192.0.2.99, 198.51.100.4')).status).toBe(429)
      // …while another client behind the same load balancer has its own.
      expect((await attempt('198.51.100.5')).status).toBe(401)
    } finally {
      await proxied.close()
    }
  })

  it('rejects a cross-site Origin with 403 csrf and accepts its own origin', async () => {
    const cross = await h.app.request(
      '/api/auth/login',
      json({ email, password: PASSWORD }, { Origin: 'https://evil.example' }),
    )
    expect(cross.status).toBe(403)
    expect((await cross.json()).error.code).toBe('csrf')
    const same = await h.app.request(
      '/api/auth/login',
      json({ email, password: PASSWORD }, { Origin: PUBLIC_URL }),
    )
    expect(same.status).toBe(200)
  })
})

describe('session', () => {
  it('GET /api/auth/me returns the operator, workspace and CSRF token; 401 without a cookie', async () => {
    const { cookie, csrfToken } = await signIn(h, email)
    const res = await h.app.request('/api/auth/me', { headers: { Cookie: cookie } })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ operator: { email }, workspace: { name: 'Workspace a' }, csrfToken })
    expect(body.operator.passwordHash).toBeUndefined()

    const anonymous = await h.app.request('/api/auth/me')
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).error.code).toBe('unauthenticated')
    const forged = await h.app.request('/api/auth/me', { headers: { Cookie: 'ol_session=forged' } })
    expect(forged.status).toBe(401)
  })

  it('expires after 30 days', async () => {
    const { cookie } = await signIn(h, email)
    h.clock.advance(30 * 24 * 3600_000 + 1)
    expect((await h.app.request('/api/auth/me', { headers: { Cookie: cookie } })).status).toBe(401)
  })

  it('logout needs the CSRF token, deletes the session and clears the cookie', async () => {
    const { cookie, headers } = await signIn(h, email)
    const forged = await h.app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie } })
    expect(forged.status).toBe(403)
    expect((await h.app.request('/api/auth/me', { headers: { Cookie: cookie } })).status).toBe(200)

    const res = await h.app.request('/api/auth/logout', { method: 'POST', headers })
    expect(res.status).toBe(204)
    expect(res.headers.get('Set-Cookie')).toMatch(/^ol_session=; Max-Age=0;/)
    expect((await h.app.request('/api/auth/me', { headers: { Cookie: cookie } })).status).toBe(401)
  })

  it('logout without a session is a no-op 204', async () => {
    expect((await h.app.request('/api/auth/logout', { method: 'POST' })).status).toBe(204)
  })
})
