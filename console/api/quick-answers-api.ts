/**
 * The quick-answers page's calls (issue "Open lines", items 4 and 6): add, change and remove saved
 * replies. Listing uses `ConsoleApi.listQuickAnswers`, the same call the composer's `/` list makes.
 */
import type { z } from 'zod'
import type * as s from '../../server/http/schemas.ts'
import type { QuickAnswer } from './console-api.ts'
import type { HttpClient } from './http-client.ts'

export type QuickAnswerInput = z.input<typeof s.createQuickAnswerBody>
export type QuickAnswerPatch = z.input<typeof s.updateQuickAnswerBody>

export interface QuickAnswersApi {
  createQuickAnswer(input: QuickAnswerInput): Promise<QuickAnswer>
  updateQuickAnswer(answerId: string, patch: QuickAnswerPatch): Promise<QuickAnswer>
  deleteQuickAnswer(answerId: string): Promise<void>
}

export function createQuickAnswersApi(http: HttpClient): QuickAnswersApi {
  const id = encodeURIComponent
  return {
    async createQuickAnswer(input) {
      return (await http.send<{ quickAnswer: QuickAnswer }>('POST', '/api/quick-answers', input)).quickAnswer
    },
    async updateQuickAnswer(answerId, patch) {
      return (
        await http.send<{ quickAnswer: QuickAnswer }>('PATCH', `/api/quick-answers/${id(answerId)}`, patch)
      ).quickAnswer
    },
    async deleteQuickAnswer(answerId) {
      await http.send<void>('DELETE', `/api/quick-answers/${id(answerId)}`)
    },
  }
}
