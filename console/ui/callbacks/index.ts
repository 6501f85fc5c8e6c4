/** The console's callbacks queue (issue 5, item 2). */
export { CallbacksPage, type CallbacksPageProps } from './callbacks-page.tsx'
