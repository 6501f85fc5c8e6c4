/**
 * The widget settings page (issue 5 items 1, 5, 6, 7): channels, appearance with a contrast check,
 * display rules, language and texts, with a live preview. Loaded lazily by the console shell.
 */
export { WidgetPreview, type WidgetPreviewProps } from './widget-preview.tsx'
export { WidgetSettingsForm, type WidgetSettingsFormProps } from './widget-settings-form.tsx'
export { WidgetsPage, type WidgetsPageProps } from './widgets-page.tsx'
