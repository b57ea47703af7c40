import type { Core } from "@habits/core";
import { Composer } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { backToMenuKeyboard, menuData } from "../keyboards/main-menu.js";
import { escapeHtml } from "../telegram/html.js";
import { show } from "../telegram/show.js";

/** 🔥 Streaks: current and longest per active habit. */
export function createStreaksFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  async function showStreaks(ctx: FlowContext): Promise<void> {
    const habits = await core.habits.list(ctx.account.id);
    if (habits.length === 0) return show(ctx, ctx.t("streaks-none"), backToMenuKeyboard(ctx));
    const lines = [ctx.t("streaks-title")];
    for (const habit of habits) {
      const streak = await core.completions.streakOf(ctx.account.id, habit.id);
      lines.push(
        ctx.t("streaks-line", {
          habit: escapeHtml(habit.name),
          current: streak?.current ?? 0,
          longest: streak?.longest ?? 0,
        }),
      );
    }
    await show(ctx, lines.join("\n"), backToMenuKeyboard(ctx));
  }
  feature.command("streaks", showStreaks);
  feature.callbackQuery(menuData.pack({ section: "streaks" }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showStreaks(ctx);
  });
  return feature;
}
