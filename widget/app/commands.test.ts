import { describe, expect, it } from 'vitest'
import { readChannel, readLocale, readPageUrl, readPrefill } from './commands.ts'

describe("Openline('show', channel)", () => {
  it('accepts an offered channel', () => {
    expect(readChannel('form', ['chat', 'form'])).toBe('form')
  })
  it.each([
    ['foo', "Openline('show', channel): channel must be 'chat', 'callback' or 'form', got 'foo'"],
    [undefined, "Openline('show', channel): channel must be 'chat', 'callback' or 'form', got undefined"],
    [3, "Openline('show', channel): channel must be 'chat', 'callback' or 'form', got number"],
    [
      'callback',
      "Openline('show', 'callback'): this widget does not offer callback; it offers 'chat', 'form'",
    ],
  ])('refuses %j', (value, message) => {
    expect(() => readChannel(value, ['chat', 'form'])).toThrow(message)
  })
})

describe("Openline('prefill', values)", () => {
  it('copies an object of strings', () => {
    const input = { name: 'Ada', phone: '+48 600 000 000', company: 'ACME' }
    const out = readPrefill(input)
    expect(out).toEqual(input)
    expect(out).not.toBe(input)
  })
  it.each([
    [null, /values must be an object such as \{ name: 'Ada' \}, got null/],
    ['Ada', /got 'Ada'/],
    [['Ada'], /values must be an object/],
    [{ age: 42 }, /age must be a string of at most 2000 characters, got number/],
    [{ note: 'x'.repeat(2001) }, /note must be a string/],
  ])('refuses %j', (value, message) => {
    expect(() => readPrefill(value)).toThrow(message)
  })
})

describe("Openline('setLocale', code)", () => {
  it.each(['en', 'ru', 'pl'])('accepts %s', (code) => expect(readLocale(code)).toBe(code))
  it.each([
    ['de', "Openline('setLocale', code): code must be 'en', 'ru' or 'pl', got 'de'"],
    ['ru-RU', "got 'ru-RU'"],
    [null, 'got null'],
  ])('refuses %j', (value, message) => {
    expect(() => readLocale(value)).toThrow(message)
  })
})

describe("Openline('page', url)", () => {
  it('resolves relative addresses against the page', () => {
    expect(readPageUrl('/cart?x=1', 'https://shop.example/catalog')).toBe('https://shop.example/cart?x=1')
    expect(readPageUrl('https://other.example/', 'https://shop.example/')).toBe('https://other.example/')
  })
  it.each([undefined, 5, { href: '/x' }])('refuses %j', (value) => {
    expect(() => readPageUrl(value, 'https://shop.example/')).toThrow(
      "Openline('page', url): url must be the new page address as a string, got",
    )
  })
})
