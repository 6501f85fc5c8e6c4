/**
 * The form panel's rules, on top of the chat panel's stylesheet (widget/chat/panel-css.ts: the
 * theme variables, the reset and `.ol-input`). Errors are marked by a red bar beside text in the
 * theme's own colour, so they stay readable (and not colour-only) in light and dark alike.
 */
export const formCss = `.ol-form{flex:1;overflow-y:auto;padding:16px}
.ol-form,.ol-fs,.ol-f{display:flex;flex-direction:column;gap:14px}
.ol-f{gap:4px}
.ol-f>label,legend,.ol-sec{font-weight:600}
.ol-f small{font-size:13px;color:var(--ol-muted)}
.ol-err,.ol-f .ol-err{color:var(--ol-fg);border-left:3px solid #d1242f;padding-left:6px}
.ol-opt{display:flex;align-items:center;gap:8px;min-height:32px}
.ol-opt input{width:20px;height:20px;accent-color:var(--ol-color)}`
