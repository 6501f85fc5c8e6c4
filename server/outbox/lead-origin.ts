/**
 * Where a lead came from — its line and widget — for the lead rules (issue 6, item 1), read from
 * what is stored when its event is expanded. A form has no line of its own: it is the line of the
 * widget it was sent from. Undefined when the subject is gone (its lead would be nothing anyway).
 */
import type { LeadKind } from '../crm/types.ts'
import type { LeadOrigin } from '../leads/lead-rules.ts'
import type { Store } from '../store/types.ts'

type OriginStore = Pick<Store, 'getConversation' | 'getCallback' | 'getFormSubmission' | 'getWidget'>

export async function leadOrigin(
  store: OriginStore,
  kind: LeadKind,
  workspaceId: string,
  subjectId: string,
): Promise<LeadOrigin | undefined> {
  switch (kind) {
    case 'chat': {
      const conversation = await store.getConversation(workspaceId, subjectId)
      return conversation && { lineId: conversation.lineId, widgetId: conversation.widgetId }
    }
    case 'callback': {
      const callback = await store.getCallback(workspaceId, subjectId)
      return callback && { lineId: callback.lineId, widgetId: callback.widgetId }
    }
    case 'form': {
      const submission = await store.getFormSubmission(workspaceId, subjectId)
      if (!submission) return undefined
      const widget = submission.widgetId ? await store.getWidget(workspaceId, submission.widgetId) : undefined
      return { lineId: widget?.lineId ?? null, widgetId: submission.widgetId }
    }
  }
}
