export { applyWidgetSettingsPatch } from './apply-settings-patch.ts'
export { buildWidgetConfig, type PublicWidgetConfig } from './build-config.ts'
export { lineStatusSchema, widgetConfigExtras, widgetConfigQuery } from './config-schema.ts'
export { LAUNCHER_ICON_PATHS } from './launcher-icons.ts'
export { type LineStatus, lineStatus, lineStatusOf, MINUTES_PER_WAITING } from './line-status.ts'
export {
  type ChannelSettings,
  type DisplayRules,
  readWidgetSettings,
  type WidgetLanguage,
  type WidgetSettings,
  type WidgetSettingsPatch,
  widgetSettingsPatchSchema,
  widgetSettingsSchema,
} from './settings-schema.ts'
export { contrastRatio, readableTextColor } from './text-color.ts'
