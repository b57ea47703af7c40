// ✅ Done today: one button per habit still due; a tap logs it and answers with the streak, the
// reward outcome and today's progress, with Undo (completions/completion-answer.ts).
import type { Core } from "@habits/core";
import { Composer, InlineKeyboard } from "grammy";
import { completeFromTap, todayProgress, undoData } from "../completions/completion-answer.js";
import type { BotContext, FlowContext } from "../context.js";
import { habitLabel } from "../habits/habit-text.js";
import { anotherDayButton } from "../keyboards/another-day.js";
import { menuButton, menuData } from "../keyboards/main-menu.js";
import { callbackData } from "../telegram/callback-data.js";
import { dayLabel } from "../telegram/day-label.js";
import { escapeHtml } from "../telegram/html.js";
import { addPager, pagedTitle, pageNumber, pageOf } from "../telegram/paging.js";
import { show } from "../telegram/show.js";

const doneData = callbackData("done", ["habit"]);
const donePageData = callbackData("done-page", ["page"]);

export function createDoneTodayFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function showDueList(ctx: FlowContext, requestedPage = 0): Promise<void> {
    const found = await core.completions.dueToday(ctx.account.id);
    const keyboard = new InlineKeyboard();
    // A page at a time: Telegram allows about 100 buttons, and a long list is hard to scan.
    const page = pageOf(found?.due ?? [], requestedPage);
    for (const habit of page.items) keyboard.text(habitLabel(habit), doneData.pack({ habit: habit.id })).row();
    addPager(keyboard, page, (index) => donePageData.pack({ page: index }));
    if (found?.habits.length) keyboard.add(anotherDayButton(ctx)).row();
    keyboard.add(menuButton(ctx, "main", "button-back"));
    if (!found?.habits.length) return show(ctx, ctx.t("done-no-habits"), keyboard);
    const lines = [found.due.length === 0 ? ctx.t("done-nothing-due") : pagedTitle(ctx.t("done-title"), page)];
    const progress = todayProgress(ctx, found);
    if (progress) lines.push(progress);
    await show(ctx, lines.join("\n"), keyboard);
  }

  feature.command(["done", "habit_done"], (ctx) => showDueList(ctx));
  feature.callbackQuery(menuData.pack({ section: "done" }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showDueList(ctx);
  });

  feature.callbackQuery(donePageData.filter, async (ctx) => {
    const page = pageNumber(donePageData.unpack(ctx.callbackQuery.data)?.page);
    if (page === undefined) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
    await showDueList(ctx, page);
  });

  feature.callbackQuery(doneData.filter, async (ctx) => {
    const data = doneData.unpack(ctx.callbackQuery.data);
    const habit = data && (await core.habits.get(ctx.account.id, data.habit));
    if (!habit) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await completeFromTap(core, ctx, habit, { source: "bot", more: [[menuButton(ctx, "done", "button-back")]] });
  });

  feature.callbackQuery(undoData.filter, async (ctx) => {
    const data = undoData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    const result = await core.completions.revert({ userId: ctx.account.id, habitId: data.habit, date: data.date });
    if (!result.ok) {
      return ctx.answerCallbackQuery(
        ctx.t(result.reason === "nothing_to_revert" ? "undo-nothing" : "error-stale-button"),
      );
    }
    await ctx.answerCallbackQuery();
    const habit = await core.habits.get(ctx.account.id, data.habit);
    const date = dayLabel(ctx.account.language, result.value.reverted.date, "long");
    const lines = [ctx.t("undo-done", { habit: escapeHtml(habit ? habitLabel(habit) : ""), date })];
    if (result.value.rewardTakenBack)
      lines.push(ctx.t("undo-reward-taken", { reward: escapeHtml(result.value.rewardTakenBack.name) }));
    await show(ctx, lines.join("\n"), InlineKeyboard.from([[menuButton(ctx, "done", "button-back")]]));
  });
  return feature;
}
