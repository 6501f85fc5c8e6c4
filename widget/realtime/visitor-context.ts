import type { DeviceClass, VisitorContext } from './types.ts'

export interface ContextSources {
  href: string
  referrer: string
  language: string
  timeZone: string | undefined
  viewportWidth: number
  userAgent: string
}

export function deviceClass(viewportWidth: number): DeviceClass {
  if (viewportWidth < 600) return 'phone'
  if (viewportWidth < 1025) return 'tablet'
  return 'desktop'
}

/** Lengths follow the server's `visitorContext` schema, so an odd page never fails visitor creation. */
export function visitorContext(src: ContextSources): VisitorContext {
  const context: VisitorContext = { device: deviceClass(src.viewportWidth) }
  // The fragment can hold secrets (OAuth implicit flow tokens): never send it.
  const page = src.href.split('#')[0]
  if (page) context.page = page.slice(0, 2048)
  if (src.referrer) context.referrer = src.referrer.slice(0, 2048)
  if (src.language) context.language = src.language.slice(0, 35)
  if (src.timeZone) context.timeZone = src.timeZone.slice(0, 64)
  if (src.userAgent) context.userAgent = src.userAgent.slice(0, 512)
  return context
}
