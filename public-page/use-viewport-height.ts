import { useEffect } from 'preact/hooks'
import { trackVisualViewport } from '../widget/chat/use-visual-viewport.ts'

/** The public page sizes itself from the visual viewport so the composer stays above the keyboard. */
export function useViewportHeight(el: HTMLElement | null, viewport: VisualViewport | null): void {
  useEffect(() => {
    if (!el || !viewport) return
    return trackVisualViewport(el, viewport, '--pp')
  }, [el, viewport])
}
