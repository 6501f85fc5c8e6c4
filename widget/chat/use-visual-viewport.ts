import type { RefObject } from 'preact'
import { useEffect } from 'preact/hooks'

/**
 * On phones the panel is full-screen; `100dvh` ignores the on-screen keyboard, so the composer would
 * hide behind it. The visual viewport is what is left above the keyboard: its height and offset go
 * into CSS variables the phone layout uses.
 */
export function useVisualViewport(ref: RefObject<HTMLElement>): void {
  useEffect(() => {
    const viewport = window.visualViewport
    const el = ref.current
    if (!viewport || !el) return
    const update = () => {
      el.style.setProperty('--ol-vh', `${viewport.height}px`)
      el.style.setProperty('--ol-vt', `${viewport.offsetTop}px`)
    }
    update()
    viewport.addEventListener('resize', update)
    viewport.addEventListener('scroll', update)
    return () => {
      viewport.removeEventListener('resize', update)
      viewport.removeEventListener('scroll', update)
    }
  }, [ref])
}
