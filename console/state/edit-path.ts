/**
 * Immutable edits of a JSON-like value at a path such as `['settings', 'routing', 'queue', 2]` — the
 * same paths the server's validation issues carry, so a form field, its value and its error share
 * one address.
 */
export type Path = readonly (string | number)[]

export function pathKey(path: Path): string {
  return path.join('.')
}

export function getIn(value: unknown, path: Path): unknown {
  let current = value
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string | number, unknown>)[key]
  }
  return current
}

/** A copy of `value` with `update` applied at `path`; every container on the way is copied. */
export function updateIn<T>(value: T, path: Path, update: (old: unknown) => unknown): T {
  const [head, ...rest] = path
  if (head === undefined) return update(value) as T
  const container = value as unknown as Record<string | number, unknown>
  const next = updateIn(container?.[head], rest, update)
  if (Array.isArray(value)) {
    const copy = [...value]
    copy[head as number] = next
    return copy as T
  }
  return { ...(value as object), [head]: next } as T
}

export function setIn<T>(value: T, path: Path, next: unknown): T {
  return updateIn(value, path, () => next)
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function insertAt<T>(value: T, path: Path, item: unknown, index?: number): T {
  return updateIn(value, path, (old) => {
    const list = [...asList(old)]
    list.splice(index ?? list.length, 0, item)
    return list
  })
}

export function removeAt<T>(value: T, path: Path, index: number): T {
  return updateIn(value, path, (old) => asList(old).filter((_, i) => i !== index))
}

/** Swaps an item with its neighbour; moving past either end changes nothing. */
export function moveBy<T>(value: T, path: Path, index: number, by: -1 | 1): T {
  const list = asList(getIn(value, path))
  const target = index + by
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return value
  return updateIn(value, path, () => {
    const copy = [...list]
    ;[copy[index], copy[target]] = [copy[target], copy[index]]
    return copy
  })
}

/** Adds `item` to a list when absent, removes it when present (checkbox groups). */
export function toggleIn<T>(value: T, path: Path, item: unknown): T {
  return updateIn(value, path, (old) => {
    const list = asList(old)
    return list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
  })
}
