export {
  type CreatedWorkspace,
  createWorkspaceWithDefaults,
  DEFAULT_LINE_NAME,
  DEFAULT_WIDGET_NAME,
  type NewWorkspaceWithDefaults,
} from './create-workspace.ts'
export { newPublicSlug } from './public-slug.ts'
