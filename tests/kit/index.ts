// The Telegram test kit: real bot, real database, fake Telegram. See createTelegramKit.
export type { BotApiCall } from "./chat-log.js";
export { accountOf, onboard, settableRandom } from "./helpers.js";
export { htmlToText } from "./telegram-html.js";
export { createTelegramKit, type TelegramKit } from "./telegram-kit.js";
export type { TelegramUser } from "./telegram-user.js";
export { messagesSentTo, reminderPassOf, summaryPassOf } from "./worker-passes.js";
