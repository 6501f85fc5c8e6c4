export { GATEWAY_PATH } from './authenticate-upgrade.ts'
export { createGateway } from './gateway.ts'
export type { Gateway, GatewayDeps, GatewayLog, LogLevel } from './types.ts'
