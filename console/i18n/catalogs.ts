import { type Catalog, en } from './en.ts'
import { ru } from './ru.ts'
import type { Locale } from './types.ts'

export const CATALOGS: Record<Locale, Catalog> = { en, ru }
