/**
 * The socket seam: the connection logic talks to this tiny interface, so it runs the same against
 * the browser's WebSocket and, in tests, the `ws` package against a real server.
 */
export interface SocketHandlers {
  open(): void
  message(data: string): void
  close(code: number, reason: string): void
}

export interface SocketHandle {
  send(data: string): void
  close(code?: number, reason?: string): void
  isOpen(): boolean
}

export type OpenSocket = (url: string, handlers: SocketHandlers) => SocketHandle

/** Binary frames are not part of the protocol; they are handed on as an empty text and rejected there. */
export function browserSocket(Ctor: typeof WebSocket): OpenSocket {
  return (url, handlers) => {
    const socket = new Ctor(url)
    socket.onopen = () => handlers.open()
    socket.onmessage = (event) => handlers.message(typeof event.data === 'string' ? event.data : '')
    socket.onclose = (event) => handlers.close(event.code, event.reason)
    return {
      send: (data) => socket.send(data),
      close: (code, reason) => socket.close(code, reason),
      isOpen: () => socket.readyState === Ctor.OPEN,
    }
  }
}
