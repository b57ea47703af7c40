import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { onboardingId } from "../conversations/onboarding.js";

/**
 * Last: stray buttons get a short notice, free text a hint; nothing is left unanswered. Someone
 * who has not chosen a time zone yet ("hi" as a first message) is onboarded instead.
 */
export function createUnhandledFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("callback_query", (ctx) => ctx.answerCallbackQuery(ctx.t("error-stale-button")));
  feature.on("message", (ctx) =>
    ctx.account.timezoneChosenAt === null ? ctx.conversation.enter(onboardingId) : ctx.reply(ctx.t("hint-free-text")),
  );
  return feature;
}
