import type { ShownStatus } from '../state/selectors.ts'

/** Every visible or announced string of the chat UI, so a host (or a future translation) can replace them. */
export interface ChatTexts {
  title: string
  greeting: string
  close: string
  messages: string
  composerLabel: string
  composerPlaceholder: string
  send: string
  you: string
  operator: string
  status: Record<ShownStatus, string>
  typing: (name: string | null) => string
  offline: string
  conversationClosed: string
  /** The visitor's place in the queue while nobody has answered yet (1 = next). */
  queuePosition: (position: number) => string
  /** Accessible name of the list of system notices (transfers, auto-replies). */
  system: string
  rateQuestion: string
  rateGood: string
  rateBad: string
  rateComment: string
  rateSend: string
  rateSending: string
  rateThanks: string
  rateFailed: string
}

export const defaultTexts: ChatTexts = {
  title: 'Chat with us',
  greeting: 'Hi! Ask us anything — we usually answer within a few minutes.',
  close: 'Close chat',
  messages: 'Messages',
  composerLabel: 'Your message',
  composerPlaceholder: 'Write a message…',
  send: 'Send message',
  you: 'You',
  operator: 'Support',
  status: { pending: 'Sending…', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not sent' },
  typing: (name) => `${name ?? 'Someone'} is typing…`,
  offline: 'You are offline. Messages will be sent when the connection is back.',
  conversationClosed: 'This conversation was closed. Write again to start a new one.',
  queuePosition: (position) => `You are number ${position} in the queue`,
  system: 'Notice',
  rateQuestion: 'How did we do?',
  rateGood: 'Good answer',
  rateBad: 'Bad answer',
  rateComment: 'Comment (optional)',
  rateSend: 'Send',
  rateSending: 'Sending…',
  rateThanks: 'Thank you',
  rateFailed: 'Your rating was not sent. Please try again.',
}
