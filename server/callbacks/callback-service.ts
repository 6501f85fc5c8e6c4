/**
 * The one place callback requests are made and changed (issue 5, item 2): store first, then tell
 * the workspace's operators on the bus (`callback.created` / `callback.updated`).
 */
import type { Bus } from '../bus/types.ts'
import { channels } from '../bus/types.ts'
import type { FormValues } from '../forms/form-types.ts'
import { localizeFieldErrors } from '../forms/localize.ts'
import { readLineSettings } from '../line-settings/index.ts'
import type { ServerFrame } from '../protocol/messages.ts'
import type { Callback, CallbackEvent } from '../store/callback-types.ts'
import type { Line, Store, Widget } from '../store/types.ts'
import { readWidgetSettings } from '../widgets/settings-schema.ts'
import { widgetOffer } from '../widgets/widget-offer.ts'
import { isOpen, isValidTimeZone, type WorkingHours } from '../working-hours/index.ts'
import { consentTextOf, readCallbackSettings } from './callback-settings.ts'
import { checkExtraAnswers } from './extra-answers.ts'
import { asCountry, countryFromLocale, normalisePhone } from './phone.ts'
import { asapDue, callbackSlots, isOfferedSlot, SLOT_STEP_MINUTES } from './schedule.ts'
import { type CallbackAction, isRefusal, planCallbackChange } from './transitions.ts'
import { toWireCallback } from './wire.ts'

export type CallbackErrorCode =
  | 'not_found'
  | 'invalid_phone'
  | 'slot_unavailable'
  | 'consent_required'
  | 'already_called'
  | 'due_in_past'
  | 'invalid_submission'
  | 'channel_off'

export class CallbackError extends Error {
  constructor(
    readonly code: CallbackErrorCode,
    message: string,
    /** The request field at fault, so a form can show the message next to it. */
    readonly field?: string,
    /** invalid_submission: a message per extra field (issue 5 item 3), in the visitor's language. */
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'CallbackError'
  }
}

export interface CallbackServiceDeps {
  store: Store
  bus: Pick<Bus, 'publish'>
  clock: { now(): number }
}

/** Who asks: a visitor token's payload. */
export interface VisitorRef {
  workspaceId: string
  visitorId: string
  /** Null for a visitor not started from a widget: they have no line to be called back from. */
  widgetId: string | null
}

export interface CallbackOptions {
  /** The business's IANA zone; slots are instants, the widget shows them in the visitor's zone. */
  timeZone: string
  open: boolean
  /** When an "as soon as possible" request made now would be due. */
  asapDueAt: number
  stepMinutes: number
  slots: number[]
  /** The consent checkbox's text in the visitor's language; null = no checkbox. */
  consentText: string | null
  defaultCountry: string | null
}

export interface CallbackRequest {
  name: string
  phone: string
  topic?: string | undefined
  /** A slot start from `options.slots`; null = as soon as possible. */
  slot: number | null
  consent?: boolean | undefined
  locale?: string | undefined
  timeZone?: string | undefined
  /** Answers to the widget's extra callback form (`callback.extraFormId`), by field key. */
  extra?: FormValues | undefined
}

export interface CallbackService {
  options(visitor: VisitorRef, locale: string | undefined): Promise<CallbackOptions>
  request(visitor: VisitorRef, input: CallbackRequest): Promise<{ callback: Callback; timeZone: string }>
  act(workspaceId: string, actorId: string, id: string, action: CallbackAction): Promise<Callback>
  detail(workspaceId: string, id: string): Promise<{ callback: Callback; events: CallbackEvent[] }>
}

/** The visitor's zone as they told it (the widget reports it in the visitor context), if it is one. */
const visitorZone = (zone: unknown): string | null =>
  typeof zone === 'string' && isValidTimeZone(zone) ? zone : null

export function createCallbackService({ store, bus, clock }: CallbackServiceDeps): CallbackService {
  async function publish(
    frame: ServerFrame & { type: 'callback.created' | 'callback.updated' },
    workspaceId: string,
  ) {
    await bus.publish(channels.operators(workspaceId), frame)
  }

  /**
   * The visitor's widget and line, when that widget offers callbacks. Issue 5: a request to a widget
   * whose callback channel is off is hostile input to a switched-off channel, refused like one.
   */
  async function context(visitor: VisitorRef): Promise<{ widget: Widget; line: Line; hours: WorkingHours }> {
    const widget = visitor.widgetId ? await store.getWidget(visitor.workspaceId, visitor.widgetId) : undefined
    const line = widget && (await store.getLine(visitor.workspaceId, widget.lineId))
    if (!widget || !line) throw new CallbackError('not_found', 'No such widget')
    const lineSettings = readLineSettings(line.settings)
    if (!widgetOffer(readWidgetSettings(widget.settings).channels, lineSettings.offHours).callback) {
      throw new CallbackError('channel_off', 'This widget does not offer callback requests')
    }
    return { widget, line, hours: lineSettings.workingHours }
  }

  return {
    async options(visitor, locale) {
      const { widget, hours } = await context(visitor)
      const settings = readCallbackSettings(widget.settings)
      const now = clock.now()
      return {
        timeZone: hours.timeZone,
        open: isOpen(hours, now),
        asapDueAt: asapDue(hours, now),
        stepMinutes: SLOT_STEP_MINUTES,
        slots: callbackSlots(hours, now, { days: settings.slotDays }),
        consentText: consentTextOf(settings, widget.settings, locale),
        defaultCountry: settings.defaultCountry ?? null,
      }
    },

    async request(visitorRef, input) {
      const { widget, line, hours } = await context(visitorRef)
      const visitor = await store.getVisitor(visitorRef.workspaceId, visitorRef.visitorId)
      if (!visitor) throw new CallbackError('not_found', 'No such visitor')
      const settings = readCallbackSettings(widget.settings)
      const country =
        asCountry(settings.defaultCountry) ??
        countryFromLocale(input.locale) ??
        countryFromLocale(typeof visitor.context.language === 'string' ? visitor.context.language : undefined)
      const phone = normalisePhone(input.phone, country)
      if (!phone) throw new CallbackError('invalid_phone', 'This is not a valid phone number', 'phone')
      const consentText = consentTextOf(settings, widget.settings, input.locale)
      if (consentText !== null && input.consent !== true) {
        throw new CallbackError('consent_required', 'Consent is required', 'consent')
      }
      const now = clock.now()
      if (input.slot !== null && !isOfferedSlot(hours, now, input.slot, { days: settings.slotDays })) {
        throw new CallbackError('slot_unavailable', 'This time is not available any more', 'slot')
      }
      const answers = await checkExtraAnswers(store, {
        workspaceId: visitor.workspaceId,
        visitorId: visitor.id,
        formId: settings.extraFormId,
        values: input.extra ?? {},
      })
      if (!answers.ok) {
        const fields = localizeFieldErrors(answers.fields, input.locale)
        throw new CallbackError('invalid_submission', 'Some fields need attention', undefined, fields)
      }
      const callback = await store.createCallback({
        workspaceId: visitorRef.workspaceId,
        lineId: line.id,
        widgetId: widget.id,
        visitorId: visitor.id,
        name: input.name,
        phone,
        topic: input.topic || null,
        preferred: input.slot === null ? 'asap' : 'slot',
        dueAt: input.slot ?? asapDue(hours, now),
        consentText,
        locale: input.locale ?? null,
        visitorTimeZone: visitorZone(input.timeZone ?? visitor.context.timeZone),
        extra: answers.extra,
        now,
      })
      // The console's visitor panel shows what the visitor told us, wherever they told it.
      if (visitor.name === null || visitor.phone === null) {
        await store.updateVisitor(visitor.workspaceId, visitor.id, {
          ...(visitor.name === null && { name: input.name }),
          ...(visitor.phone === null && { phone }),
        })
      }
      await publish({ type: 'callback.created', callback: toWireCallback(callback) }, callback.workspaceId)
      return { callback, timeZone: hours.timeZone }
    },

    async act(workspaceId, actorId, id, action) {
      const current = await store.getCallback(workspaceId, id)
      if (!current) throw new CallbackError('not_found', 'No such callback')
      if (action.kind === 'assign' && !(await store.getOperator(workspaceId, action.operatorId))) {
        throw new CallbackError('not_found', 'No such operator', 'operatorId')
      }
      const plan = planCallbackChange(current, action, actorId, clock.now())
      if (isRefusal(plan)) throw new CallbackError(plan.refused, plan.message)
      const callback = await store.changeCallback(workspaceId, id, plan)
      await publish({ type: 'callback.updated', callback: toWireCallback(callback) }, workspaceId)
      return callback
    },

    async detail(workspaceId, id) {
      const callback = await store.getCallback(workspaceId, id)
      if (!callback) throw new CallbackError('not_found', 'No such callback')
      return { callback, events: await store.listCallbackEvents(workspaceId, id) }
    },
  }
}
