import { describe, expect, it } from 'vitest'
import { parseRoute, routeHref } from './route.ts'

describe('console routes', () => {
  it('parses the console URLs', () => {
    expect(parseRoute('/console/')).toEqual({ name: 'inbox' })
    expect(parseRoute('/console')).toEqual({ name: 'inbox' })
    expect(parseRoute('/console/install')).toEqual({ name: 'install' })
    expect(parseRoute('/console/c/abc%20d')).toEqual({ name: 'conversation', id: 'abc d' })
    expect(parseRoute('/console/lines')).toEqual({ name: 'lines' })
    expect(parseRoute('/console/lines/l%201')).toEqual({ name: 'line', id: 'l 1' })
    expect(parseRoute('/console/nope/x')).toEqual({ name: 'not-found' })
    expect(parseRoute('/elsewhere')).toEqual({ name: 'not-found' })
  })

  it('round-trips hrefs', () => {
    for (const route of [
      { name: 'inbox' },
      { name: 'install' },
      { name: 'conversation', id: 'a/b' },
      { name: 'lines' },
      { name: 'line', id: 'x/y' },
      // issue 3 audit: the operator's own profile
      { name: 'profile' },
      { name: 'crm' },
      // issue 6, item 2: the delivery log of one conversation
      { name: 'crm', subjectId: 'conv/1' },
    ] as const) {
      expect(parseRoute(routeHref(route))).toEqual(route)
    }
  })
})
