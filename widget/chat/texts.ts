import type { ShownStatus } from '../state/selectors.ts'

/** Every visible or announced string of the chat UI, so a host (or a future translation) can replace them. */
export interface ChatTexts {
  title: string
  greeting: string
  close: string
  /** Back to the channel chooser (the widget with several channels). */
  back: string
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
  /** The button under a no-answer auto-reply that offers a callback (issue "Open lines"). */
  callMeBack: string
  rateQuestion: string
  rateGood: string
  rateBad: string
  rateComment: string
  rateSend: string
  rateSending: string
  rateThanks: string
  rateFailed: string
  /** Issue 5, item 4: the attach button and its failure (while uploading: `status.pending`). */
  attach: string
  attachFailed: string
  /** Issue "Open lines", item 4 (close by visitor): the header button and its confirmation. */
  end: string
  endConfirm: string
  endKeep: string
  /** A first message refused because the line is closed (`line_closed`, issue "Open lines" item 2). */
  lineClosed: string
}

export const defaultTexts: ChatTexts = {
  title: 'Chat with us',
  greeting: 'Hi! Ask us anything — we usually answer within a few minutes.',
  close: 'Close chat',
  back: 'Back',
  messages: 'Messages',
  composerLabel: 'Your message',
  composerPlaceholder: 'Write a message…',
  send: 'Send message',
  you: 'You',
  operator: 'Support',
  status: { pending: 'Sending…', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not sent' },
  typing: (name) => `${name ?? 'Someone'} is typing…`,
  offline: 'You are offline. Messages will be sent when the connection is back.',
  conversationClosed: 'This conversation was closed. Write again any time to continue.',
  queuePosition: (position) => `You are number ${position} in the queue`,
  system: 'Notice',
  callMeBack: 'Call me back',
  rateQuestion: 'How did we do?',
  rateGood: 'Good answer',
  rateBad: 'Bad answer',
  rateComment: 'Comment (optional)',
  rateSend: 'Send',
  rateSending: 'Sending…',
  rateThanks: 'Thank you',
  rateFailed: 'Your rating was not sent. Please try again.',
  attach: 'Attach a file',
  attachFailed: 'The file was not sent.',
  end: 'End chat',
  endConfirm: 'End this conversation?',
  endKeep: 'Keep chatting',
  lineClosed:
    'We are closed now, so this message was not sent. Leave us a request and we will get back to you.',
}
