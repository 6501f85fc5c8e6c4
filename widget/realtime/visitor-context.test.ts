import { describe, expect, it } from 'vitest'
import { deviceClass, visitorContext } from './visitor-context.ts'

describe('visitorContext', () => {
  it('reports page, referrer, language, time zone and device class, without the URL fragment', () => {
    expect(
      visitorContext({
        href: 'https://shop.example/cart?x=1#access_token=secret',
        referrer: 'https://search.example/',
        language: 'de-AT',
        timeZone: 'Europe/Vienna',
        viewportWidth: 390,
        userAgent: 'UA',
      }),
    ).toEqual({
      page: 'https://shop.example/cart?x=1',
      referrer: 'https://search.example/',
      language: 'de-AT',
      timeZone: 'Europe/Vienna',
      device: 'phone',
      userAgent: 'UA',
    })
  })

  it('leaves out what is unknown and cuts what is too long for the server', () => {
    const context = visitorContext({
      href: `https://e.com/${'a'.repeat(5000)}`,
      referrer: '',
      language: '',
      timeZone: undefined,
      viewportWidth: 1440,
      userAgent: 'u'.repeat(900),
    })
    expect(context.page).toHaveLength(2048)
    expect(context.userAgent).toHaveLength(512)
    expect(context).not.toHaveProperty('referrer')
    expect(context).not.toHaveProperty('timeZone')
  })

  it('classes devices by viewport width', () => {
    expect([320, 599, 600, 1024, 1025].map(deviceClass)).toEqual([
      'phone',
      'phone',
      'tablet',
      'tablet',
      'desktop',
    ])
  })
})
