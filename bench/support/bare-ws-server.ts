/**
 * The floor: a bare `ws` echo server with the gateway's socket options and nothing else (no auth,
 * no storage, no fan-out). Run as a child process by bench/run-all.ts; prints its address on the
 * first stdout line and answers probes (memory, CPU) over IPC.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { answerProbes } from './server-probe.ts'

const http = createServer()
const wss = new WebSocketServer({
  server: http,
  path: '/ws',
  perMessageDeflate: false,
  maxPayload: 1024 * 1024,
})
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }))
})
answerProbes(process)
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo
  process.stdout.write(`listening at http://127.0.0.1:${port}\n`)
})
process.once('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate()
  http.close(() => process.exit(0))
})
// The parent died without stopping us: do not linger.
process.once('disconnect', () => process.exit(0))
