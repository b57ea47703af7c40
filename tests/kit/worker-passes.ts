// The worker's minute passes over the kit: what is due is claimed and sent through the kit's bot
// (the current one, after a restart too) to its fake Telegram, as the server wires them.
import { createReminderPass, createReminderSender, createSummaryPass, createSummarySender } from "@habits/bot";
import { createLogger } from "@habits/runtime";
import type { TelegramKit } from "./telegram-kit.js";
import type { TelegramUser } from "./telegram-user.js";

const silent = createLogger({ level: "silent", pretty: false });

/** One reminder pass of the worker per call (it remembers its last instant, as the worker does). */
export function reminderPassOf(kit: TelegramKit) {
  const { bot } = kit;
  return createReminderPass(
    kit.core,
    kit.clock,
    createReminderSender({ api: bot.bot.api, core: kit.core, i18n: bot.i18n, logger: silent }),
  );
}

/** One summary pass of the worker per call. */
export function summaryPassOf(kit: TelegramKit) {
  const { bot } = kit;
  return createSummaryPass(
    kit.core,
    kit.clock,
    createSummarySender({ api: bot.bot.api, core: kit.core, i18n: bot.i18n, logger: silent }),
  );
}

/** How many messages the bot has sent this person (edits not counted). */
export const messagesSentTo = (user: TelegramUser) =>
  user.calls().filter((call) => call.method === "sendMessage").length;
