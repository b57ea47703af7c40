import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { onboardingId } from "../conversations/onboarding.js";
import { createMainMenuKeyboard } from "../keyboards/main-menu.js";
import { show } from "../telegram/show.js";

/** `t.me/<bot>?start=<payload>` links that open a screen: the payload is the command's name. */
const deepLinkCommands = new Set(["done", "new", "habits", "rewards", "streaks", "stats", "settings", "help", "undo"]);

/**
 * /start: a person who has not chosen a time zone yet is onboarded (language from Telegram, then
 * the time zone); anyone else sees the menu. A deep link (`/start <payload>`) naming a screen opens it, as its command would;
 * any other payload lands on the menu. A new person is onboarded first, whatever the link.
 */
export function createStartFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("start", async (ctx, next) => {
    // A zone never chosen (a first /start, or one left by /cancel or another command) is asked for.
    if (ctx.account.timezoneChosenAt === null) return ctx.conversation.enter(onboardingId);
    const payload = ctx.match.trim().toLowerCase();
    if (deepLinkCommands.has(payload) && ctx.message) {
      // Handed on as that command, so the feature that owns the screen answers it.
      const text = `/${payload}`;
      ctx.message.text = text;
      ctx.message.entities = [{ type: "bot_command", offset: 0, length: text.length }];
      return next();
    }
    return show(ctx, ctx.t("menu-title"), createMainMenuKeyboard(ctx));
  });
  return feature;
}
