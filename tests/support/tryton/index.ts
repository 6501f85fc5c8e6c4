export {
  type FaultProxyOptions,
  type ProxiedRequest,
  startTrytonFaultProxy,
  type TrytonFaultProxy,
} from './fault-proxy.ts'
export {
  connectTryton,
  type TrytonConnection,
  type TrytonTestClient,
  trytonFromEnv,
} from './tryton-client.ts'
export { type TrytonServerControl, trytonServer } from './tryton-server.ts'
