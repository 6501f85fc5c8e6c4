import { describe, expect, it } from 'vitest'
import type { ServerFrame } from '../../server/protocol/messages.ts'
import { CATALOGS, createI18n } from '../i18n/index.ts'
import { consoleReducer, initialConsoleState } from '../state/index.ts'
import { wireConversation } from '../state/test-fixtures.ts'
import { afterFrame, type FrameEffectsContext } from './realtime-effects.ts'

function run(frame: ServerFrame, t?: FrameEffectsContext['t']) {
  const alerts: string[][] = []
  const announced: string[] = []
  const after = consoleReducer(initialConsoleState, { type: 'frame', frame, now: 0 })
  afterFrame(frame, initialConsoleState, after, {
    send: () => true,
    newId: () => 'id',
    refreshInbox: () => undefined,
    alertNewConversation: (_id, title, body) => alerts.push([title, body]),
    announce: (text) => announced.push(text),
    openConversation: () => undefined,
    viewing: () => ({ conversationId: null, visible: true }),
    syncing: new Map(),
    sessions: 1,
    t,
  })
  return { alerts, announced }
}

const waiting: ServerFrame = {
  type: 'conversation.updated',
  conversation: wireConversation({ id: 'c1', visitorName: 'Дана', assigneeId: null }),
}

describe('notifications and announcements (issue 5, item 7)', () => {
  it('speak the console language', () => {
    const { alerts, announced } = run(waiting, createI18n('ru', CATALOGS.ru).t)
    expect(alerts).toEqual([['Новый чат ждёт ответа', 'Дана начинает диалог']])
    expect(announced).toEqual(['Новый чат: Дана'])
  })

  it('are English without a translator', () => {
    const { alerts, announced } = run(waiting)
    expect(alerts).toEqual([['New chat waiting', 'Дана started a conversation']])
    expect(announced).toEqual(['New chat from Дана'])
  })
})
