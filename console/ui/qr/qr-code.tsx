/**
 * A QR code of the public chat link for shops (issue 5 item 9): an SVG made by `uqr` (loaded lazily,
 * a chunk of its own), a print button whose stylesheet prints only this code with the link and the
 * business name, and a link to download the SVG.
 */
import { useEffect, useState } from 'preact/hooks'
import { errorText } from '../error-text.ts'
import './qr.css'
import { useT } from '../../i18n/index.ts'

export interface QrCodeProps {
  url: string
  businessName: string
  /** Unique on the page (one code per widget). */
  id: string
  /** Window of the print dialog; the real one by default. */
  print?: () => void
}

/** The SVG of `url`; error correction M survives a scuffed sticker, border 2 keeps the quiet zone. */
export async function qrSvg(url: string): Promise<string> {
  const { renderSVG } = await import('uqr')
  return renderSVG(url, { ecc: 'M', border: 2, pixelSize: 8 })
}

export function QrCode({ url, businessName, id, print }: QrCodeProps) {
  const t = useT()
  const [svg, setSvg] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    qrSvg(url).then(
      (made) => live && setSvg(made),
      (e: unknown) => live && setError(t('qrCode.couldNotMake', { error: errorText(e, t) })),
    )
    return () => {
      live = false
    }
  }, [url])

  function printCode() {
    // The print stylesheet (styles.css, @media print) shows only the sheet marked for printing.
    const root = document.documentElement
    const sheet = document.getElementById(`${id}-sheet`)
    root.classList.add('printing-qr')
    sheet?.setAttribute('data-printing', 'true')
    try {
      ;(print ?? (() => window.print()))()
    } finally {
      root.classList.remove('printing-qr')
      sheet?.removeAttribute('data-printing')
    }
  }

  if (error) return <p class="form-error">{error}</p>
  if (!svg) return <p class="hint">{t('qrCode.makingTheQrCode')}</p>
  const href = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  return (
    <div class="qr" data-testid="qr">
      <div id={`${id}-sheet`} class="qr-sheet">
        <p class="qr-business">{businessName}</p>
        {/* uqr's own markup: only rectangles generated from the link, no text of ours inside. */}
        <div
          class="qr-image"
          role="img"
          aria-label={t('qrCode.qrCodeOf', { url })}
          dangerouslySetInnerHTML={{ __html: svg }}
          data-testid="qr-svg"
        />
        <p class="qr-link">{url}</p>
      </div>
      <p class="qr-actions">
        <button type="button" class="button" onClick={printCode} data-testid="qr-print">
          {t('qrCode.print')}
          <span class="sr-only"> {t('qrCode.theQrCode')}</span>
        </button>{' '}
        <a
          class="button"
          href={href}
          download={`openline-chat-qr-${slug(businessName)}.svg`}
          data-testid="qr-download"
        >
          {t('qrCode.downloadSvg')}
        </a>
      </p>
    </div>
  )
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chat'
  )
}
