import { describe, expect, it } from 'vitest'
import { createEmitter, readTraits } from './events.ts'

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve))

describe('createEmitter', () => {
  it('calls the listeners of an event, each isolated on its own microtask', async () => {
    const emitter = createEmitter()
    const heard: unknown[] = []
    emitter.on('message', (data: unknown) => heard.push(data))
    emitter.on('open', () => heard.push('open'))
    emitter.emit('message', { body: 'hi' })
    expect(heard).toEqual([])
    await tick()
    expect(heard).toEqual([{ body: 'hi' }])
  })

  it('tells late listeners that the widget is ready', async () => {
    const emitter = createEmitter()
    emitter.emit('ready')
    let ready = false
    emitter.on('ready', () => {
      ready = true
    })
    await tick()
    expect(ready).toBe(true)
  })

  it('says what it expected for an unknown event or a missing callback', () => {
    const emitter = createEmitter()
    expect(() => emitter.on('opened', () => {})).toThrow(
      /expects an event \(ready, open, close, message, unread, lead\)/,
    )
    expect(() => emitter.on('open', 'nope')).toThrow(/and a function/)
  })
})

describe('readTraits', () => {
  it('accepts name, email and phone', () => {
    expect(readTraits({ name: 'Ada', email: null })).toEqual({ name: 'Ada', email: null })
  })

  it.each([null, 'Ada', { name: 5 }, { nickname: 'x' }])('rejects %j', (value) => {
    expect(() => readTraits(value)).toThrow(/identify/)
  })
})
