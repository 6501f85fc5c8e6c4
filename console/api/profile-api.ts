/** The signed-in operator's own profile (issue 3 audit): PATCH /api/me. */
import type { z } from 'zod'
import type { updateMeBody } from '../../server/http/routes/profile-routes.ts'
import type { Operator } from './console-api.ts'
import type { HttpClient } from './http-client.ts'

export type ProfilePatch = z.input<typeof updateMeBody>

export interface ProfileApi {
  updateMe(patch: ProfilePatch): Promise<Operator>
}

export function createProfileApi(http: HttpClient): ProfileApi {
  return {
    async updateMe(patch) {
      return (await http.send<{ operator: Operator }>('PATCH', '/api/me', patch)).operator
    },
  }
}
