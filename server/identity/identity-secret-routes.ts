/**
 * Route-table entries of the widget identity secret (issue 6 item 1 and item 6: secrets never
 * leave the server once saved). Spread into `routes` in server/http/route-table.ts.
 */
import { z } from 'zod'
import type { RouteSpec } from '../http/route-table.ts'

function route<const S extends RouteSpec>(spec: S): S {
  return spec
}

/** Long enough that it cannot be guessed; `openssl rand -hex 32` gives 64 characters. */
export const IDENTITY_SECRET_MIN_LENGTH = 32

export const setIdentitySecretBody = z.object({
  secret: z
    .string()
    .trim()
    .min(IDENTITY_SECRET_MIN_LENGTH, `at least ${IDENTITY_SECRET_MIN_LENGTH} characters`)
    .max(256)
    .nullable()
    .describe('The HMAC-SHA256 key for `userHash`; null switches identity verification off'),
})

export const identitySecretResponse = z.object({
  identitySecret: z
    .string()
    .nullable()
    .describe('Masked (••••1234): the secret itself is never shown again; null = not set'),
})

export const identitySecretRoutes = {
  getWidgetIdentitySecret: route({
    id: 'getWidgetIdentitySecret',
    method: 'get',
    path: '/api/admin/widgets/:id/identity-secret',
    summary: 'Whether identity verification is on for a widget (the secret masked)',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: identitySecretResponse },
    errors: [404],
  }),
  setWidgetIdentitySecret: route({
    id: 'setWidgetIdentitySecret',
    method: 'put',
    path: '/api/admin/widgets/:id/identity-secret',
    summary: 'Set or remove the identity secret that verifies `Openline(identify, { id, userHash })`',
    tag: 'admin',
    auth: 'admin',
    body: setIdentitySecretBody,
    responses: { 200: identitySecretResponse },
    errors: [400, 404],
  }),
}
