/**
 * The web-form panel (issue 5 item 3): a lazy chunk the widget shell and the public form page load.
 * The callback panel's extra fields import their renderer from here too, so the form code stays one
 * chunk (a shared chunk of its own would cost bytes for its imports and exports).
 */
export { adoptCss } from './adopt-css.ts'
export { formCss } from './form-css.ts'
export { answers, FormFields } from './form-fields.tsx'
export { FormPanel, type FormPanelProps } from './form-panel.tsx'
export { useForm } from './use-form.ts'
