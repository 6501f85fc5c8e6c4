export { type ConfigResult, loadPublicChat, type PublicChatConfig } from './load-config.ts'
export { PublicChatPage, type PublicChatPageProps } from './public-chat-page.tsx'
export { slugFromPath } from './slug.ts'
