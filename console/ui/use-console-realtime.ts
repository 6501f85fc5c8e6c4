import { useEffect, useMemo, useRef } from 'preact/hooks'
import type { ServerFrame } from '../../server/protocol/messages.ts'
import { ENGLISH } from '../i18n/english.ts'
import { createRealtimeConnection, type RealtimeConnection } from '../realtime/index.ts'
import type { ConsoleAction, ConsoleState } from '../state/index.ts'
import type { ConsoleDeps } from './deps.ts'
import { errorText } from './error-text.ts'
import { afterFrame, type FrameEffectsContext } from './realtime-effects.ts'

export interface RealtimeHooks extends Omit<FrameEffectsContext, 'send' | 'newId' | 'syncing' | 'sessions'> {
  /** The session is gone (4001, or refused upgrades while /api/auth/me says 401). */
  signedOut(): void
  onSessionReady(): void
  /** Issue 5, item 2: every frame, for pages outside the inbox state (the callbacks queue). */
  onAnyFrame?(frame: ServerFrame): void
}

/** Owns the operator socket for the lifetime of the signed-in console. */
export function useConsoleRealtime(
  deps: ConsoleDeps,
  dispatch: (action: ConsoleAction) => void,
  getState: () => ConsoleState,
  hooks: RealtimeHooks,
): RealtimeConnection {
  // Latest callbacks without restarting the socket on every render.
  const hooksRef = useRef(hooks)
  hooksRef.current = hooks
  const sessions = useRef(0)
  const syncing = useRef(new Map<string, string>())

  const connection = useMemo(() => {
    const conn: RealtimeConnection = createRealtimeConnection({
      url: () => deps.wsUrl,
      openSocket: deps.openSocket,
      timers: deps.timers,
      random: deps.random,
      onFrame(frame: ServerFrame) {
        const before = getState()
        dispatch({ type: 'frame', frame, now: deps.clock.now() })
        const h = hooksRef.current
        h.onAnyFrame?.(frame)
        afterFrame(frame, before, getState(), {
          ...h,
          send: (f) => conn.send(f),
          newId: deps.newId,
          syncing: syncing.current,
          sessions: sessions.current,
        })
        if (frame.type === 'session.ready') {
          sessions.current += 1
          h.onSessionReady()
        }
      },
      onStatus(status, info) {
        if (status === 'unauthorized') {
          hooksRef.current.signedOut()
          return
        }
        dispatch({ type: 'connection', status: status === 'online' ? 'online' : status })
        // A refused upgrade (expired cookie) never opens: ask the API whether we are still signed in.
        if (status === 'offline' && !info.opened && info.failures === 2) {
          deps.api.me().then(
            (session) => {
              if (!session) hooksRef.current.signedOut()
            },
            (error: unknown) => {
              const t = hooksRef.current.t ?? ENGLISH.t
              dispatch({
                type: 'notice',
                text: t('realtime.cannotReachServer', { error: errorText(error, t) }),
              })
            },
          )
        }
      },
      onInvalidFrame(text) {
        const t = hooksRef.current.t ?? ENGLISH.t
        dispatch({ type: 'notice', text: t('realtime.unreadableUpdate', { text: text.slice(0, 60) }) })
      },
    })
    return conn
  }, [deps, dispatch, getState])

  useEffect(() => {
    connection.start()
    const offOnline = deps.page.onOnline(() => connection.reconnectNow())
    const offVisible = deps.page.onVisibilityChange(() => {
      if (deps.page.isVisible()) connection.reconnectNow()
    })
    return () => {
      offOnline()
      offVisible()
      connection.stop()
    }
  }, [connection, deps])

  return connection
}
