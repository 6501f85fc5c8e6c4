/**
 * The launcher's stylesheet (the panel brings its own). `:host` and `.r` reset every inherited
 * property, so the host page's `* { … }` or `body { font… }` cannot style the widget. The focus ring
 * is two-tone (white halo, black outline): visible on any page background.
 */
export const launcherCss = `:host,.r{all:initial}
.l{all:initial;box-sizing:border-box;position:fixed;bottom:calc(20px + env(safe-area-inset-bottom,0px));right:20px;display:flex;align-items:center;gap:8px;height:56px;min-width:56px;padding:0 20px 0 16px;border-radius:28px;background:var(--ol-color);color:var(--ol-on-color);font:600 15px/1 system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 14px #0005}
[data-pos$=left] .l{left:20px;right:auto}
[data-pos^=top] .l{top:20px;bottom:auto}
[data-pos^=mid] .l{bottom:calc(50% - 28px)}
.l:focus-visible{outline:3px solid #000;outline-offset:2px;box-shadow:0 0 0 8px #fff}
svg{width:24px;fill:none;stroke:currentColor;stroke-width:2}
.b{all:initial;position:absolute;top:-6px;right:-6px;min-width:10px;padding:0 6px;border-radius:11px;background:#b3261e;color:#fff;font:700 12px/22px system-ui,sans-serif;text-align:center}
.b[hidden]{display:none}
@media (max-width:480px){.l{padding:0;justify-content:center}.t{display:none}}
@media (forced-colors:active){.l{border:2px solid}}`
