import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/** Last: stray buttons get a short notice, free text a hint; nothing is left unanswered. */
export function createUnhandledFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("callback_query", (ctx) => ctx.answerCallbackQuery(ctx.t("error-stale-button")));
  feature.on("message", (ctx) => ctx.reply(ctx.t("hint-free-text")));
  return feature;
}
