import type { Core } from "@habits/core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { backToMenuKeyboard, menuButton, menuData } from "../keyboards/main-menu.js";
import { callbackData } from "../telegram/callback-data.js";
import { escapeHtml } from "../telegram/html.js";
import { addPager, pagedTitle, pageNumber, pageOf } from "../telegram/paging.js";
import { show } from "../telegram/show.js";

/** `streaks|<page>`: ◀️ ▶️ of the list. */
const streaksPageData = callbackData("streaks", ["page"]);

/** 🔥 Streaks: current and longest per active habit, a page at a time. */
export function createStreaksFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  async function showStreaks(ctx: FlowContext, requested = 0): Promise<void> {
    const habits = await core.habits.list(ctx.account.id);
    if (habits.length === 0) return show(ctx, ctx.t("streaks-none"), backToMenuKeyboard(ctx));
    const page = pageOf(habits, requested);
    const lines = [pagedTitle(ctx.t("streaks-title"), page)];
    for (const habit of page.items) {
      const streak = await core.completions.streakOf(ctx.account.id, habit.id);
      lines.push(
        ctx.t("streaks-line", {
          habit: escapeHtml(habit.name),
          current: streak?.current ?? 0,
          longest: streak?.longest ?? 0,
        }),
      );
    }
    const keyboard = addPager(new InlineKeyboard(), page, (index) => streaksPageData.pack({ page: index }));
    await show(ctx, lines.join("\n"), keyboard.add(menuButton(ctx, "main", "button-back")));
  }
  feature.command("streaks", (ctx) => showStreaks(ctx));
  feature.callbackQuery(menuData.pack({ section: "streaks" }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showStreaks(ctx);
  });
  feature.callbackQuery(streaksPageData.filter, async (ctx) => {
    const page = pageNumber(streaksPageData.unpack(ctx.callbackQuery.data)?.page);
    if (page === undefined) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
    await showStreaks(ctx, page);
  });
  return feature;
}
