// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { WireAttachment } from '../../../server/protocol/messages.ts'
import { ApiError } from '../../api/http-client.ts'
import { AttachControl } from './attach-control.tsx'
import { FileLinks } from './file-links.tsx'
import { attachmentIdsOf, formatSize } from './upload.ts'

afterEach(cleanup)

const stored: WireAttachment = { id: 'a1', name: 'offer.pdf', size: 1500, contentType: 'application/pdf' }

function pick(file: File) {
  const input = screen.getByTestId('composer-file-input') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  fireEvent.change(input)
}

describe('AttachControl (issue 5, item 4)', () => {
  it('uploads the chosen file and hands the stored attachment over', async () => {
    const uploaded: WireAttachment[] = []
    let finish: (a: WireAttachment) => void = () => undefined
    render(
      <AttachControl
        upload={() => new Promise((resolve) => (finish = resolve))}
        onUploaded={(a) => uploaded.push(a)}
      />,
    )
    pick(new File(['%PDF-1.7'], 'offer.pdf'))
    await screen.findByText('Uploading offer.pdf…')
    expect((screen.getByTestId('composer-attach') as HTMLButtonElement).disabled).toBe(true)
    finish(stored)
    await waitFor(() => expect(uploaded).toEqual([stored]))
    expect(screen.getByTestId('composer-upload-status').textContent).toBe('')
  })

  it("shows the server's reason when a file is refused", async () => {
    render(
      <AttachControl
        upload={() =>
          Promise.reject(new ApiError(415, 'unsupported_type', 'This kind of file is not accepted'))
        }
        onUploaded={() => undefined}
      />,
    )
    pick(new File(['<html>'], 'cat.png'))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('cat.png was not sent')
  })
})

describe('FileLinks', () => {
  it('links each file to its download with name and size', () => {
    render(<FileLinks files={[stored]} />)
    const link = screen.getByTestId('message-file') as HTMLAnchorElement
    expect(link.getAttribute('href')).toBe('/api/attachments/a1')
    expect(link.textContent).toBe('offer.pdf')
    expect(screen.getByText('(2 KB)')).toBeTruthy()
  })

  it('formats sizes and frame ids', () => {
    expect([formatSize(300), formatSize(12_400), formatSize(1_500_000)]).toEqual(['300 B', '12 KB', '1.5 MB'])
    expect(attachmentIdsOf({ attachments: [stored] })).toEqual({ attachments: ['a1'] })
    expect(attachmentIdsOf({})).toEqual({})
  })
})
