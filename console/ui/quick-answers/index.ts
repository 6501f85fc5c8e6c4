/** The console's quick-answers page (issue "Open lines", items 4 and 6): list, add, edit, delete. */
export { QuickAnswersPage, type QuickAnswersPageProps } from './quick-answers-page.tsx'
