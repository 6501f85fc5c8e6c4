/** The chooser's rules and the floating positions of the shell's own panel (issue 5, item 1). */
export const chooserCss = `.ol-choices{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:10px}
.ol-choose-q{font-weight:600}.ol-choose-note{font-size:13px;color:var(--ol-muted)}
.ol-choice{min-height:48px;padding:12px 16px;border:1px solid var(--ol-edge);border-radius:12px;text-align:start;font-weight:600;cursor:pointer}
.ol-choice:hover{background:var(--ol-op-bg)}
.ol-body{flex:1;overflow-y:auto;display:flex;flex-direction:column}
@media (min-width:481px){.ol-panel[data-layout=floating][data-position$=left]{left:20px;right:auto}
.ol-panel[data-layout=floating][data-position^=top]{top:88px;bottom:auto}
.ol-panel[data-layout=floating][data-position^=mid]{bottom:auto;top:max(8px,calc(50% - 300px));right:88px}
.ol-panel[data-layout=floating][data-position=middle-left]{left:88px;right:auto}}`
