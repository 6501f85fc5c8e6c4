/**
 * Quick answers (issue "Open lines", item 4): canned replies operators insert by shortcut.
 * Workspace answers are shared and only admins change them; personal ones belong to one operator,
 * and nobody else sees or changes them (another operator gets 404, as if it did not exist).
 */
import type { OperatorSession } from '../../auth/index.ts'
import type { QuickAnswer } from '../../store/types.ts'
import type { HttpDeps } from '../deps.ts'
import { HttpError } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { routes } from '../route-table.ts'

function present(a: QuickAnswer) {
  return {
    id: a.id,
    scope: a.scope,
    ownerId: a.ownerId,
    shortcut: a.shortcut,
    title: a.title,
    text: a.text,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  }
}

export function mountQuickAnswers({ mount }: Mounter, deps: HttpDeps): void {
  const { store, clock } = deps

  /** The answer if this operator may change it; 404 for another's personal answer. */
  async function changeable(auth: OperatorSession, id: string): Promise<QuickAnswer> {
    const answer = await store.getQuickAnswer(auth.session.workspaceId, id)
    if (!answer || (answer.scope === 'personal' && answer.ownerId !== auth.operator.id)) {
      throw new HttpError(404, 'not_found', 'No such quick answer')
    }
    if (answer.scope === 'workspace' && auth.operator.role !== 'admin') {
      throw new HttpError(403, 'forbidden', 'Only admins change workspace quick answers')
    }
    return answer
  }

  mount(routes.listQuickAnswers, async (c, { auth }) => {
    const answers = await store.listQuickAnswers(auth.session.workspaceId, auth.operator.id)
    return c.json({ quickAnswers: answers.map(present) })
  })

  mount(routes.createQuickAnswer, async (c, { auth, body }) => {
    if (body.scope === 'workspace' && auth.operator.role !== 'admin') {
      throw new HttpError(403, 'forbidden', 'Only admins create workspace quick answers')
    }
    const answer = await store.createQuickAnswer({
      workspaceId: auth.session.workspaceId,
      scope: body.scope,
      ownerId: body.scope === 'personal' ? auth.operator.id : null,
      shortcut: body.shortcut,
      title: body.title,
      text: body.text,
      now: clock.now(),
    })
    return c.json({ quickAnswer: present(answer) }, 201)
  })

  mount(routes.updateQuickAnswer, async (c, { auth, params, body }) => {
    await changeable(auth, params.id)
    const answer = await store.updateQuickAnswer(auth.session.workspaceId, params.id, {
      ...body,
      now: clock.now(),
    })
    return c.json({ quickAnswer: present(answer) })
  })

  mount(routes.deleteQuickAnswer, async (c, { auth, params }) => {
    await changeable(auth, params.id)
    await store.deleteQuickAnswer(auth.session.workspaceId, params.id)
    return c.body(null, 204)
  })
}
