import type { RefObject } from 'preact'
import { useEffect } from 'preact/hooks'

/**
 * On phones the chat is full-screen; `100dvh` ignores the on-screen keyboard, so the composer would
 * hide behind it. The visual viewport is what is left above the keyboard: its height and offset go
 * into two CSS variables (`<prefix>-vh`, `<prefix>-vt`) the phone layout uses. Shared by the widget
 * panel and the public chat page.
 */
export function trackVisualViewport(el: HTMLElement, viewport: VisualViewport, prefix: string): () => void {
  const update = () => {
    el.style.setProperty(`${prefix}-vh`, `${viewport.height}px`)
    el.style.setProperty(`${prefix}-vt`, `${viewport.offsetTop}px`)
  }
  update()
  viewport.addEventListener('resize', update)
  viewport.addEventListener('scroll', update)
  return () => {
    viewport.removeEventListener('resize', update)
    viewport.removeEventListener('scroll', update)
  }
}

export function useVisualViewport(ref: RefObject<HTMLElement>): void {
  useEffect(() => {
    const viewport = window.visualViewport
    const el = ref.current
    if (!viewport || !el) return
    return trackVisualViewport(el, viewport, '--ol')
  }, [ref])
}
