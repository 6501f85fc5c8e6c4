import { expect, it } from 'vitest'
import {
  expectStoreError,
  type GetStore,
  openConversation,
  seedTenant,
  T0,
  uniqueName,
  visitorMessage,
} from './fixtures.ts'

/** Notes, participants, transfers, ratings, KPIs and quick answers (issue "Open lines", items 4, 5, 7). */
export function teamworkContract(getStore: GetStore): void {
  it('numbers notes on their own counter, never touching the message seq, and dedupes resends', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const c = await openConversation(store, t)
    await store.appendMessage(visitorMessage(t, c, 'm1'))
    const note = {
      workspaceId: t.workspace.id,
      conversationId: c.id,
      clientId: 'n1',
      authorId: t.operator.id,
      authorName: 'Olga',
      body: 'VIP customer',
      now: T0 + 1,
    }
    const first = await store.appendNote(note)
    expect(first).toMatchObject({
      duplicate: false,
      note: { seq: 1, body: 'VIP customer', authorId: t.operator.id },
    })
    expect((await store.appendNote(note)).duplicate).toBe(true)
    const second = await store.appendNote({ ...note, clientId: 'n2', body: 'second' })
    expect(second.note.seq).toBe(2)
    const stored = await store.getConversation(t.workspace.id, c.id)
    expect(stored?.lastSeq).toBe(1)
    expect((await store.listMessages(t.workspace.id, c.id)).map((m) => m.body)).toEqual(['body of m1'])
    expect((await store.lastMessages(t.workspace.id, [c.id])).get(c.id)?.body).toBe('body of m1')
    expect((await store.listNotes(t.workspace.id, c.id)).map((n) => n.body)).toEqual([
      'VIP customer',
      'second',
    ])
    expect((await store.listNotes(t.workspace.id, c.id, { afterSeq: 1 })).map((n) => n.seq)).toEqual([2])
    const other = await seedTenant(store)
    expect(await store.listNotes(other.workspace.id, c.id)).toEqual([])
    await expectStoreError(
      store.appendNote({ ...note, workspaceId: other.workspace.id, clientId: 'x' }),
      'not_found',
    )
  })

  it('adds participants once and only from the same workspace', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    const colleague = await store.createOperator({
      workspaceId: t.workspace.id,
      email: `${uniqueName('col')}@example.com`,
      name: 'Colleague',
      passwordHash: 'h',
      role: 'operator',
      now: T0,
    })
    const c = await openConversation(store, t)
    const input = { workspaceId: t.workspace.id, conversationId: c.id, invitedBy: t.operator.id, now: T0 }
    expect(await store.addParticipant({ ...input, operatorId: colleague.id })).toBe(true)
    expect(await store.addParticipant({ ...input, operatorId: colleague.id })).toBe(false)
    await expectStoreError(store.addParticipant({ ...input, operatorId: other.operator.id }), 'not_found')
    expect(await store.participantsOf(t.workspace.id, [c.id])).toEqual(new Map([[c.id, [colleague.id]]]))
    expect(await store.participantsOf(other.workspace.id, [c.id])).toEqual(new Map())
  })

  it('transfers conditionally to an operator or a line, counting transfers and first assignment', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    const line2 = await store.createLine({ workspaceId: t.workspace.id, name: 'Support', now: T0 })
    const c = await openConversation(store, t, T0)
    const base = { workspaceId: t.workspace.id, conversationId: c.id, now: T0 + 500 }
    const toOp = await store.transferConversation({
      ...base,
      fromAssigneeId: null,
      to: { operatorId: t.operator.id },
    })
    expect(toOp).toMatchObject({ assigneeId: t.operator.id, lineId: t.line.id })
    // A second transfer that read the old assignee loses.
    expect(
      await store.transferConversation({ ...base, fromAssigneeId: null, to: { lineId: line2.id } }),
    ).toBeUndefined()
    const toLine = await store.transferConversation({
      ...base,
      now: T0 + 900,
      fromAssigneeId: t.operator.id,
      to: { lineId: line2.id },
    })
    expect(toLine).toMatchObject({ assigneeId: null, lineId: line2.id })
    await expectStoreError(
      store.transferConversation({ ...base, fromAssigneeId: null, to: { operatorId: other.operator.id } }),
      'not_found',
    )
    await expectStoreError(
      store.transferConversation({ ...base, fromAssigneeId: null, to: { lineId: other.line.id } }),
      'not_found',
    )
    const kpis = await store.getConversationKpis(t.workspace.id, c.id)
    expect(kpis).toMatchObject({ transfers: 2, waitMs: 500 })
    expect(await store.getConversationKpis(other.workspace.id, c.id)).toBeUndefined()
  })

  it('records wait, first answer, close reason and working hours as things happen', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const c = await store.createConversation({
      workspaceId: t.workspace.id,
      lineId: t.line.id,
      widgetId: t.widget.id,
      visitorId: t.visitor.id,
      now: T0,
      startedInsideWorkingHours: true,
    })
    const reply = (clientId: string, now: number) => ({
      workspaceId: t.workspace.id,
      conversationId: c.id,
      clientId,
      authorKind: 'operator' as const,
      authorId: t.operator.id,
      authorName: 'Olga',
      body: 'hi',
      now,
    })
    // A greeting before the visitor wrote is not an answer.
    await store.appendMessage(reply('greet', T0 + 10))
    await store.appendMessage(visitorMessage(t, c, 'v1', T0 + 100))
    await store.appendMessage(visitorMessage(t, c, 'v2', T0 + 200))
    await store.assignIfUnassigned(t.workspace.id, c.id, t.operator.id, T0 + 300)
    await store.appendMessage(reply('r1', T0 + 1100))
    await store.appendMessage(reply('r2', T0 + 5000))
    await store.updateConversation(t.workspace.id, c.id, {
      status: 'closed',
      closedAt: T0 + 6000,
      closeReason: 'visitor',
      now: T0 + 6000,
    })
    expect(await store.getConversationKpis(t.workspace.id, c.id)).toEqual({
      waitMs: 300,
      firstAnswerMs: 1000,
      transfers: 0,
      closeReason: 'visitor',
      rating: null,
      startedInsideWorkingHours: true,
    })
    const fresh = await openConversation(store, t)
    expect(await store.getConversationKpis(t.workspace.id, fresh.id)).toEqual({
      waitMs: null,
      firstAnswerMs: null,
      transfers: 0,
      closeReason: null,
      rating: null,
      startedInsideWorkingHours: null,
    })
  })

  it('rates only closed conversations within the window, the latest rating replacing the first', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const c = await openConversation(store, t)
    const rate = (rating: 'like' | 'dislike', now: number, notClosedBefore = 0) =>
      store.rateConversation({
        workspaceId: t.workspace.id,
        conversationId: c.id,
        rating,
        comment: rating === 'dislike' ? 'slow' : null,
        notClosedBefore,
        now,
      })
    expect(await rate('like', T0)).toBeUndefined()
    await store.updateConversation(t.workspace.id, c.id, {
      status: 'closed',
      closedAt: T0 + 10,
      now: T0 + 10,
    })
    expect(await rate('like', T0 + 20)).toBeDefined()
    expect(await rate('dislike', T0 + 30)).toBeDefined()
    expect(await rate('like', T0 + 40, T0 + 11)).toBeUndefined()
    expect(await store.ratingsOf(t.workspace.id, [c.id])).toEqual(
      new Map([[c.id, { value: 'dislike', comment: 'slow', ratedAt: T0 + 30 }]]),
    )
    expect((await store.getConversationKpis(t.workspace.id, c.id))?.rating?.value).toBe('dislike')
    const other = await seedTenant(store)
    expect(await store.ratingsOf(other.workspace.id, [c.id])).toEqual(new Map())
  })

  it('keeps quick answers per workspace, personal ones visible only to their owner', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    const shared = await store.createQuickAnswer({
      workspaceId: t.workspace.id,
      scope: 'workspace',
      ownerId: t.operator.id,
      shortcut: '/hello',
      title: 'Hello',
      text: 'Hello! How can I help?',
      now: T0,
    })
    expect(shared.ownerId).toBeNull()
    const mine = await store.createQuickAnswer({
      workspaceId: t.workspace.id,
      scope: 'personal',
      ownerId: t.operator.id,
      shortcut: '/bye',
      title: 'Bye',
      text: 'Bye!',
      now: T0,
    })
    expect((await store.listQuickAnswers(t.workspace.id, t.operator.id)).map((a) => a.id)).toEqual([
      mine.id,
      shared.id,
    ])
    expect((await store.listQuickAnswers(t.workspace.id, 'someone-else')).map((a) => a.id)).toEqual([
      shared.id,
    ])
    expect(await store.listQuickAnswers(other.workspace.id, t.operator.id)).toEqual([])
    const updated = await store.updateQuickAnswer(t.workspace.id, mine.id, { text: 'Goodbye!', now: T0 + 5 })
    expect(updated).toMatchObject({ text: 'Goodbye!', title: 'Bye', updatedAt: T0 + 5 })
    await expectStoreError(
      store.updateQuickAnswer(other.workspace.id, mine.id, { text: 'x', now: T0 }),
      'not_found',
    )
    expect(await store.deleteQuickAnswer(other.workspace.id, mine.id)).toBe(false)
    expect(await store.deleteQuickAnswer(t.workspace.id, mine.id)).toBe(true)
    expect(await store.getQuickAnswer(t.workspace.id, mine.id)).toBeUndefined()
    await expectStoreError(
      store.createQuickAnswer({
        ...shared,
        workspaceId: t.workspace.id,
        scope: 'personal',
        ownerId: other.operator.id,
        now: T0,
      }),
      'not_found',
    )
  })
}
