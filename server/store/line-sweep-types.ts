/** The start-up routing sweep (issue "Open lines"): which lines have someone waiting. */
export interface LineRef {
  workspaceId: string
  lineId: string
}

export interface LineSweepStore {
  /**
   * Unscoped, for a node's start: every line of every workspace with at least one open conversation
   * nobody is assigned to, so the node can route them again without waiting for an event.
   */
  listLinesWithWaitingConversations(): Promise<LineRef[]>
}
