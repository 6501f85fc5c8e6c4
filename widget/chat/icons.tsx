// No `focusable="false"`: only Internet Explorer and the old Edge put SVGs in the tab order.
const common = {
  width: 20,
  height: 20,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 2,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const

export const CloseIcon = () => (
  <svg aria-hidden="true" {...common}>
    <path d="M6 6l12 12M18 6L6 18" />
  </svg>
)

export const SendIcon = () => (
  <svg aria-hidden="true" {...common}>
    <path d="M4 12l16-8-6 16-2-6-8-2z" />
  </svg>
)

export const AttachIcon = () => (
  <svg aria-hidden="true" {...common}>
    <path d="M20 11l-8 8a5 5 0 01-7-7l8-8a3 3 0 014 4l-8 8a1 1 0 01-2-2l7-7" />
  </svg>
)
