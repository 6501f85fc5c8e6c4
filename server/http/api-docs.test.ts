/**
 * docs/api.md's route table against the server's route table (issue 2 audit: about 23 routes were
 * missing from the docs). Every route the server mounts has a row with its method, path and
 * authentication, and no row names a route that does not exist — so a new route fails here until
 * it is documented.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { routeTable } from './route-table.ts'

const API_MD = new URL('../../docs/api.md', import.meta.url)

interface DocRow {
  method: string
  path: string
  auth: string
}

/** The rows of the "## Routes" table: `| METHOD | \`path\` | auth | what |`. */
function documentedRoutes(markdown: string): DocRow[] {
  const start = markdown.indexOf('\n## Routes\n')
  if (start < 0) throw new Error('docs/api.md has no "## Routes" section')
  const next = markdown.indexOf('\n## ', start + 1)
  const section = markdown.slice(start, next < 0 ? undefined : next)
  return [...section.matchAll(/^\| *([A-Z]+) *\| *`([^`]+)` *\| *([a-z-]+) *\|/gm)].map((m) => ({
    method: m[1]!,
    path: m[2]!,
    auth: m[3]!,
  }))
}

const key = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`

describe('docs/api.md', () => {
  const rows = documentedRoutes(readFileSync(API_MD, 'utf8'))

  it('reads the route table (the parser itself is not the thing that passes)', () => {
    expect(rows.length).toBeGreaterThan(20)
    expect(
      documentedRoutes(
        '# x\n\n## Routes\n\n| GET | `/a/:id` | session | A |\n\n## Next\n| GET | `/b` | public | B |',
      ),
    ).toEqual([{ method: 'GET', path: '/a/:id', auth: 'session' }])
  })

  it('lists every route of the server, with its authentication', () => {
    const documented = new Map(rows.map((r) => [key(r), r.auth]))
    const missing = routeTable.filter((r) => !documented.has(key(r))).map(key)
    expect(missing, 'routes missing from docs/api.md').toEqual([])
    const wrongAuth = routeTable
      .filter((r) => documented.get(key(r)) !== r.auth)
      .map((r) => `${key(r)}: docs say ${documented.get(key(r))}, the server ${r.auth}`)
    expect(wrongAuth).toEqual([])
  })

  it('lists no route the server does not have, and none twice', () => {
    const served = new Set(routeTable.map(key))
    expect(
      rows.map(key).filter((k) => !served.has(k)),
      'rows of docs/api.md without a route',
    ).toEqual([])
    const seen = rows.map(key)
    expect(seen.filter((k, i) => seen.indexOf(k) !== i)).toEqual([])
  })
})
