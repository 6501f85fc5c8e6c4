export { readWidgetSettings, type WidgetSettings, widgetSettingsSchema } from './settings-schema.ts'
