import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { WireAttachment } from '../../server/protocol/messages.ts'
import type { ConversationKpis, Session, VisitorRecord } from '../api/index.ts'
import { type Translate, useT } from '../i18n/index.ts'
// Issue 5, item 2: the callbacks queue.
import { createCallbackFeed } from '../state/callbacks-feed.ts'
import {
  consoleReducer,
  conversationsInTab,
  displayMessages,
  displayNotes,
  type InboxTab,
  incomingOffers,
  initialConsoleState,
  isVisitorTyping,
  notesOf,
  noticeText,
  outboxFor,
  type PresenceStatus,
  pendingNotesFor,
  TYPING_TTL_MS,
  tabOf,
  tabSummaries,
  threadOf,
} from '../state/index.ts'
import { AttachControl, attachmentIdsOf, uploadAttachment } from './attachments/index.ts'
import { CallbacksPage } from './callbacks/index.ts'
import { ConversationFacts } from './conversation-facts.tsx'
import { ConversationView } from './conversation-view.tsx'
import { CrmPage, CrmStatus } from './crm/index.ts'
import type { ConsoleDeps } from './deps.ts'
import { errorText } from './error-text.ts'
import { Issue5Pages, isIssue5Route } from './forms/lazy-pages.tsx'
import { Inbox } from './inbox.tsx'
import { IncomingOffers } from './incoming-offers.tsx'
import { InstallPage } from './install-page.tsx'
import { LinesPage } from './lines-page.tsx'
import { visitorLabel } from './names.ts'
// Issue 3 audit: the operator's own name and avatar
import { ProfilePage } from './profile/index.ts'
// Issue "Open lines", items 4 and 6: the quick-answers page
import { QuickAnswersPage } from './quick-answers/index.ts'
import { TeamActions } from './team-actions.tsx'
import type { Colleague, TransferTarget } from './team-dialogs.tsx'
import { TopBar } from './top-bar.tsx'
import { useConsoleRealtime } from './use-console-realtime.ts'
import { useNow } from './use-now.ts'
import { useOffers } from './use-offers.ts'
import { useQuickAnswers } from './use-quick-answers.ts'
import { useRoute } from './use-route.ts'
import { useStore } from './use-store.ts'
import { useTypingSender } from './use-typing-sender.ts'
import { VisitorPanel } from './visitor-panel.tsx'

export interface ConsoleShellProps {
  deps: ConsoleDeps
  session: Session
  onSignedOut(): void
}

export function ConsoleShell({ deps, session, onSignedOut }: ConsoleShellProps) {
  const t = useT()
  const me = session.operator.id
  // The profile page changes the name and avatar; the top bar and the reply box follow at once.
  const [operator, setOperator] = useState(session.operator)
  const [state, dispatch, getState] = useStore(consoleReducer, initialConsoleState)
  const [route, navigate] = useRoute(deps.history)
  const [tab, setTab] = useState<InboxTab>('waiting')
  const [announcement, setAnnouncement] = useState('')
  const [visible, setVisible] = useState(() => deps.page.isVisible())
  const [visitors, setVisitors] = useState<Record<string, VisitorRecord>>({})
  const [kpis, setKpis] = useState<Record<string, ConversationKpis>>({})
  const [loadError, setLoadError] = useState<string | null>(null)
  const [closing, setClosing] = useState(false)
  const [, setTypingTick] = useState(0)
  const now = useNow(deps.clock, deps.timers, 30_000)
  const conversationId = route.name === 'conversation' ? route.id : null
  const viewRef = useRef({ conversationId, visible })
  viewRef.current = { conversationId, visible }
  const marked = useRef(new Map<string, number>())
  const refreshing = useRef(false)

  const refreshInbox = useCallback(() => {
    if (refreshing.current) return
    refreshing.current = true
    Promise.all([
      deps.api.listConversations({ status: 'open' }),
      deps.api.listConversations({ status: 'closed' }),
    ])
      .then(([open, closed]) => dispatch({ type: 'inbox.loaded', conversations: [...open, ...closed] }))
      .catch((e: unknown) =>
        dispatch({ type: 'notice', text: t('consoleShell.couldNotLoadInbox', { error: errorText(e, t) }) }),
      )
      .finally(() => {
        refreshing.current = false
      })
  }, [deps, dispatch])

  const callbackFeed = useMemo(createCallbackFeed, [])
  const connection = useConsoleRealtime(deps, dispatch, getState, {
    refreshInbox,
    announce: setAnnouncement,
    alertNewConversation: (id, title, body) =>
      deps.notifier.alert(title, body, () => navigate({ name: 'conversation', id })),
    viewing: () => viewRef.current,
    openConversation: (id) => navigate({ name: 'conversation', id }),
    signedOut: onSignedOut,
    onSessionReady: () => marked.current.clear(),
    onAnyFrame: (frame) => callbackFeed.publish(frame),
    t,
  })
  const typing = useTypingSender(useMemo(() => ({ ...deps, send: connection.send }), [deps, connection]))
  const offers = useOffers(deps, connection, state.incoming, dispatch)
  const quickAnswers = useQuickAnswers(deps.api)

  useEffect(refreshInbox, [refreshInbox])
  useEffect(() => deps.page.onVisibilityChange(() => setVisible(deps.page.isVisible())), [deps])

  // Full history and visitor details whenever a conversation is opened (the context may have changed).
  useEffect(() => {
    if (!conversationId) return
    let live = true
    setLoadError(null)
    deps.api.getConversation(conversationId).then(
      (detail) => {
        if (!live) return
        dispatch({
          type: 'conversation.loaded',
          conversation: detail.conversation,
          messages: detail.messages,
          notes: detail.notes,
        })
        setVisitors((v) => ({ ...v, [conversationId]: detail.visitor }))
        const loadedKpis = detail.kpis
        if (loadedKpis) setKpis((k) => ({ ...k, [conversationId]: loadedKpis }))
      },
      (e: unknown) => live && setLoadError(errorText(e, t)),
    )
    return () => {
      live = false
    }
  }, [conversationId, deps, dispatch])

  const conversation = conversationId ? state.conversations[conversationId] : undefined
  const thread = conversationId ? threadOf(state, conversationId) : null
  const lastSeq = thread?.messages.at(-1)?.seq ?? 0

  // Mark read when the operator actually has the conversation on screen.
  useEffect(() => {
    if (!conversation || !visible || state.connection !== 'online') return
    if (lastSeq <= conversation.operatorReadSeq || (marked.current.get(conversation.id) ?? 0) >= lastSeq)
      return
    const frame = {
      type: 'message.read',
      id: deps.newId(),
      conversationId: conversation.id,
      seq: lastSeq,
    } as const
    if (connection.send(frame)) marked.current.set(conversation.id, lastSeq)
  }, [conversation, lastSeq, visible, state.connection, connection, deps])

  // Re-render when a "typing" indication should expire.
  const typingAt = conversationId ? state.visitorTyping[conversationId] : undefined
  useEffect(() => {
    if (typingAt === undefined) return
    const handle = deps.timers.setTimeout(() => setTypingTick((n) => n + 1), TYPING_TTL_MS + 50)
    return () => deps.timers.clearTimeout(handle)
  }, [typingAt, deps])

  // Opening a conversation (a link, a notification) or its moving between tabs (a reply claims it,
  // a close) shows the tab it belongs to; a manual tab switch sticks until then.
  const openedTab = conversation ? tabOf(conversation, me) : null
  const follow = conversationId && openedTab ? `${conversationId}:${openedTab}` : null
  useEffect(() => {
    if (follow) setTab(follow.slice(follow.lastIndexOf(':') + 1) as InboxTab)
  }, [follow])

  function send(body: string, files?: WireAttachment[]) {
    if (!conversationId) return
    typing.stop()
    const clientId = deps.newId()
    // Issue 5, item 4: a file goes out as a message of its own (empty body).
    const attached = files?.length ? { attachments: files } : {}
    dispatch({
      type: 'outbox.queued',
      entry: { clientId, conversationId, body, createdAt: deps.clock.now(), ...attached },
    })
    connection.send({
      type: 'message.send',
      id: clientId,
      conversationId,
      body,
      ...attachmentIdsOf(attached),
    })
  }

  function addNote(body: string) {
    if (!conversationId) return
    const clientId = deps.newId()
    dispatch({ type: 'note.queued', entry: { clientId, conversationId, body, createdAt: deps.clock.now() } })
    connection.send({ type: 'note.add', id: clientId, conversationId, body })
  }

  function transfer(to: TransferTarget, label: string) {
    if (!conversationId) return
    const id = deps.newId()
    dispatch({
      type: 'team.requested',
      clientId: id,
      done: { conversationId, text: t('consoleShell.transferredTo', { name: label }) },
    })
    if (!connection.send({ type: 'conversation.transfer', id, conversationId, to }))
      dispatch({ type: 'notice', text: t('consoleShell.notTransferred') })
  }

  function invite(operatorId: string, name: string) {
    if (!conversationId) return
    const id = deps.newId()
    dispatch({
      type: 'team.requested',
      clientId: id,
      done: { conversationId, text: t('consoleShell.invited', { name }) },
    })
    if (!connection.send({ type: 'conversation.invite', id, conversationId, operatorId }))
      dispatch({ type: 'notice', text: t('consoleShell.notInvited', { name }) })
  }

  function retry(clientId: string) {
    const entry = getState().outbox.find((e) => e.clientId === clientId)
    if (!entry?.conversationId) return
    dispatch({ type: 'outbox.retry', clientId })
    connection.send({
      type: 'message.send',
      id: clientId,
      conversationId: entry.conversationId,
      body: entry.body,
      ...attachmentIdsOf(entry),
    })
  }

  async function close() {
    if (!conversationId) return
    setClosing(true)
    try {
      dispatch({ type: 'inbox.loaded', conversations: [await deps.api.closeConversation(conversationId)] })
    } catch (e) {
      dispatch({ type: 'notice', text: t('consoleShell.couldNotClose', { error: errorText(e, t) }) })
    } finally {
      setClosing(false)
    }
  }

  /** Not sent while offline: the chosen status goes out after the next `session.ready`. */
  function setPresence(status: PresenceStatus) {
    dispatch({ type: 'presence.chosen', status })
    connection.send({ type: 'presence.set', id: deps.newId(), status })
  }

  async function signOut() {
    try {
      await deps.api.logout()
      onSignedOut()
    } catch (e) {
      dispatch({ type: 'notice', text: t('consoleShell.couldNotSignOut', { error: errorText(e, t) }) })
    }
  }

  const known = (id: string) => state.threads[id]?.messages
  const colleagues = useMemo(() => colleaguesSeen(state.conversations, me, t), [state.conversations, me, t])
  const showInbox =
    route.name !== 'install' &&
    route.name !== 'lines' &&
    route.name !== 'line' &&
    route.name !== 'crm' &&
    route.name !== 'callbacks' &&
    route.name !== 'quick-answers' &&
    route.name !== 'profile' &&
    !isIssue5Route(route)

  return (
    <div class="app">
      <a href="#main" class="skip-link">
        {t('consoleShell.skipToContent')}
      </a>
      <TopBar
        operatorName={operator.name}
        workspaceName={session.workspace.name}
        route={route}
        navigate={navigate}
        connection={state.connection}
        notifier={deps.notifier}
        presence={state.presence.status}
        onPresence={setPresence}
        onSignOut={signOut}
      />
      {state.notice && (
        <div class="notice" role="alert">
          {noticeText(state.notice, t)}{' '}
          <button type="button" class="link-button" onClick={() => dispatch({ type: 'notice', text: null })}>
            {t('consoleShell.dismiss')}
          </button>
        </div>
      )}
      <div class={`layout route-${route.name}`}>
        {showInbox && (
          <Inbox
            tab={tab}
            onTab={setTab}
            summaries={tabSummaries(state.conversations, me, known)}
            conversations={conversationsInTab(state.conversations, tab, me)}
            knownMessages={known}
            selectedId={conversationId}
            now={now}
            navigate={navigate}
            incoming={
              <IncomingOffers
                offers={incomingOffers(state)}
                clock={deps.clock}
                timers={deps.timers}
                onAccept={(id) => offers.answer(id, 'accept')}
                onSkip={(id) => offers.answer(id, 'skip')}
              />
            }
          />
        )}
        <main id="main" tabIndex={-1} class="main">
          {route.name === 'install' && (
            <InstallPage api={deps.api} clipboard={deps.clipboard} businessName={session.workspace.name} />
          )}
          {isIssue5Route(route) && <Issue5Pages api={deps.api} route={route} navigate={navigate} />}
          {(route.name === 'lines' || route.name === 'line') && (
            <LinesPage api={deps.api} route={route} navigate={navigate} />
          )}
          {route.name === 'crm' && <CrmPage api={deps.api} clock={deps.clock} subjectId={route.subjectId} />}
          {route.name === 'quick-answers' && (
            <QuickAnswersPage api={deps.api} operator={session.operator} onChanged={quickAnswers.reload} />
          )}
          {route.name === 'profile' && (
            <ProfilePage api={deps.api.profile} operator={operator} onSaved={setOperator} />
          )}
          {route.name === 'callbacks' && deps.api.callbacks && (
            <CallbacksPage
              api={deps.api.callbacks}
              feed={callbackFeed}
              clock={deps.clock}
              timers={deps.timers}
              operatorId={session.operator.id}
            />
          )}
          {route.name === 'inbox' && (
            <div class="placeholder">
              <h1>{t('consoleShell.inbox')}</h1>
              <p>{t('consoleShell.pickAConversationFrom')}</p>
            </div>
          )}
          {route.name === 'not-found' && (
            <div class="placeholder">
              <h1>{t('consoleShell.notFound')}</h1>
              <p>{t('consoleShell.thisPageDoesNot')}</p>
            </div>
          )}
          {route.name === 'conversation' && !conversation && (
            <p class={loadError ? 'form-error' : 'hint'} role={loadError ? 'alert' : undefined}>
              {loadError ?? t('consoleShell.loadingConversation')}
            </p>
          )}
          {conversation && thread && (
            <ConversationView
              conversation={conversation}
              messages={displayMessages(thread.messages, outboxFor(state, conversation.id), {
                ownKind: 'operator',
                ownName: operator.name,
                readByOtherSeq: conversation.visitorReadSeq,
              })}
              loading={!thread.loaded}
              visitorTyping={isVisitorTyping(state, conversation.id, deps.clock.now())}
              closing={closing}
              onSend={send}
              attach={
                <AttachControl
                  upload={(file) => uploadAttachment(file, session.csrfToken)}
                  onUploaded={(a) => send('', [a])}
                />
              }
              onTyping={() => typing.onInput(conversation.id)}
              onRetry={retry}
              onClose={close}
              notes={displayNotes(notesOf(state, conversation.id), pendingNotesFor(state, conversation.id))}
              onNote={addNote}
              quickAnswers={quickAnswers.items}
              quickAnswersError={quickAnswers.error}
              teamStatus={state.teamStatus?.conversationId === conversation.id ? state.teamStatus.text : null}
              teamActions={
                <TeamActions
                  api={deps.api}
                  me={me}
                  assigneeId={conversation.assigneeId}
                  participantIds={conversation.participantIds ?? []}
                  lineId={conversation.lineId}
                  fallbackColleagues={colleagues}
                  onTransfer={transfer}
                  onInvite={invite}
                />
              }
            />
          )}
        </main>
        {conversation && (
          <VisitorPanel
            visitor={visitors[conversation.id] ?? null}
            fallbackName={visitorLabel(conversation, t)}
            now={now}
          >
            <ConversationFacts
              rating={conversation.rating ?? kpis[conversation.id]?.rating ?? null}
              kpis={kpis[conversation.id] ?? null}
            />
            {/* Issue 6, item 2: where this chat's lead stands in the CRMs (the log is admins' only). */}
            {session.operator.role === 'admin' && deps.api.crm && (
              <CrmStatus
                crm={deps.api.crm}
                conversationId={conversation.id}
                version={conversation.updatedAt}
                navigate={navigate}
              />
            )}
          </VisitorPanel>
        )}
      </div>
      <div class="sr-only" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>
    </div>
  )
}

/**
 * Non-admins cannot list operators (GET /api/admin/operators is admin-only): the transfer and
 * invite dialogs fall back to the colleagues this console has seen on conversations. Only their ids
 * are known there, so they are shown by id.
 */
function colleaguesSeen(
  conversations: Readonly<Record<string, { assigneeId: string | null; participantIds?: string[] }>>,
  me: string,
  t: Translate,
): Colleague[] {
  const ids = new Set<string>()
  for (const c of Object.values(conversations)) {
    if (c.assigneeId) ids.add(c.assigneeId)
    for (const p of c.participantIds ?? []) ids.add(p)
  }
  ids.delete(me)
  return [...ids].sort().map((id) => ({ id, name: t('consoleShell.operatorId', { id: id.slice(0, 8) }) }))
}
