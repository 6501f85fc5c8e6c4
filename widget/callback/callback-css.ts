/**
 * The callback form's own rules; everything else (inputs, the send button, the time-zone note)
 * reuses the chat panel's stylesheet. Errors are bold text in the panel's own colour, so they keep its contrast in
 * both themes (colour is never the only signal: they also sit next to the field, announced).
 */
export const callbackCss = `.ol-cb{display:flex;flex-direction:column;gap:12px;padding:16px;overflow-y:auto}
.ol-cb>div>label,.ol-cb legend{display:block;font-weight:600;margin-bottom:4px}
.ol-cb .ol-cb-r{display:flex;gap:8px;align-items:center;min-height:36px;font-weight:400}
.ol-cb-r input{width:20px;height:20px;accent-color:var(--ol-color)}
.ol-cb-e{font-size:13px;font-weight:600}`
