/** The callback queue's calls (issue 5, item 2; server/http/routes/callbacks-routes.ts). */
import type { WireCallback } from '../../server/protocol/messages.ts'
import type { HttpClient } from './http-client.ts'

export type CallbackView = WireCallback
export type CallbackStatus = WireCallback['status']

export interface CallbacksApi {
  list(statuses: CallbackStatus[]): Promise<CallbackView[]>
  /** To the signed-in operator when `operatorId` is absent. */
  assign(id: string, operatorId?: string): Promise<CallbackView>
  outcome(id: string, outcome: 'called' | 'no_answer'): Promise<CallbackView>
  reschedule(id: string, dueAt: number): Promise<CallbackView>
}

export function createCallbacksApi(http: HttpClient): CallbacksApi {
  type One = { callback: CallbackView }
  const at = (id: string, action: string) => `/api/callbacks/${encodeURIComponent(id)}/${action}`
  return {
    async list(statuses) {
      const query = statuses.length ? `?status=${statuses.join(',')}` : ''
      return (await http.get<{ callbacks: CallbackView[] }>(`/api/callbacks${query}`)).callbacks
    },
    assign: async (id, operatorId) =>
      (await http.send<One>('POST', at(id, 'assign'), operatorId ? { operatorId } : {})).callback,
    outcome: async (id, outcome) => (await http.send<One>('POST', at(id, 'outcome'), { outcome })).callback,
    reschedule: async (id, dueAt) => (await http.send<One>('POST', at(id, 'reschedule'), { dueAt })).callback,
  }
}
