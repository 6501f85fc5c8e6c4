/** Identified visitors (issue 6 item 1, issue 5 item 8): `identify({ id, userHash })` and its secret. */
export { mountIdentitySecret } from './identity-secret-api.ts'
export { identitySecretRoutes } from './identity-secret-routes.ts'
export { identifiedIdToStore, isValidUserHash, userHashOf } from './user-hash.ts'
