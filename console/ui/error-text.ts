import { ApiError } from '../api/index.ts'

/** What to tell a person about a failed call: the server's message, or a plain fallback for bugs. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Something went wrong. Please try again.'
}
