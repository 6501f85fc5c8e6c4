// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { encode } from 'uqr'
import { afterEach, describe, expect, it } from 'vitest'
import { QrCode, qrSvg } from './qr-code.tsx'

afterEach(cleanup)

describe('QR code of the public chat link', () => {
  it('encodes the link as an SVG', async () => {
    const svg = await qrSvg('https://chat.example/chat/shop')
    expect(svg.startsWith('<svg')).toBe(true)
    // The matrix behind it decodes to the same size uqr computes for the link.
    const { size } = encode('https://chat.example/chat/shop', { ecc: 'M', border: 2 })
    expect(svg).toContain(`viewBox="0 0 ${size * 8} ${size * 8}"`)
  })

  it('prints only its own sheet, and offers the SVG for download', async () => {
    let printing: string | null = null
    const print = () => {
      printing = document.documentElement.classList.contains('printing-qr')
        ? (document.querySelector('[data-printing=true]')?.textContent ?? '')
        : null
    }
    render(<QrCode url="https://chat.example/chat/shop" businessName="Mug Shop" id="qr-w1" print={print} />)
    const image = await screen.findByTestId('qr-svg')
    expect(image.getAttribute('aria-label')).toBe('QR code of https://chat.example/chat/shop')
    fireEvent.click(screen.getByTestId('qr-print'))
    expect(printing).toContain('Mug Shop')
    expect(printing).toContain('https://chat.example/chat/shop')
    expect(document.documentElement.classList.contains('printing-qr')).toBe(false)
    const download = screen.getByTestId('qr-download')
    expect(download.getAttribute('download')).toBe('openline-chat-qr-mug-shop.svg')
    expect(decodeURIComponent(download.getAttribute('href') ?? '')).toContain(
      'data:image/svg+xml;charset=utf-8,<svg',
    )
  })
})
