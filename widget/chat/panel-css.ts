/**
 * The chat panel's stylesheet. Inside the widget it is adopted into the closed shadow root (a
 * constructable stylesheet: allowed by a strict CSP without 'unsafe-inline'); the public chat page
 * can adopt or inject it as it likes. Every rule is scoped under .ol-panel and resets inherited
 * properties, so nothing the host page sets on its own elements leaks in.
 *
 * Colours: --ol-muted on --ol-bg and --ol-op-bg stays above 4.5:1 in both themes; text on the main
 * colour is black or white by contrast (theme.ts); focus rings and input borders reach 3:1.
 */
const light =
  '--ol-bg:#fff;--ol-fg:#1b1f24;--ol-muted:#57606a;--ol-line:#d0d7de;--ol-edge:#6e7781;--ol-op-bg:#eef1f4;--ol-focus:#0b57d0;'
const dark =
  '--ol-bg:#16191d;--ol-fg:#eef1f4;--ol-muted:#a9b1ba;--ol-line:#3a4048;--ol-edge:#8b949e;--ol-op-bg:#262b31;--ol-focus:#8ab4f8;'

export const panelCss = `
.ol-panel{${light}}
.ol-panel[data-theme=dark]{${dark}}
@media (prefers-color-scheme:dark){.ol-panel[data-theme=auto]{${dark}}}
.ol-panel,.ol-panel *{box-sizing:border-box;margin:0;padding:0;border:0;font:inherit;color:inherit;background:none;letter-spacing:normal;word-spacing:normal;text-transform:none;text-indent:0;text-shadow:none;text-decoration:none;list-style:none;visibility:inherit;opacity:1;float:none;max-width:none;min-width:0}
.ol-panel{display:flex;flex-direction:column;overflow:hidden;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ol-fg);background:var(--ol-bg);text-align:start;direction:ltr;cursor:auto;-webkit-text-size-adjust:100%}
.ol-panel[data-layout=floating]{position:fixed;z-index:1;bottom:calc(88px + env(safe-area-inset-bottom,0px));right:20px;width:370px;max-width:calc(100vw - 40px);height:min(600px,calc(100vh - 120px));border:1px solid var(--ol-line);border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.28)}
.ol-panel[data-layout=floating][data-position=bottom-left]{left:20px;right:auto}
.ol-panel[data-layout=page]{width:100%;height:100%}
@media (max-width:480px){.ol-panel[data-layout=floating]{top:var(--ol-vt,0px);left:0;right:0;bottom:auto;width:100%;max-width:none;height:var(--ol-vh,100dvh);border:0;border-radius:0;padding:env(safe-area-inset-top,0px) env(safe-area-inset-right,0px) env(safe-area-inset-bottom,0px) env(safe-area-inset-left,0px)}}
.ol-panel :focus-visible{outline:2px solid var(--ol-focus);outline-offset:2px}
.ol-head{display:flex;align-items:center;gap:8px;flex:none;padding:8px 8px 8px 16px;min-height:56px;background:var(--ol-color,#1f6feb);color:var(--ol-on-color,#fff)}
.ol-head :focus-visible{outline-color:var(--ol-on-color,#fff)}
.ol-title{flex:1;font-size:16px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.ol-close,.ol-send{display:grid;place-items:center;flex:none;width:44px;height:44px;cursor:pointer}
.ol-close{border-radius:8px}
.ol-close:hover{background:rgba(128,128,128,.25)}
.ol-end{flex:none;min-height:44px;padding:0 10px;border-radius:8px;font-size:13px;cursor:pointer}
.ol-end:hover{background:rgba(128,128,128,.25)}
.ol-link{min-height:44px;text-decoration:underline;font-weight:600;cursor:pointer}
.ol-confirm{display:flex;align-items:center;flex-wrap:wrap;gap:8px;padding-block:8px}
.ol-confirm span{flex-basis:100%}
.ol-confirm button{min-height:44px;padding:0 16px;border:1px solid var(--ol-edge);border-radius:12px;cursor:pointer}
.ol-log{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:16px;display:flex;flex-direction:column;gap:8px}
.ol-list{display:flex;flex-direction:column;gap:8px}
.ol-msg{display:flex;flex-direction:column;align-items:flex-start;max-width:85%}
.ol-msg[data-author=visitor]{align-self:flex-end;align-items:flex-end}
.ol-msg[data-author=system]{align-self:center;align-items:center;max-width:100%}
.ol-bubble{display:block;padding:8px 12px;border-radius:16px;background:var(--ol-op-bg);white-space:pre-wrap;overflow-wrap:anywhere}
.ol-msg[data-author=visitor] .ol-bubble{background:var(--ol-color,#1f6feb);color:var(--ol-on-color,#fff)}
.ol-msg[data-author=system] .ol-bubble{background:none;color:var(--ol-muted);font-size:13px;text-align:center}
.ol-msg[data-status=failed] .ol-bubble{outline:2px dashed #d1242f;outline-offset:1px}
.ol-who,.ol-meta{display:flex;align-items:center;gap:6px;font-size:12px;color:var(--ol-muted)}
.ol-who{font-size:13px;margin-bottom:2px}
.ol-meta{margin-top:2px}
.ol-avatar{display:grid;place-items:center;width:24px;height:24px;border-radius:50%;object-fit:cover;background:var(--ol-line);color:var(--ol-fg);font-size:11px;font-weight:600}
.ol-typing{flex:none;min-height:20px;padding:0 16px;font-size:13px;color:var(--ol-muted)}
.ol-note{flex:none;padding:6px 16px;font-size:13px;background:var(--ol-op-bg)}
.ol-queue:empty{padding:0}
.ol-rate{flex:none;display:flex;flex-direction:column;gap:6px;padding:8px 12px;border-top:1px solid var(--ol-line)}
.ol-rate-row{display:flex;align-items:center;gap:8px}
.ol-rate-q{flex:1;font-weight:600}
.ol-thumb{display:grid;place-items:center;width:44px;height:44px;border:1px solid var(--ol-edge);border-radius:50%;font-size:20px;cursor:pointer}
.ol-thumb[aria-pressed=true]{background:var(--ol-color,#1f6feb);border-color:var(--ol-color,#1f6feb);color:var(--ol-on-color,#fff)}
.ol-rate-input{min-height:44px}
.ol-rate-send{flex:none;min-height:44px;padding:0 16px;border-radius:12px;background:var(--ol-color,#1f6feb);color:var(--ol-on-color,#fff);font-weight:600;cursor:pointer}
.ol-rate-send[aria-disabled=true]{opacity:.6;cursor:default}
.ol-rate-status{font-size:13px;color:var(--ol-muted)}
.ol-composer{display:flex;align-items:flex-end;gap:8px;flex:none;padding:8px 12px 12px;border-top:1px solid var(--ol-line)}
.ol-input{flex:1;display:block;min-height:44px;max-height:140px;padding:10px 12px;resize:none;overflow-y:auto;font-size:16px;line-height:1.4;border:1px solid var(--ol-edge);border-radius:12px;background:var(--ol-bg);color:var(--ol-fg)}
.ol-input::placeholder{color:var(--ol-muted);opacity:1}
.ol-send{border-radius:50%;background:var(--ol-color,#1f6feb);color:var(--ol-on-color,#fff)}
.ol-composer{flex-wrap:wrap}.ol-attach{background:none;color:var(--ol-fg)}.ol-upload{order:-1;flex-basis:100%;margin:0;font-size:13px;color:var(--ol-muted)}.ol-file{display:block;text-decoration:underline;cursor:pointer;text-align:start}
.ol-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (forced-colors:active){.ol-panel{border:1px solid CanvasText}.ol-bubble{border:1px solid CanvasText}.ol-thumb[aria-pressed=true]{outline:3px solid Highlight}}
`
