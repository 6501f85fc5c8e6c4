/**
 * The console's forms pages (issue 5 item 3): the admin's form builder and every operator's
 * submissions list. Loaded lazily by the console shell (a chunk of its own).
 */
export { FormBuilder, type FormBuilderProps } from './form-builder.tsx'
export { FormsPage, type FormsPageProps } from './forms-page.tsx'
export { SubmissionsPage, type SubmissionsPageProps } from './submissions-page.tsx'
