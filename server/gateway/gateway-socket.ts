import { WebSocket } from 'ws'
import type { Connection } from './types.ts'

/**
 * The socket class the gateway's WebSocketServer instantiates: one extra field instead of a
 * WeakMap entry or per-socket closures, because memory per idle connection is a benchmarked budget.
 */
export class GatewaySocket extends WebSocket {
  conn: Connection | null = null
}
