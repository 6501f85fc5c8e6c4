import type { OperatorSession } from '../../auth/index.ts'
import type { Actor } from '../../chat/types.ts'
import type { HttpDeps } from '../deps.ts'
import { HttpError } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { presentVisitor } from '../present.ts'
import { routes } from '../route-table.ts'

/** The workspace always comes from the session, never from the request. */
function operatorActor(auth: OperatorSession): Actor {
  return { kind: 'operator', workspaceId: auth.session.workspaceId, operator: auth.operator }
}

export function mountConversations({ mount }: Mounter, deps: HttpDeps): void {
  const { chat, store } = deps

  mount(routes.listConversations, async (c, { auth, query }) => {
    const conversations = await chat.list(operatorActor(auth), query)
    return c.json({ conversations })
  })

  mount(routes.getConversation, async (c, { auth, params }) => {
    const actor = operatorActor(auth)
    const conversation = await chat.get(actor, params.id)
    const [{ messages, notes }, visitor, kpis] = await Promise.all([
      chat.sync(actor, params.id, 0),
      store.getVisitor(actor.workspaceId, conversation.visitorId),
      chat.kpis(actor, params.id),
    ])
    if (!visitor) throw new HttpError(404, 'not_found', 'The visitor of this conversation no longer exists')
    return c.json({ conversation, messages, notes, kpis, visitor: presentVisitor(visitor) })
  })

  mount(routes.sendMessage, async (c, { auth, params, body }) => {
    const result = await chat.send(operatorActor(auth), { ...body, conversationId: params.id })
    return c.json({ message: result.message, duplicate: result.duplicate }, result.duplicate ? 200 : 201)
  })

  mount(routes.closeConversation, async (c, { auth, params }) => {
    const conversation = await chat.close(operatorActor(auth), params.id)
    return c.json({ conversation })
  })
}
