import { useCallback, useRef, useState } from 'preact/hooks'

/**
 * `useReducer` plus a synchronous `getState`: frame handlers run between renders and must see the
 * state the previous frame produced (e.g. "was this conversation known before this frame?").
 */
export function useStore<S, A>(
  reducer: (state: S, action: A) => S,
  initial: S,
): [S, (action: A) => void, () => S] {
  const ref = useRef(initial)
  const [state, setState] = useState(initial)
  const dispatch = useCallback(
    (action: A) => {
      ref.current = reducer(ref.current, action)
      setState(ref.current)
    },
    [reducer],
  )
  const getState = useCallback(() => ref.current, [])
  return [state, dispatch, getState]
}
