/**
 * A line's queue may only name operators of the line's own workspace (issue "Open lines"; tenancy:
 * an id from another workspace must never be routed to). Returns zod-like issues for the 400 answer.
 */
export interface QueueIssue {
  code: 'custom'
  path: (string | number)[]
  message: string
}

export function queueIssues(
  queue: readonly string[],
  workspaceOperatorIds: ReadonlySet<string>,
  path: (string | number)[] = ['settings', 'routing', 'queue'],
): QueueIssue[] {
  return queue.flatMap((id, index) =>
    workspaceOperatorIds.has(id)
      ? []
      : [{ code: 'custom' as const, path: [...path, index], message: 'not an operator of this workspace' }],
  )
}
