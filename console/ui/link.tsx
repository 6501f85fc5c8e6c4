import type { ComponentChildren, JSX } from 'preact'
import { type Route, routeHref } from '../state/index.ts'

type AnchorProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'>

/** A real link (middle-click and "open in new tab" keep working) that routes in place on a plain click. */
export function Link({
  to,
  navigate,
  children,
  ...rest
}: AnchorProps & { to: Route; navigate(route: Route): void; children: ComponentChildren }) {
  return (
    <a
      {...rest}
      href={routeHref(to)}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0) return
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
        event.preventDefault()
        navigate(to)
      }}
    >
      {children}
    </a>
  )
}
