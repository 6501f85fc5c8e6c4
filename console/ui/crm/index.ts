/** The console's CRM page (issue "Leads to CRM", items 5 and 6): connections and the delivery log. */
export { CrmPage, type CrmPageProps } from './crm-page.tsx'
export { CrmStatus, type CrmStatusProps } from './crm-status.tsx'
