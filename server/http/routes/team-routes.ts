/**
 * The colleague list for the console's transfer and invite dialogs (issue "Open lines", item 6):
 * any signed-in operator may read the names of their workspace's operators and lines — the admin
 * lists carry more (emails, roles, settings) and stay admin-only.
 */
import { z } from 'zod'
import type { RouteSpec } from '../route-table.ts'

export const teamResponse = z.object({
  operators: z.array(z.object({ id: z.string(), name: z.string(), avatarUrl: z.string().nullable() })),
  lines: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type TeamResponse = z.infer<typeof teamResponse>

export const teamRoutes = {
  getTeam: {
    id: 'getTeam',
    method: 'get',
    path: '/api/team',
    summary: "Names of the workspace's operators and lines (transfer and invite dialogs)",
    tag: 'conversations',
    auth: 'session',
    responses: { 200: teamResponse },
  },
} as const satisfies Record<string, RouteSpec>
