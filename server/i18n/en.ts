/**
 * English texts of everything a visitor sees (issue 5, item 7): the widget, the public chat page,
 * the callback and web-form panels and the default auto-replies. The source of the key set: ru and
 * pl must have exactly these keys (catalogs.test.ts). `{name}`-style placeholders are filled by the
 * widget. Panels add their keys here (and in ru.ts, pl.ts) in their own block.
 */
export const en = {
  // ------------------------------------------------------------ launcher and chooser (widget shell)
  'launcher.label': 'Chat',
  'launcher.unread': '{label} ({count} unread)',
  'chooser.title': 'How can we help?',
  'chooser.chat': 'Chat with us',
  'chooser.callback': 'Request a call back',
  'chooser.form': 'Send us a message',
  'chooser.closed': 'We are closed right now — leave a request and we will get back to you.',
  'chooser.wait': 'Expected wait in chat: about {minutes} min.',
  'panel.back': 'Back',
  'panel.close': 'Close',
  'proactive.dismiss': 'Dismiss',
  // ------------------------------------------------------------ chat (widget/chat/texts.ts)
  'chat.title': 'Chat with us',
  'chat.greeting': 'Hi! Ask us anything — we usually answer within a few minutes.',
  'chat.close': 'Close chat',
  // Issue 5: the chat's way back to the channel chooser (several channels on).
  'chat.back': 'Back',
  'chat.messages': 'Messages',
  'chat.composerLabel': 'Your message',
  'chat.composerPlaceholder': 'Write a message…',
  'chat.send': 'Send message',
  'chat.you': 'You',
  'chat.operator': 'Support',
  'chat.status.pending': 'Sending…',
  'chat.status.sent': 'Sent',
  'chat.status.delivered': 'Delivered',
  'chat.status.read': 'Read',
  'chat.status.failed': 'Not sent',
  'chat.typing': '{name} is typing…',
  'chat.typingSomeone': 'Someone is typing…',
  'chat.offline': 'You are offline. Messages will be sent when the connection is back.',
  'chat.conversationClosed': 'This conversation was closed. Write again any time to continue.',
  'chat.queuePosition': 'You are number {position} in the queue',
  'chat.system': 'Notice',
  'chat.rateQuestion': 'How did we do?',
  'chat.rateGood': 'Good answer',
  'chat.rateBad': 'Bad answer',
  'chat.rateComment': 'Comment (optional)',
  'chat.rateSend': 'Send',
  'chat.rateSending': 'Sending…',
  'chat.rateThanks': 'Thank you',
  'chat.rateFailed': 'Your rating was not sent. Please try again.',
  'chat.attach': 'Attach a file',
  'chat.attachFailed': 'The file was not sent.',
  'chat.end': 'End chat',
  'chat.endConfirm': 'End this conversation?',
  'chat.endKeep': 'Keep chatting',
  // ------------------------------------------------------------ callback panel (widget/callback)
  'callback.title': 'Request a call back',
  'callback.name': 'Your name',
  'callback.phone': 'Phone number',
  'callback.topic': 'What is it about?',
  'callback.when': 'When should we call?',
  'callback.asap': 'As soon as possible',
  'callback.slot': 'At a chosen time',
  'callback.timeZoneNote': 'Times are shown in your time zone; our office is in {zone}.',
  'callback.consent': 'I agree to be contacted about my request.',
  'callback.submit': 'Call me back',
  'callback.sending': 'Sending…',
  'callback.required': 'Please fill in this field.',
  'callback.invalidPhone': 'Please enter a valid phone number.',
  'callback.failed': 'Your request was not sent. Please try again.',
  'callback.confirmedAsap': 'Thank you! We will call you as soon as possible.',
  'callback.confirmedAt': 'Thank you! We will call you at {time}.',
  // ------------------------------------------------------------ web forms (widget/form, public form)
  'form.title': 'Send us a message',
  'form.submit': 'Send',
  'form.sending': 'Sending…',
  'form.required': 'Please fill in this field.',
  'form.invalidEmail': 'Please enter a valid email address.',
  'form.invalidPhone': 'Please enter a valid phone number.',
  'form.invalidNumber': 'Please enter a number.',
  'form.tooLong': 'This is too long.',
  'form.fileTooLarge': 'This file is too large.',
  'form.fileType': 'This type of file is not accepted.',
  'form.failed': 'Your message was not sent. Please try again.',
  'form.thanks': 'Thank you! We have received your message.',
  'form.optional': '(optional)',
  'form.choose': 'Choose…',
  'form.notFound': 'This form is not available.',
  // ------------------------------------------------------------ public chat page (public-page)
  'public.loading': 'Loading the chat…',
  'public.notFound': 'This chat link does not work',
  'public.unavailable': 'The chat is not available right now',
  'public.unexpected': 'The server sent an unexpected answer.',
  // ------------------------------------------------------------ default auto-replies (server/auto-replies)
  'autoReply.welcome':
    'Hi {visitor_name|there}! Thanks for contacting {line_name|us}. An operator will reply shortly.',
  'autoReply.offHours':
    "Thanks for your message! We're away right now. We'll be back {next_opening|soon} and will reply then.",
  'autoReply.noAnswer':
    'Sorry for the wait: all our operators are busy at the moment. Please stay with us, we will answer as soon as we can.',
  'autoReply.onClose':
    'Thanks for chatting with {line_name|us}! If anything else comes up, just write here again.',
} as const

export type TextKey = keyof typeof en
export type Catalog = Record<TextKey, string>
