/** A line as GET /api/admin/lines/:id answers it, with the server's defaults, for console tests. */
import type { LineDetail } from '../api/index.ts'

export function lineDetail(overrides: Partial<LineDetail> = {}): LineDetail {
  const office = () => [{ from: '09:00', to: '18:00' }]
  return {
    id: 'line-1',
    workspaceId: 'ws',
    name: 'General',
    createdAt: 0,
    settings: {
      routing: {
        mode: 'evenly',
        queue: [],
        queueTimeSeconds: 60,
        maxActiveChats: 5,
        returningClient: { enabled: true, waitSeconds: 120 },
        autoCloseInactiveMinutes: 0,
        reopenWindowMinutes: 60,
      },
      workingHours: {
        timeZone: 'UTC',
        weekly: {
          mon: office(),
          tue: office(),
          wed: office(),
          thu: office(),
          fri: office(),
          sat: [],
          sun: [],
        },
        daysOff: [],
        holidays: { yearly: [], dates: [] },
        exceptions: [],
        alwaysOpen: false,
      },
      offHours: 'accept-and-reply',
      autoReplies: {
        welcome: { enabled: true, text: 'Hi {visitor_name|there}!', when: 'first-message' },
        offHours: { enabled: true, text: 'Back {next_opening|soon}.' },
        noAnswer: { enabled: true, afterMinutes: 5, action: 'send-text', text: 'Please wait.' },
        onClose: { enabled: true, text: 'Thanks!' },
      },
    },
    ...overrides,
  }
}
