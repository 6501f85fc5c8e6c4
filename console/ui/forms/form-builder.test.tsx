// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { FormSubmission } from '../../../server/forms/form-types.ts'
import { type AdminForm, ApiError, type FormInput, type FormsApi } from '../../api/index.ts'
import { FormBuilder } from './form-builder.tsx'
import { SubmissionsPage } from './submissions-page.tsx'

afterEach(cleanup)

const form = (): AdminForm => ({
  id: 'f1',
  name: 'Contact',
  enabled: true,
  definition: {
    version: 1,
    sections: [
      {
        key: 's1',
        fields: [
          {
            key: 'topic',
            type: 'select',
            label: 'Topic',
            options: [
              { value: 'order', label: 'An order' },
              { value: 'other', label: 'Something else' },
            ],
          },
          { key: 'order', type: 'text', label: 'Order number' },
        ],
      },
    ],
  },
})

function fakeForms(update: (input: FormInput) => AdminForm) {
  const saved: FormInput[] = []
  const api: Pick<FormsApi, 'updateForm'> = {
    async updateForm(_id, input) {
      saved.push(input)
      return update(input)
    },
  }
  return { api, saved }
}

const byId = (id: string) => screen.getByTestId(id)
const change = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } })

describe('form builder', () => {
  it('adds a condition, previews it, and saves the definition', async () => {
    const { api, saved } = fakeForms((input) => ({ ...form(), ...input }))
    render(<FormBuilder api={api} form={form()} />)
    const cond = 'form-definition-sections-0-fields-1-showIf'
    fireEvent.click(byId(`${cond}-add`))
    change(`${cond}-0-field`, 'topic')
    change(`${cond}-0-op`, 'eq')
    change(`${cond}-0-value`, 'order')

    // The preview runs the evaluator: the order number shows only for the topic "An order".
    const preview = byId('form-preview')
    expect(within(preview).queryByLabelText('Order number')).toBeNull()
    change('form-preview-field-topic-input', 'order')
    expect(within(preview).getByLabelText('Order number')).toBeTruthy()
    change('form-preview-field-topic-input', 'other')
    expect(within(preview).queryByLabelText('Order number')).toBeNull()

    fireEvent.click(byId('form-save'))
    await waitFor(() => expect(byId('form-save-status').textContent).toBe('Saved.'))
    expect(saved[0]!.definition.sections[0]!.fields[1]!.showIf).toEqual({
      all: [{ field: 'topic', op: 'eq', value: 'order' }],
    })
  })

  it('adds, reorders and removes fields; options of choice fields', () => {
    const { api } = fakeForms(() => form())
    render(<FormBuilder api={api} form={form()} />)
    change('form-add-field-0', 'radio')
    expect(byId('form-definition-sections-0-fields-2-label')).toHaveProperty('value', 'Radio buttons')
    fireEvent.click(byId('form-definition-sections-0-fields-2-options-add'))
    expect(byId('form-definition-sections-0-fields-2-options-1-label')).toHaveProperty('value', 'Option 2')
    fireEvent.click(byId('form-definition-sections-0-fields-2-up'))
    expect(byId('form-definition-sections-0-fields-1-type')).toHaveProperty('value', 'radio')
    fireEvent.click(byId('form-definition-sections-0-fields-1-remove'))
    expect(byId('form-definition-sections-0-fields-1-label')).toHaveProperty('value', 'Order number')
    fireEvent.click(byId('form-add-section'))
    expect(screen.getByRole('heading', { name: 'Section 2' })).toBeTruthy()
    change('form-definition-sections-0-fields-0-section', '1')
    expect(byId('form-definition-sections-1-fields-0-label')).toHaveProperty('value', 'Topic')
    expect(byId('form-definition-sections-0-fields-0-label')).toHaveProperty('value', 'Order number')
    expect(byId('form-save-status').textContent).toBe('Unsaved changes.')
  })

  it("shows the server's validation errors next to the field they concern", async () => {
    const { api } = fakeForms(() => {
      throw new ApiError(400, 'invalid_body', 'The form is not valid', [
        { path: ['definition', 'sections', 0, 'fields', 1, 'label'], message: 'Too long' },
      ])
    })
    render(<FormBuilder api={api} form={form()} />)
    fireEvent.click(byId('form-save'))
    const error = await screen.findByTestId('form-definition-sections-0-fields-1-label-error')
    expect(error.textContent).toBe('Too long')
    expect(byId('form-definition-sections-0-fields-1-label').getAttribute('aria-invalid')).toBe('true')
    expect(byId('form-save-error').textContent).toContain(
      'definition › sections › #1 › fields › #2 › label: Too long',
    )
    fireEvent.input(byId('form-definition-sections-0-fields-1-label'), { target: { value: 'Order' } })
    expect(screen.queryByTestId('form-definition-sections-0-fields-1-label-error')).toBeNull()
  })
})

describe('submissions', () => {
  const submission = (id: string, createdAt: number, topic: string): FormSubmission => ({
    id,
    workspaceId: 'ws',
    formId: 'f1',
    formName: 'Contact (old name)',
    fields: [
      { key: 'topic', type: 'select', label: 'Topic then', options: { order: 'An order' } },
      { key: 'ok', type: 'consent', label: 'Consent' },
    ],
    values: { topic, ok: true },
    visitorId: null,
    widgetId: null,
    pageUrl: 'https://shop.example/cart',
    utm: { source: 'news' },
    createdAt,
  })

  it('lists newest first with the stored labels, and refreshes', async () => {
    const list = [submission('a', 1_000, 'order'), submission('b', 2_000, 'other')]
    const asked: (string | undefined)[] = []
    const api = {
      listForms: async () => {
        throw new ApiError(403, 'forbidden', 'Admins only')
      },
      listSubmissions: async (formId?: string) => {
        asked.push(formId)
        return list
      },
    } as unknown as FormsApi
    render(
      <SubmissionsPage api={api} route={{ name: 'submissions', formId: 'f1' }} navigate={() => undefined} />,
    )
    await waitFor(() => expect(screen.getAllByTestId('submission')).toHaveLength(2))
    const [first, second] = screen.getAllByTestId('submission')
    expect(first!.getAttribute('data-submission-id')).toBe('b')
    expect(second!.textContent).toContain('Topic then')
    expect(second!.textContent).toContain('An order')
    expect(second!.textContent).toContain('Yes')
    expect(second!.textContent).toContain('utm_source=news')
    expect(asked).toEqual(['f1'])
    list.push(submission('c', 3_000, 'order'))
    fireEvent.click(byId('submissions-refresh'))
    await waitFor(() => expect(screen.getAllByTestId('submission')).toHaveLength(3))
    expect(screen.getAllByTestId('submission')[0]!.getAttribute('data-submission-id')).toBe('c')
    expect(byId('submissions-form').textContent).toContain('Contact (old name)')
  })
})
