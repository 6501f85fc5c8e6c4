// @vitest-environment happy-dom
/**
 * Issue 5, item 7: a Russian operator sees no English text of ours. Each page is rendered in
 * Russian with Russian (or neutral) data, and everything a person reads or hears — text, including
 * the widget preview's shadow root, and aria-label / title / placeholder / alt — is searched for
 * English words the console uses. Server texts and user data are Russian here, so any hit is ours.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import type { ComponentChildren } from 'preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { FormSubmission } from '../../server/forms/form-types.ts'
import {
  type AdminForm,
  ApiError,
  type CallbackView,
  type ConsoleApi,
  type CrmApi,
  type CrmConnectionView,
  type CrmDelivery,
  type FormsApi,
  type QuickAnswer,
  type WidgetAdminApi,
  type WidgetSummary,
} from '../api/index.ts'
import { I18nProvider } from '../i18n/index.ts'
import { createCallbackFeed } from '../state/callbacks-feed.ts'
import { lineDetail } from '../state/line-fixtures.ts'
import { wireConversation, wireMessage } from '../state/test-fixtures.ts'
import { CallbacksPage } from './callbacks/callbacks-page.tsx'
import { ConsoleShell } from './console-shell.tsx'
import { CrmPage } from './crm/crm-page.tsx'
import { FormBuilder } from './forms/form-builder.tsx'
import { FormsPage } from './forms/forms-page.tsx'
import { SubmissionsPage } from './forms/submissions-page.tsx'
import { InstallPage } from './install-page.tsx'
import { LinesPage } from './lines-page.tsx'
import { QuickAnswersPage } from './quick-answers/quick-answers-page.tsx'
import { fakeApi, fakeSocket, testDeps, testSession } from './test-doubles.ts'
import { WidgetSettingsForm } from './widget-settings/widget-settings-form.tsx'

afterEach(cleanup)

/** Words of the console's English UI; none of them is Russian data, a brand or a technical token. */
const ENGLISH_WORDS = [
  ...['Save', 'Saving', 'Saved', 'Unsaved', 'Add', 'Settings', 'Loading', 'Delete', 'Deleting', 'Cancel'],
  ...['Remove', 'Edit', 'New', 'Show', 'Only', 'Could', 'Send', 'Test', 'Testing', 'Replay', 'Move'],
  ...['Open', 'Close', 'Closed', 'Yes', 'No', 'Text', 'Phone', 'Name', 'Form', 'Field', 'Option', 'Section'],
  ...['Monday', 'Sunday', 'Bottom', 'Top', 'Light', 'Dark', 'Everyone', 'Evenly', 'Chat', 'Callback'],
  ...['Pending', 'Delivered', 'Failed', 'Type', 'Web', 'Live', 'Hidden', 'Default', 'Preview', 'Inbox'],
  ...['Waiting', 'Visitor', 'Operator', 'Anna', 'Hi', 'Hello', 'Online', 'Away', 'Accept', 'Skip'],
  ...['Transfer', 'Invite', 'Reply', 'Private', 'Refresh', 'Creating', 'Assigned', 'All', 'Called'],
  ...['the', 'and', 'of', 'to', 'for', 'with', 'is', 'not', 'from', 'by', 'left', 'min', 'now', 'in'],
  ...['on', 'a', 'an', 'your', 'you', 'this', 'it', 'due', 'overdue', 'white', 'black', 'contains', 'empty'],
]
const ENGLISH = new RegExp(`(?<![\\w.])(${ENGLISH_WORDS.join('|')})(?![\\w])`, 'g')

/** Visible and spoken text under `root`, shadow roots included, <style> and <script> left out. */
function readableText(root: Element | ShadowRoot): string[] {
  const out: string[] = []
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      out.push(node.textContent ?? '')
      return
    }
    if (!(node instanceof Element || node instanceof ShadowRoot || node instanceof DocumentFragment)) return
    if (node instanceof Element) {
      if (node.tagName === 'STYLE' || node.tagName === 'SCRIPT') return
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(name)
        if (value) out.push(value)
      }
      if (node.shadowRoot) visit(node.shadowRoot)
    }
    for (const child of node.childNodes) visit(child)
  }
  visit(root)
  return out
}

function englishLeftovers(root: Element = document.body): string[] {
  return readableText(root).filter((text) => text.match(ENGLISH))
}

const inRussian = (children: ComponentChildren) => (
  <I18nProvider locale="ru" setLocale={() => undefined}>
    {children}
  </I18nProvider>
)

const NOW = Date.UTC(2025, 2, 12, 9, 0)
const clock = { now: () => NOW }
const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout }
const navigate = () => undefined

const conversation = wireConversation({
  id: 'c1',
  visitorName: 'Дана',
  lastSeq: 1,
  lastMessage: wireMessage({ seq: 1, body: 'Здравствуйте' }),
})

function baseApi(): ConsoleApi {
  return fakeApi({
    conversations: [conversation],
    details: {
      c1: {
        conversation,
        messages: [wireMessage({ seq: 1, body: 'Здравствуйте' })],
        notes: [],
        visitor: {
          id: 'v',
          name: 'Дана',
          email: 'dana@example.ru',
          phone: '+79001234567',
          context: { pageUrl: 'https://example.ru/', language: 'ru-RU', timeZone: 'Europe/Moscow' },
        },
      },
    },
  }).api
}

const contactForm: AdminForm = {
  id: 'f1',
  name: 'Контакты',
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
            label: 'Тема',
            options: [
              { value: 'order', label: 'Заказ' },
              { value: 'other', label: 'Другое' },
            ],
          },
          {
            key: 'order',
            type: 'text',
            label: 'Номер заказа',
            required: true,
            showIf: { all: [{ field: 'topic', op: 'eq', value: 'order' }] },
          },
          { key: 'ref', type: 'hidden', label: 'Источник', source: { from: 'param', name: 'ref' } },
        ],
      },
    ],
  },
}

const formsApi = (forms: AdminForm[]): FormsApi => ({
  listForms: async () => forms,
  getForm: async () => forms[0]!,
  createForm: async () => forms[0]!,
  updateForm: async () => forms[0]!,
  deleteForm: async () => undefined,
  listSubmissions: async (): Promise<FormSubmission[]> => [
    {
      id: 'sub1',
      workspaceId: 'ws',
      formId: 'f1',
      formName: 'Контакты',
      fields: [
        { key: 'topic', label: 'Тема', type: 'select' },
        { key: 'agree', label: 'Согласие', type: 'consent' },
      ] as FormSubmission['fields'],
      values: { topic: 'order', agree: true },
      visitorId: null,
      widgetId: null,
      pageUrl: 'https://example.ru/',
      utm: null,
      createdAt: NOW,
    },
  ],
})

function expectRussian() {
  expect(englishLeftovers()).toEqual([])
}

describe('the console in Russian (issue 5, item 7)', () => {
  it('the inbox, a conversation, the composer and the visitor panel', async () => {
    const { open } = fakeSocket()
    render(
      inRussian(
        <ConsoleShell
          deps={testDeps(baseApi(), open, '/console/c/c1')}
          session={testSession}
          onSignedOut={() => undefined}
        />,
      ),
    )
    await screen.findByTestId('visitor-typing')
    await waitFor(() => expect(screen.queryByText('Загрузка…')).toBeNull())
    expectRussian()
    fireEvent.click(screen.getByTestId('transfer-open'))
    await waitFor(() => expect(screen.queryByText('Загрузка…')).toBeNull())
    expectRussian()
  })

  it('line settings, with special hours, and the admins-only error', async () => {
    const api: ConsoleApi = {
      ...baseApi(),
      listLines: async () => [{ ...lineDetail({ name: 'Общая' }), settings: {} }],
      getLine: async () => lineDetail({ name: 'Общая' }),
    }
    render(
      inRussian(
        <LinesPage
          api={api}
          route={{ name: 'line', id: 'line-1' }}
          navigate={navigate}
          timeZones={['Europe/Moscow']}
        />,
      ),
    )
    await screen.findByTestId('line-settings-form')
    fireEvent.click(screen.getByTestId('line-exception-add'))
    expect(screen.getByRole('heading', { name: 'Настройки линии «Общая»' })).toBeTruthy()
    expectRussian()
    cleanup()

    const forbidden = async () => {
      throw new ApiError(403, 'forbidden', 'Доступ запрещён')
    }
    render(
      inRussian(
        <LinesPage api={{ ...api, listLines: forbidden }} route={{ name: 'lines' }} navigate={navigate} />,
      ),
    )
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Изменять открытые линии могут только администраторы.',
    )
  })

  it('the install page', async () => {
    const widget: WidgetSummary = {
      id: 'w1',
      name: 'Магазин',
      publicSlug: 'shop',
      lineId: 'line-1',
      allowedOrigins: [],
      settings: {},
    }
    const api: ConsoleApi = {
      ...baseApi(),
      listWidgets: async () => [widget],
      widgetSnippet: async () => ({
        html: '<script src="https://chat.example.ru/w.js"></script>',
        externalHtml: '<script src="https://chat.example.ru/w.js" data-id="w1"></script>',
        publicChatUrl: 'https://chat.example.ru/c/shop',
      }),
    }
    render(inRussian(<InstallPage api={api} clipboard={null} businessName="Магазин" />))
    await screen.findByTestId('install-snippet')
    await screen.findByTestId('qr-print')
    expectRussian()
  })

  it('CRM connections, the connection editor and the delivery log', async () => {
    const connection: CrmConnectionView = {
      id: 'k1',
      name: 'Вебхук',
      enabled: true,
      settings: { kind: 'webhook', url: 'https://hooks.example.ru/***', secret: '***' },
      fieldMap: {},
      userMap: {},
    } as unknown as CrmConnectionView
    const delivery: CrmDelivery = {
      id: 'd1',
      connectionId: 'k1',
      connectionName: null,
      topic: 'lead.form',
      subjectId: 'sub-1',
      status: 'dead',
      attempts: 3,
      lastError: 'Ответ 500',
      nextAttemptAt: null,
      deliveredAt: null,
      crmId: null,
      createdAt: NOW - 60_000,
    }
    const crm = {
      listConnections: async () => [connection],
      listDeliveries: async () => [
        delivery,
        { ...delivery, id: 'd2', status: 'pending', nextAttemptAt: NOW + 600_000 },
      ],
    } as unknown as CrmApi
    render(inRussian(<CrmPage api={{ ...baseApi(), crm }} clock={clock} />))
    await screen.findByTestId('crm-connections')
    await screen.findAllByTestId('crm-delivery-replay')
    fireEvent.click(screen.getByTestId('crm-add'))
    await screen.findByTestId('crm-editor')
    fireEvent.click(screen.getByTestId('crm-save'))
    await screen.findByText('Укажите название подключения')
    expectRussian()
  })

  it('widget settings and the preview', async () => {
    const api: WidgetAdminApi = {
      updateWidget: async () => {
        throw new Error('not used')
      },
      widgetConfig: async () => ({
        settings: {},
        texts: { 'chat.title': 'Напишите нам', 'launcher.label': 'Чат' },
      }),
    }
    const widget: WidgetSummary = {
      id: 'w1',
      name: 'Магазин',
      publicSlug: 'shop',
      lineId: 'line-1',
      allowedOrigins: [],
      settings: {
        theme: 'auto',
        color: '#ffff00',
        channels: { enabled: ['chat', 'callback', 'form'] },
        displayRules: { proactive: [{ page: '*', delaySeconds: 10, message: 'Добрый день!' }] },
      },
    }
    render(inRussian(<WidgetSettingsForm api={api} widget={widget} forms={[contactForm]} />))
    await screen.findByTestId('widget-preview')
    await waitFor(() => expect(screen.queryByText('Загрузка текстов…')).toBeNull())
    expectRussian()
    fireEvent.input(screen.getByTestId('widget-settings-color'), { target: { value: 'red' } })
    await waitFor(() => expect(screen.queryByText('Загрузка текстов…')).toBeNull())
    expectRussian()
  })

  it('forms: the list, the builder with conditions and the submissions', async () => {
    render(
      inRussian(<FormsPage api={formsApi([contactForm])} route={{ name: 'forms' }} navigate={navigate} />),
    )
    await screen.findByTestId('form-create')
    expectRussian()
    cleanup()

    render(
      inRussian(<FormBuilder api={formsApi([contactForm])} form={contactForm} onSaved={() => undefined} />),
    )
    await screen.findByTestId('form-save')
    expectRussian()
    cleanup()

    render(
      inRussian(
        <SubmissionsPage
          api={formsApi([contactForm])}
          route={{ name: 'submissions', formId: null }}
          navigate={navigate}
        />,
      ),
    )
    await screen.findByTestId('submission')
    expectRussian()
  })

  it('quick answers and their editor', async () => {
    const answers: QuickAnswer[] = [
      {
        id: 'q1',
        scope: 'workspace',
        ownerId: null,
        shortcut: '/привет',
        title: 'Приветствие',
        text: 'Добрый день!',
        createdAt: 0,
        updatedAt: 0,
      },
      {
        id: 'q2',
        scope: 'personal',
        ownerId: 'op-me',
        shortcut: '/пока',
        title: 'Прощание',
        text: 'До свидания!',
        createdAt: 0,
        updatedAt: 0,
      },
    ]
    const api: ConsoleApi = {
      ...baseApi(),
      listQuickAnswers: async () => answers,
      quickAnswers: {
        createQuickAnswer: async () => answers[0]!,
        updateQuickAnswer: async () => answers[0]!,
        deleteQuickAnswer: async () => undefined,
      },
    }
    render(
      inRussian(<QuickAnswersPage api={api} operator={testSession.operator} onChanged={() => undefined} />),
    )
    await screen.findAllByTestId('qa-row')
    fireEvent.click(screen.getAllByTestId('qa-edit')[0]!)
    expectRussian()
  })

  it('the callbacks queue', async () => {
    const callback: CallbackView = {
      id: 'cb1',
      lineId: 'line-1',
      widgetId: 'w1',
      visitorId: 'v',
      name: 'Дана',
      phone: '+79001234567',
      topic: 'Доставка',
      preferred: 'asap',
      dueAt: NOW - 5 * 60_000,
      status: 'assigned',
      assigneeId: 'op-other',
      consentText: null,
      consentAt: null,
      locale: 'ru',
      visitorTimeZone: null,
      createdAt: NOW - 10 * 60_000,
      updatedAt: NOW - 10 * 60_000,
    }
    const api = {
      list: async () => [
        callback,
        { ...callback, id: 'cb2', preferred: 'slot' as const, dueAt: NOW + 3 * 3_600_000 },
      ],
      assign: async () => callback,
      outcome: async () => callback,
      reschedule: async () => callback,
    }
    render(
      inRussian(
        <CallbacksPage
          api={api}
          feed={createCallbackFeed()}
          clock={clock}
          timers={timers}
          operatorId="op-me"
        />,
      ),
    )
    await screen.findAllByTestId('callback-item')
    expectRussian()
    cleanup()

    // The same page in English is caught: the check is not vacuous.
    render(
      <CallbacksPage
        api={api}
        feed={createCallbackFeed()}
        clock={clock}
        timers={timers}
        operatorId="op-me"
      />,
    )
    await screen.findAllByTestId('callback-item')
    expect(englishLeftovers().length).toBeGreaterThan(5)
  })
})

describe('englishLeftovers', () => {
  it('finds English in text, labels and shadow roots but not in styles', () => {
    document.body.innerHTML =
      '<p>Готово</p><button aria-label="Remove Дана">×</button><style>.a{left:0}</style>'
    const host = document.createElement('div')
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>Chat with us</span>'
    document.body.append(host)
    expect(englishLeftovers()).toEqual(['Remove Дана', 'Chat with us'])
    document.body.innerHTML = ''
  })
})
