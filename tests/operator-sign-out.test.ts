/**
 * Issue "Open lines": signing out over HTTP closes the operator's open console socket (with 4001
 * "signed out"), so their presence does not linger as online.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO } from '../server/demo/demo-account.ts'
import { CLOSE_CODES } from '../server/protocol/messages.ts'
import { signIn } from './support/http-client.ts'
import { startTestServer, type TestServer } from './support/test-server.ts'
import { openSocket } from './support/ws-client.ts'

describe('sign-out closes the console socket', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.stop()
  })

  it('POST /api/auth/logout ends the socket of that session with 4001', async () => {
    const session = await signIn(server.url, DEMO.email, DEMO.password)
    const socket = await openSocket(session.wsUrl, session.wsHeaders)
    await socket.waitFor('session.ready')
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    )
    const res = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        origin: new URL(server.url).origin,
      },
    })
    expect(res.status).toBe(204)
    expect(await closed).toEqual({ code: CLOSE_CODES.unauthorized, reason: 'signed out' })
  })
})
