import { describe, expect, it } from 'vitest'
import { rewritePromise } from './intrinsic-promise.ts'

describe('rewritePromise', () => {
  it('rewrites bare Promise identifiers to the intrinsic one', () => {
    const out = rewritePromise(
      'var d = typeof Promise == "function" ? Promise.prototype.then.bind(Promise.resolve()) : 0',
    )
    expect(out).toContain('const __olPromise = (async () => {})().constructor;')
    expect(out).not.toMatch(/[^_\w]Promise\b/)
  })

  it('leaves properties, keys, strings and longer names alone', () => {
    expect(rewritePromise('x.Promise; ({ Promise: 1 }); "Promise"; PromiseLike; MyPromise')).toBeNull()
  })

  it('works when the page replaced window.Promise', async () => {
    const code = rewritePromise('return Promise.resolve(41).then((n) => n + 1)')!
    const hostile = {
      resolve: () => {
        throw new Error('host Promise')
      },
    }
    const run = new Function('Promise', code) as (p: unknown) => Promise<number>
    expect(await run(hostile)).toBe(42)
  })
})
