export * from './console-api.ts'
export * from './http-client.ts'
