export { loaderUrl, renderExternalSnippet, renderSnippet, type SnippetOptions } from './render-snippet.ts'
