import { describe, expect, it } from 'vitest'
import { createSocketSession, OFFLINE_CLOSE } from './socket-session.ts'
import { fakeClock, fakeNetwork, fakeSockets } from './test-doubles.ts'

function setup(opts: { url?: string | null; online?: boolean } = {}) {
  const clock = fakeClock()
  const sockets = fakeSockets()
  const network = fakeNetwork(opts.online ?? true)
  const events: string[] = []
  let url: string | null = opts.url === undefined ? 'wss://x/ws' : opts.url
  const session = createSocketSession(
    { WebSocket: sockets.WebSocket, timers: clock, network, random: () => 0.999999 },
    {
      url: () => url,
      onOpen: () => events.push('open'),
      onMessage: (data) => events.push(`message ${String(data)}`),
      onClose: (code, opened) => events.push(`close ${code} ${opened}`),
    },
  )
  return { clock, sockets, network, events, session, setUrl: (u: string) => (url = u) }
}

describe('createSocketSession', () => {
  it('reconnects with capped exponential backoff until the server answers', () => {
    const { clock, sockets, session, events } = setup()
    session.start()
    const delays: number[] = []
    for (let i = 0; i < 8; i++) {
      sockets.last().serverClose(1006)
      delays.push(clock.pending()[0]!)
      clock.advance(delays.at(-1)!)
    }
    expect(delays).toEqual([249, 499, 999, 1999, 3999, 7999, 9999, 9999])
    expect(sockets.all).toHaveLength(9)
    expect(events.at(-1)).toBe('close 1006 false')
  })

  it('starts the backoff over after resetBackoff (the server said hello)', () => {
    const { clock, sockets, session } = setup()
    session.start()
    sockets.last().serverClose(1006)
    clock.advance(249)
    sockets.last().serverClose(1006)
    expect(clock.pending()).toEqual([499])
    clock.advance(499)
    sockets.last().open()
    session.resetBackoff()
    sockets.last().serverClose(1001)
    expect(clock.pending()).toEqual([249])
  })

  it('sends only on an open socket', () => {
    const { sockets, session } = setup()
    session.start()
    expect(session.send('{"a":1}')).toBe(false)
    sockets.last().open()
    expect(session.send('{"a":1}')).toBe(true)
    expect(sockets.last().sent).toEqual([{ a: 1 }])
  })

  it('waits for the online event instead of retrying while offline', () => {
    const { clock, sockets, network, session, events } = setup()
    session.start()
    sockets.last().open()
    network.set(false)
    expect(events).toEqual(['open', `close ${OFFLINE_CLOSE} true`])
    expect(sockets.last().closedWith).toBeUndefined()
    clock.advance(60_000)
    expect(sockets.all).toHaveLength(1)
    network.set(true)
    expect(sockets.all).toHaveLength(2)
  })

  it('does not connect without a url until kicked', () => {
    const { sockets, session, setUrl } = setup({ url: null })
    session.start()
    expect(sockets.all).toHaveLength(0)
    setUrl('wss://x/ws?token=t')
    session.kick()
    session.kick()
    expect(sockets.all.map((s) => s.url)).toEqual(['wss://x/ws?token=t'])
  })

  it('stops for good', () => {
    const { clock, sockets, network, session } = setup()
    session.start()
    sockets.last().open()
    session.stop()
    expect(sockets.last().closedWith).toBe(1000)
    sockets.last().serverClose(1000)
    network.set(true)
    clock.advance(60_000)
    expect(sockets.all).toHaveLength(1)
  })
})
