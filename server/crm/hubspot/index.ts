export { contactProperties, existingContactId, noteBody } from './contact-properties.ts'
export { createHubSpotAdapter, type HubSpotAdapter, type HubSpotOptions } from './hubspot-adapter.ts'
