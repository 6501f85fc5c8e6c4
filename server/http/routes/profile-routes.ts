/**
 * The signed-in operator's own profile (issue 3 audit: the widget shows an operator's name and
 * avatar, but nothing let an operator set them). Spread into `routes` of ../route-table.ts.
 */
import { z } from 'zod'
import type { RouteSpec } from '../route-table.ts'
import { operatorResponse } from '../schemas.ts'

/** Shown in visitors' browsers as an <img>: only http(s), never `javascript:` or `data:`. */
export const avatarUrlSchema = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// address of an image' })
  .max(2048)

/** Only the operator's own record: no id in the body, so no other operator can be named. */
export const updateMeBody = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  avatarUrl: avatarUrlSchema
    .nullable()
    .optional()
    .describe('An image address shown next to your messages in the widget; null removes it'),
})

export const profileRoutes = {
  updateMe: {
    id: 'updateMe',
    method: 'patch',
    path: '/api/me',
    summary: 'Change your own display name and avatar (what visitors see next to your replies)',
    tag: 'auth',
    auth: 'session',
    body: updateMeBody,
    responses: { 200: operatorResponse },
    errors: [400],
  },
} as const satisfies Record<string, RouteSpec>
