/**
 * The auto-reply and auto-close runtime (issue "Open lines"; rules in docs/lines.md, "Auto-replies").
 * Event-driven like the line router: a visitor message, an operator reply, a closing, and ONE timer
 * per conversation at the earlier of the rules' `nextCheckAt` and the auto-close instant run an
 * evaluation: read the conversation, its line and its messages from the shared store, ask the pure
 * `decideAutoReplies`, post each reply as a system message through the chat service and re-arm.
 * Evaluations of one conversation never overlap on a node; across nodes the deterministic client ids
 * make a reply stored (and published) once.
 */
import {
  type AutoRepliesSettings,
  type AutoReplyEvent,
  type AutoReplyInput,
  autoReplyText,
  decideAutoReplies,
  renderTemplate,
} from '../auto-replies/index.ts'
import type { AutoReplyHooks, ChatAutomation } from '../chat/index.ts'
import { type LineSettings, readLineSettings } from '../line-settings/index.ts'
import { autoCloseAt } from '../routing/index.ts'
import type { Conversation, JsonObject, Store } from '../store/types.ts'
import { createLinePeriodMemo, nextOpening, offHoursBehaviour } from '../working-hours/index.ts'
import { autoClientId } from './auto-client-id.ts'
import { readConversationFacts, withSessionStart } from './conversation-facts.ts'
import { replyLanguage } from './reply-language.ts'
import { type RuntimeTimers, realTimers } from './runtime-timers.ts'
import { visitorClock } from './visitor-clock.ts'

export type RuntimeLog = (
  level: 'debug' | 'info' | 'warn' | 'error',
  msg: string,
  fields?: Record<string, unknown>,
) => void

export interface AutoReplyRuntimeDeps {
  store: Store
  clock: { now(): number }
  log: RuntimeLog
  timers?: RuntimeTimers
}

export interface AutoReplyRuntime extends AutoReplyHooks {
  /** Connects the chat service and re-arms the timers of recent open conversations (restart). */
  start(chat: ChatAutomation): Promise<void>
  /** Resolves when no evaluation is running or queued on this node (tests). */
  idle(): Promise<void>
  close(): Promise<void>
}

/**
 * On start only conversations updated within this window are looked at, at most RESTART_LIMIT of
 * them (newest first): a conversation quiet for longer is past any no-answer wait worth sending, and
 * its next message arms it again. Auto-close waits longer than a day are therefore not re-armed.
 */
export const RESTART_WINDOW_MS = 24 * 60 * 60_000
export const RESTART_LIMIT = 2000
/** A failed evaluation (database blip) is retried after this long. */
const RETRY_MS = 5000
/** Floor for a timer, so an instant already past can never spin. */
const MIN_DELAY_MS = 10

type Evaluation = AutoReplyEvent | 'operator-reply'

/**
 * Opt-in: a line sends auto-replies only once its `autoReplies` part was saved. The schema's
 * defaults are all on, and applying them to lines stored before auto-replies existed (the demo
 * line among them) would start writing to every visitor of an upgraded installation unasked.
 * The off-hours reply also follows the line's off-hours rule (only `accept-and-reply` sends it).
 */
function effectiveAutoReplies(stored: JsonObject, settings: LineSettings): AutoRepliesSettings {
  const rules = settings.autoReplies
  if (!('autoReplies' in stored)) {
    return {
      welcome: { ...rules.welcome, enabled: false },
      offHours: { ...rules.offHours, enabled: false },
      noAnswer: { ...rules.noAnswer, enabled: false },
      onClose: { ...rules.onClose, enabled: false },
    }
  }
  const sendOffHours = offHoursBehaviour(settings.offHours, false).sendOffHoursReply
  return { ...rules, offHours: { ...rules.offHours, enabled: rules.offHours.enabled && sendOffHours } }
}

export function createAutoReplyRuntime(deps: AutoReplyRuntimeDeps): AutoReplyRuntime {
  const { store, clock, log } = deps
  const timers = deps.timers ?? realTimers
  const chains = new Map<string, Promise<void>>()
  const armed = new Map<string, { cancel(): void }>()
  let chat: ChatAutomation | undefined
  let closed = false
  // Asked on every visitor message; the answer only changes when the line opens or closes.
  const periodOf = createLinePeriodMemo()

  function enqueue(workspaceId: string, conversationId: string, event: Evaluation): void {
    if (closed) return
    const key = `${workspaceId}:${conversationId}`
    const previous = chains.get(key) ?? Promise.resolve()
    const next = previous.then(() => evaluateSafely(workspaceId, conversationId, event))
    chains.set(key, next)
    void next.then(() => {
      if (chains.get(key) === next) chains.delete(key)
    })
  }

  async function evaluateSafely(
    workspaceId: string,
    conversationId: string,
    event: Evaluation,
  ): Promise<void> {
    if (closed || !chat) return
    try {
      await evaluate(chat, workspaceId, conversationId, event)
    } catch (error) {
      log('error', 'auto-replies: evaluation failed; retrying', {
        workspaceId,
        conversationId,
        event,
        retryInMs: RETRY_MS,
        error: error instanceof Error ? error.message : String(error),
      })
      // Retried as a tick: greetings are tied to the message that asked for them and are not resent.
      arm(`${workspaceId}:${conversationId}`, workspaceId, conversationId, clock.now() + RETRY_MS)
    }
  }

  async function evaluate(
    outlet: ChatAutomation,
    workspaceId: string,
    conversationId: string,
    event: Evaluation,
  ): Promise<void> {
    const key = `${workspaceId}:${conversationId}`
    const conversation = await store.getConversation(workspaceId, conversationId)
    const isClosing = event === 'conversation-closed'
    if (!conversation || (conversation.status === 'closed') !== isClosing) {
      disarm(key)
      return
    }
    const line = await store.getLine(workspaceId, conversation.lineId)
    if (!line) return disarm(key)
    const settings = readLineSettings(line.settings)
    const read = await readConversationFacts(store, conversation)
    const facts =
      settings.autoReplies.welcome.when === 'each-session'
        ? await withSessionStart(store, conversation, read)
        : read
    const now = clock.now()
    const period = periodOf(settings.workingHours, now)
    const input: AutoReplyInput = {
      event: event === 'operator-reply' ? 'tick' : event,
      now,
      conversation: facts,
      lineOpen: period.open,
      lineSince: period.since,
      lineUntil: period.until,
      settings: effectiveAutoReplies(line.settings, settings),
    }
    const decision = decideAutoReplies(input)
    if (decision.replies.length > 0) {
      const visitor = await store.getVisitor(workspaceId, conversation.visitorId)
      const widget = conversation.widgetId
        ? await store.getWidget(workspaceId, conversation.widgetId)
        : undefined
      // Issue 5, item 7: default texts in the visitor's language; a line's own texts as written.
      const language = replyLanguage(widget, visitor)
      const values = {
        ...visitorClock(visitor, now),
        locale: language.formatLocale,
        visitorName: visitor?.name ?? null,
        lineName: line.name,
        nextOpening: nextOpening(settings.workingHours, now),
      }
      for (const reply of decision.replies) {
        const n = facts.sentAutoReplies.filter((sent) => sent.kind === reply.kind).length + 1
        const clientId = autoClientId(
          reply.kind,
          conversation.id,
          n,
          reply.offerCallback ? 'callback' : undefined,
        )
        const text = autoReplyText(reply.kind, reply.text, language.texts)
        await outlet.postSystemMessage(conversation, clientId, renderTemplate(text, values))
      }
    }
    if (isClosing) return disarm(key)
    const closeAt = autoCloseAt(facts.lastActivityAt, settings.routing)
    if (closeAt !== null && now >= closeAt) {
      disarm(key)
      await outlet.closeForInactivity(workspaceId, conversation.id)
      return
    }
    const wakeAt = [decision.nextCheckAt, closeAt].filter((at): at is number => at !== null)
    if (wakeAt.length === 0) return disarm(key)
    arm(key, workspaceId, conversation.id, Math.min(...wakeAt))
  }

  function disarm(key: string): void {
    armed.get(key)?.cancel()
    armed.delete(key)
  }

  function arm(key: string, workspaceId: string, conversationId: string, at: number): void {
    disarm(key)
    if (closed) return
    const timer = timers.set(
      () => {
        armed.delete(key)
        enqueue(workspaceId, conversationId, 'tick')
      },
      Math.max(MIN_DELAY_MS, at - clock.now()),
    )
    armed.set(key, timer)
  }

  async function rearmRecent(): Promise<void> {
    const recent = await store.listRecentOpenConversations({
      updatedSince: clock.now() - RESTART_WINDOW_MS,
      limit: RESTART_LIMIT,
    })
    for (const conversation of recent) enqueue(conversation.workspaceId, conversation.id, 'tick')
  }

  const on = (event: Evaluation) => (conversation: Conversation) =>
    enqueue(conversation.workspaceId, conversation.id, event)

  return {
    visitorMessage: on('visitor-message'),
    operatorReplied: on('operator-reply'),
    closed: on('conversation-closed'),

    async start(outlet) {
      chat = outlet
      await rearmRecent()
    },

    async idle() {
      while (chains.size > 0) await Promise.all(chains.values())
    },

    async close() {
      closed = true
      for (const timer of armed.values()) timer.cancel()
      armed.clear()
      while (chains.size > 0) await Promise.all(chains.values())
    },
  }
}
