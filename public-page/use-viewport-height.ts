import { useEffect } from 'preact/hooks'

/**
 * Phone keyboards shrink the visual viewport, not the layout one: the page is sized from
 * `visualViewport` so the composer stays above the keyboard (issue "Chat end to end", public page).
 */
export function useViewportHeight(el: HTMLElement | null, viewport: VisualViewport | null): void {
  useEffect(() => {
    if (!el || !viewport) return
    const update = () => {
      el.style.setProperty('--pp-vh', `${viewport.height}px`)
      el.style.setProperty('--pp-vt', `${viewport.offsetTop}px`)
    }
    update()
    viewport.addEventListener('resize', update)
    viewport.addEventListener('scroll', update)
    return () => {
      viewport.removeEventListener('resize', update)
      viewport.removeEventListener('scroll', update)
    }
  }, [el, viewport])
}
