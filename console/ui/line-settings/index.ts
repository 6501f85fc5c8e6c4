/** The line settings form (issue "Open lines"); the Lines page renders it. */
export { LineSettingsForm, type LineSettingsFormProps } from './line-settings-form.tsx'
