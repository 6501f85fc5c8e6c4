export { createLogger, type Log, type LogFields, type LogLevel, quietLog } from './logger.ts'
