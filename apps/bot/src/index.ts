export { createCoreFor } from "./core-for-database.js";
export { type BotDependencies, createBot, type HabitBot } from "./create-bot.js";
export { type BotConfig, botConfigFrom, botConfigShape, requireWebhookSettings } from "./env.js";
export { localesDirectory } from "./i18n.js";
export { createReminderSender } from "./reminders/send-reminder.js";
export { startTick } from "./reminders/tick.js";
export { registerWebhook, startPolling } from "./run-bot.js";
export { commandNames } from "./telegram/commands.js";
export { createWebhookHandler } from "./webhook.js";
