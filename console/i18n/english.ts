import { en } from './en.ts'
import { createI18n, type I18n } from './translate.ts'

/** English, the default wherever no language was chosen (pure helpers, component tests). Immutable. */
export const ENGLISH: I18n = createI18n('en', en)
