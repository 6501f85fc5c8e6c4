import { useCallback, useEffect, useState } from 'preact/hooks'
import { parseRoute, type Route, routeHref } from '../state/index.ts'
import type { ConsoleHistory } from './history.ts'

export function useRoute(history: ConsoleHistory): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(history.pathname()))
  useEffect(() => history.listen(() => setRoute(parseRoute(history.pathname()))), [history])
  const navigate = useCallback(
    (next: Route) => {
      history.push(routeHref(next))
      setRoute(parseRoute(history.pathname()))
    },
    [history],
  )
  return [route, navigate]
}
