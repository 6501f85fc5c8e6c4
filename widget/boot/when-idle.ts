/** The few window members the loader uses, so tests can hand it a plain object. */
export interface LoaderWindow {
  setTimeout(handler: () => void, ms?: number): unknown
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => unknown
  addEventListener(type: 'load', listener: () => void, options?: { once: boolean }): void
}

/**
 * Runs `fn` once the page has loaded and the browser is idle, so the widget never competes with the
 * page (Safari has no requestIdleCallback: a timeout stands in).
 */
export function whenIdle(win: LoaderWindow, doc: Pick<Document, 'readyState'>, fn: () => void): void {
  const idle = () => {
    if (win.requestIdleCallback) win.requestIdleCallback(fn, { timeout: 4000 })
    else win.setTimeout(fn, 1500)
  }
  if (doc.readyState === 'complete') idle()
  else win.addEventListener('load', idle, { once: true })
}
