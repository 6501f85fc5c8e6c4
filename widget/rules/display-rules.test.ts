import { describe, expect, it } from 'vitest'
import { displayRulesSchema } from '../../server/widgets/settings-schema.ts'
import {
  compilePattern,
  evaluateDisplayRules,
  isReturningVisitor,
  matchesUrl,
  RETURNING_AFTER_MS,
  type RuleContext,
  utmOf,
} from './display-rules.ts'

const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  url: 'https://shop.example/catalog/shoes?size=42',
  referrer: '',
  utm: {},
  device: 'desktop',
  isReturning: false,
  timeOnPageMs: 0,
  sinceLoadMs: 0,
  lineOpen: true,
  ...over,
})
const rules = (input: object) => displayRulesSchema.parse(input)

describe('matchesUrl', () => {
  it.each([
    ['/catalog/*', 'https://shop.example/catalog/shoes', true],
    ['/catalog/*', 'https://shop.example/cart', false],
    ['/catalog', 'https://shop.example/catalog/shoes', false],
    ['shop.example/*', 'https://shop.example/anything?x=1', true],
    ['*.example/cart', 'https://www.shop.example/cart', true],
    ['https://shop.example/*', 'http://shop.example/a', false],
    ['/CART*', 'https://shop.example/cart#top', true],
    ['/a.b', 'https://shop.example/aXb', false],
    ['/checkout?step=*', 'https://shop.example/checkout?step=2', true],
    ['*google.*', 'https://www.google.com/search?q=x', true],
  ])('%s against %s → %s', (pattern, url, expected) => {
    expect(matchesUrl(pattern, url)).toBe(expected)
  })

  it('compiles without the global flag, so repeated tests agree', () => {
    const re = compilePattern('/a*')
    expect(re.flags).not.toContain('g')
    expect([re.test('/ab'), re.test('/ab')]).toEqual([true, true])
  })
})

describe('evaluateDisplayRules', () => {
  it('shows at once without rules', () => {
    expect(evaluateDisplayRules(undefined, ctx())).toEqual({ show: true, showInMs: 0 })
  })

  it.each<[string, object, Partial<RuleContext>, boolean]>([
    ['no restrictions', {}, {}, true],
    ['included page', { include: ['/catalog/*'] }, {}, true],
    ['page not included', { include: ['/blog/*'] }, {}, false],
    ['excluded page', { exclude: ['/catalog/*'] }, {}, false],
    ['exclude wins over include', { include: ['*'], exclude: ['/catalog/shoes*'] }, {}, false],
    ['phone rule on a desktop', { device: 'phone' }, {}, false],
    ['phone rule on a phone', { device: 'phone' }, { device: 'phone' }, true],
    ['desktop rule on a phone', { device: 'desktop' }, { device: 'phone' }, false],
    ['new visitors only, new', { visitor: 'new' }, {}, true],
    ['new visitors only, returning', { visitor: 'new' }, { isReturning: true }, false],
    ['returning only, returning', { visitor: 'returning' }, { isReturning: true }, true],
    ['returning only, new', { visitor: 'returning' }, {}, false],
    ['hide when closed, open', { hideWhenClosed: true }, {}, true],
    ['hide when closed, closed', { hideWhenClosed: true }, { lineOpen: false }, false],
    ['closed but not hidden', {}, { lineOpen: false }, true],
    ['utm match', { utm: { source: 'news*' } }, { utm: { source: 'Newsletter' } }, true],
    ['utm mismatch', { utm: { source: 'news*' } }, { utm: { source: 'google' } }, false],
    ['utm missing', { utm: { campaign: 'spring' } }, {}, false],
    ['referrer match', { referrer: ['*google.*'] }, { referrer: 'https://www.google.com/' }, true],
    ['referrer mismatch', { referrer: ['*google.*'] }, { referrer: 'https://bing.com/' }, false],
    ['referrer required, none', { referrer: ['*google.*'] }, {}, false],
  ])('%s', (_name, input, over, show) => {
    expect(evaluateDisplayRules(rules(input), ctx(over)).show).toBe(show)
  })

  it.each([
    [{ delaySeconds: 10 }, {}, 10_000],
    [{ delaySeconds: 10 }, { sinceLoadMs: 4000 }, 6000],
    [{ delaySeconds: 10 }, { sinceLoadMs: 12_000 }, 0],
    [{ timeOnPageSeconds: 30 }, { timeOnPageMs: 5000, sinceLoadMs: 60_000 }, 25_000],
    [{ delaySeconds: 5, timeOnPageSeconds: 3 }, {}, 5000],
  ])('waits %j with %j: %i ms', (input, over, wait) => {
    expect(evaluateDisplayRules(rules(input), ctx(over))).toEqual({ show: true, showInMs: wait })
  })

  it('welcomes per page after its delay, never before the launcher shows', () => {
    const r = rules({
      delaySeconds: 8,
      proactive: [
        { page: '/cart', delaySeconds: 1, message: 'Need help with your order?' },
        { page: '/catalog/*', delaySeconds: 5, message: 'Looking for a size?' },
        { page: '*', delaySeconds: 0, message: 'Hi!' },
      ],
    })
    expect(evaluateDisplayRules(r, ctx({ sinceLoadMs: 6000, timeOnPageMs: 2000 }))).toEqual({
      show: true,
      showInMs: 2000,
      proactive: { message: 'Looking for a size?', inMs: 3000 },
    })
    expect(evaluateDisplayRules(r, ctx({ url: 'https://shop.example/cart' })).proactive).toEqual({
      message: 'Need help with your order?',
      inMs: 8000,
    })
    expect(evaluateDisplayRules(r, ctx({ url: 'https://shop.example/' })).proactive?.message).toBe('Hi!')
  })

  it('no welcome where the widget is hidden', () => {
    const r = rules({ exclude: ['/cart'], proactive: [{ page: '*', message: 'Hi' }] })
    expect(evaluateDisplayRules(r, ctx({ url: 'https://shop.example/cart' }))).toEqual({
      show: false,
      showInMs: 0,
    })
  })
})

describe('isReturningVisitor and utmOf', () => {
  it('a visitor is returning once the first visit is 30 minutes old', () => {
    expect(isReturningVisitor(null, 1e12)).toBe(false)
    expect(isReturningVisitor(1e12, 1e12 + RETURNING_AFTER_MS - 1)).toBe(false)
    expect(isReturningVisitor(1e12, 1e12 + RETURNING_AFTER_MS)).toBe(true)
  })

  it('reads utm tags from the address', () => {
    expect(utmOf('https://a.example/?utm_source=mail&utm_campaign=spring&x=1')).toEqual({
      source: 'mail',
      campaign: 'spring',
    })
    expect(utmOf('not a url')).toEqual({})
  })
})
