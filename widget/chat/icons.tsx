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

/**
 * The rating's thumbs: drawn, not emoji, so they show on systems without an emoji font (headless
 * browsers, some Linux desktops showed empty boxes). Path after Feather's thumbs-up (MIT).
 */
export const ThumbIcon = ({ down }: { down?: boolean }) => (
  <svg aria-hidden="true" {...common}>
    <path
      transform={down ? 'rotate(180 12 12)' : undefined}
      d="M7 22H4a2 2 0 01-2-2v-7a2 2 0 012-2h3m7-2V5a3 3 0 00-3-3l-4 9v11h11.3a2 2 0 002-1.7l1.4-9a2 2 0 00-2-2.3z"
    />
  </svg>
)
