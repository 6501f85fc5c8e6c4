export { type Env, envSchema } from './env-schema.ts'
export { type Config, ConfigError, loadConfig } from './load-config.ts'
