/** History API routing, behind a seam so components can be rendered with an in-memory history. */
export interface ConsoleHistory {
  pathname(): string
  push(path: string): void
  /** Back/forward navigation; returns the unsubscribe function. */
  listen(onChange: () => void): () => void
}

export function browserHistory(win: Window): ConsoleHistory {
  return {
    pathname: () => win.location.pathname,
    push(path) {
      if (path !== win.location.pathname) win.history.pushState(null, '', path)
    },
    listen(onChange) {
      win.addEventListener('popstate', onChange)
      return () => win.removeEventListener('popstate', onChange)
    },
  }
}

export function memoryHistory(initial: string): ConsoleHistory {
  let path = initial
  const listeners = new Set<() => void>()
  return {
    pathname: () => path,
    push(next) {
      path = next
      for (const l of listeners) l()
    },
    listen(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
  }
}
