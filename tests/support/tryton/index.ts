export {
  type FaultProxyOptions,
  type ProxiedRequest,
  startTrytonFaultProxy,
  type TrytonFaultProxy,
} from './fault-proxy.ts'
export { type OwnTrytond, sharedTrytonDataDir, startOwnTrytond } from './own-trytond.ts'
export { gateTryton, startTcpGate, type TcpGate } from './tcp-gate.ts'
export {
  connectTryton,
  type TrytonConnection,
  type TrytonTestClient,
  trytonFromEnv,
} from './tryton-client.ts'
