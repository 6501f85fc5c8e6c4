export { type AutoReplyHooks, type ChatAutomation, type ChatDeps, createChatService } from './chat-service.ts'
export { type Actor, ChatError, type ChatService, type Routing, type SendResult } from './types.ts'
export { toWireConversation, toWireMessage } from './wire.ts'
