export { type Env, envSchema } from './env-schema.ts'
export { type Config, ConfigError, loadConfig, type OutboxConfig } from './load-config.ts'
