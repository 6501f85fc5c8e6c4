/** The QR code of the public chat link, ready to print (issue 5 item 9). */
export { QrCode, type QrCodeProps, qrSvg } from './qr-code.tsx'
