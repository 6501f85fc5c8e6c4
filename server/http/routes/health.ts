import type { HttpDeps } from '../deps.ts'
import type { Mounter } from '../mount.ts'
import { routes } from '../route-table.ts'

export function mountHealth({ mount }: Mounter, deps: HttpDeps): void {
  mount(routes.health, (c) => c.json({ status: 'ok' as const }))

  mount(routes.ready, async (c) => {
    const failed = await firstFailure([
      ['store', () => deps.store.ping()],
      ['bus', () => deps.bus.ping()],
    ])
    if (failed) return c.json({ status: 'unavailable' as const, reason: failed }, 503)
    return c.json({ status: 'ready' as const })
  })
}

/** The failing dependency and why, as the 503 reason (the load balancer's log shows it). */
async function firstFailure(checks: [string, () => Promise<void>][]): Promise<string | undefined> {
  const results = await Promise.allSettled(checks.map(([, check]) => check()))
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected') {
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason)
      return `${checks[index]![0]}: ${reason}`
    }
  }
  return undefined
}
