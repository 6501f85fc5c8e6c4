/**
 * Runs `task(0..count-1)` with at most `limit` in flight; results in index order. After a failure
 * no new task starts, and the first error is thrown only once the running ones have finished, so
 * a caller cleaning up after it sees every resource that was created.
 */
export async function mapLimit<T>(
  count: number,
  limit: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count)
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async () => {
    while (next < count && !failure) {
      const index = next++
      try {
        results[index] = await task(index)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker))
  if (failure) throw failure.error
  return results
}
