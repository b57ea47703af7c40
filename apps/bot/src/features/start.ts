import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { onboardingId } from "../conversations/onboarding.js";
import { createMainMenuKeyboard } from "../keyboards/main-menu.js";
import { show } from "../telegram/show.js";

/**
 * /start: a new person is onboarded (language from Telegram, then the time zone); anyone else
 * sees the menu. A deep-link payload (`/start <payload>`) is accepted and lands on the menu.
 */
export function createStartFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("start", async (ctx) => {
    if (ctx.isNewAccount) return ctx.conversation.enter(onboardingId);
    return show(ctx, ctx.t("menu-title"), createMainMenuKeyboard(ctx));
  });
  return feature;
}
