import { describe, expect, it } from 'vitest'
import { parseRoute, type Route, routeHref } from './route.ts'

describe('issue 5 console routes', () => {
  it('parses and prints the forms, submissions and widgets pages', () => {
    const cases: [string, Route][] = [
      ['/console/forms', { name: 'forms' }],
      ['/console/forms/f%201', { name: 'form', id: 'f 1' }],
      ['/console/submissions', { name: 'submissions', formId: null }],
      ['/console/submissions/f1', { name: 'submissions', formId: 'f1' }],
      ['/console/widgets', { name: 'widgets' }],
      ['/console/widgets/w1', { name: 'widget', id: 'w1' }],
    ]
    for (const [path, route] of cases) {
      expect(parseRoute(path)).toEqual(route)
      expect(routeHref(route)).toBe(path)
    }
    expect(parseRoute('/console/forms/a/b')).toEqual({ name: 'not-found' })
  })
})
