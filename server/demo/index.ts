export { DEMO } from './demo-account.ts'
export { type DemoInfo, seedDemo } from './seed-demo.ts'
