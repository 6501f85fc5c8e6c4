import { describe, expect, it } from 'vitest'
import { verifyPassword } from '../auth/index.ts'
import { openSqliteStore } from '../store/index.ts'
import { DEMO } from './demo-account.ts'
import { seedDemo } from './seed-demo.ts'

describe('seedDemo', () => {
  it('creates the demo once on an empty installation and reports it on every start', async () => {
    const store = openSqliteStore({ path: ':memory:' })
    try {
      await store.migrate()
      const first = await seedDemo(store, { now: 1 })
      const again = await seedDemo(store, { now: 2 })
      expect(first).toMatchObject({ email: DEMO.email, slug: DEMO.slug, created: true })
      expect(again).toEqual({ ...first, created: false })
      expect(await store.countWorkspaces()).toBe(1)
      const operator = await store.findOperatorByEmail(DEMO.email)
      expect(operator?.role).toBe('admin')
      expect(await verifyPassword(DEMO.password, operator!.passwordHash)).toBe(true)
      expect((await store.findWidgetBySlug(DEMO.slug))?.id).toBe(first?.widgetId)
    } finally {
      await store.close()
    }
  })

  it('seeds only once when several nodes start together, and never on a used installation', async () => {
    const store = openSqliteStore({ path: ':memory:' })
    try {
      await store.migrate()
      const starts = await Promise.all([
        seedDemo(store, { now: 1 }),
        seedDemo(store, { now: 1 }),
        seedDemo(store, { now: 1 }),
      ])
      expect(await store.countWorkspaces()).toBe(1)
      expect(starts.filter((s) => s?.created)).toHaveLength(1)

      const used = openSqliteStore({ path: ':memory:' })
      await used.migrate()
      await used.createWorkspace({ name: 'Real business', now: 1 })
      expect(await seedDemo(used, { now: 2 })).toBeUndefined()
      expect(await used.countWorkspaces()).toBe(1)
      await used.close()
    } finally {
      await store.close()
    }
  })
})
