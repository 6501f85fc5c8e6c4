/** Next to the launcher, on the same side; above it, or below it for the top positions. */
export const proactiveCss = `.p{all:initial;position:fixed;right:20px;bottom:88px;display:flex;max-width:min(320px,80vw);background:#fff;color:#111;border-radius:12px;box-shadow:0 4px 14px #0004;font:14px/1.4 system-ui,sans-serif}
[data-pos$=left] .p{left:20px;right:auto}[data-pos^=top] .p{top:88px;bottom:auto}[data-pos^=mid] .p{bottom:calc(50% + 36px)}
.p button{all:initial;cursor:pointer;padding:12px;font:inherit;color:inherit}.p button:focus-visible{outline:3px solid #000}`
