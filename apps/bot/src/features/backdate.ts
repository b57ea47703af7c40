// 📅 Done for another day: habit → Today / Yesterday / one of the last 7 days → confirm → logged
// with that date and answered like done-today. Every step is in the buttons' data, so a restart in
// the middle loses nothing, and an out-of-date step is refused by the core, not guessed at.
import { addDays, type Core, defaultCoreSettings, isLocalDate, isWithinRange } from "@habits/core";
import { Composer, InlineKeyboard } from "grammy";
import { completeFromTap } from "../completions/completion-answer.js";
import type { BotContext, FlowContext } from "../context.js";
import { habitLabel } from "../habits/habit-text.js";
import { anotherDayButton, backdateData } from "../keyboards/another-day.js";
import { menuButton } from "../keyboards/main-menu.js";
import { callbackData } from "../telegram/callback-data.js";
import { dayLabel } from "../telegram/day-label.js";
import { escapeHtml } from "../telegram/html.js";
import { show } from "../telegram/show.js";

const habitData = callbackData("bd-habit", ["habit"]);
const dayData = callbackData("bd-day", ["habit", "date"]);
const confirmData = callbackData("bd-ok", ["habit", "date"]);

/** Today and the days before it that can still be logged (the core's default window). */
const daysBack = defaultCoreSettings.backdateDays;

export function createBackdateFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** The habit, when it is the person's and active, and their today. */
  async function habitAndToday(ctx: FlowContext, habitId: string) {
    const found = await core.completions.dueToday(ctx.account.id);
    const habit = found?.habits.find((item) => item.id === habitId);
    return found && habit ? { habit, today: found.today } : undefined;
  }

  /** A day button: Today, Yesterday, or the weekday and date. */
  function dayButtonLabel(ctx: FlowContext, date: string, today: string): string {
    if (date === today) return ctx.t("backdate-today");
    if (date === addDays(today, -1)) return ctx.t("backdate-yesterday");
    return dayLabel(ctx.account.language, date);
  }

  async function showHabits(ctx: FlowContext): Promise<void> {
    const found = await core.completions.dueToday(ctx.account.id);
    if (!found?.habits.length)
      return show(ctx, ctx.t("done-no-habits"), InlineKeyboard.from([[menuButton(ctx, "main", "button-back")]]));
    const keyboard = new InlineKeyboard();
    for (const habit of found.habits) keyboard.text(habitLabel(habit), habitData.pack({ habit: habit.id })).row();
    keyboard.add(menuButton(ctx, "done", "button-back"));
    await show(ctx, ctx.t("backdate-pick-habit"), keyboard);
  }

  async function showDays(ctx: FlowContext, habitId: string): Promise<boolean> {
    const found = await habitAndToday(ctx, habitId);
    if (!found) return false;
    const { habit, today } = found;
    const earliest = addDays(today, -daysBack);
    const logged = new Set(
      ((await core.completions.list(ctx.account.id, habit.id, { from: earliest })) ?? []).map((item) => item.date),
    );
    const keyboard = new InlineKeyboard();
    let inRow = 0;
    for (let back = 0; back <= daysBack; back++) {
      const date = addDays(today, -back);
      if (!isWithinRange(habit, date)) continue;
      const name = dayButtonLabel(ctx, date, today);
      keyboard.text(
        logged.has(date) ? ctx.t("backdate-day-logged", { day: name }) : name,
        dayData.pack({ habit: habit.id, date }),
      );
      // Today and Yesterday side by side, then the other days two by two.
      if (++inRow === 2) {
        keyboard.row();
        inRow = 0;
      }
    }
    if (inRow > 0) keyboard.row();
    keyboard.text(ctx.t("button-back"), backdateData.pack({ view: "habits" }));
    await show(ctx, ctx.t("backdate-pick-day", { habit: escapeHtml(habit.name), days: daysBack }), keyboard);
    return true;
  }

  feature.command("backdate", showHabits);
  feature.callbackQuery(backdateData.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showHabits(ctx);
  });

  feature.callbackQuery(habitData.filter, async (ctx) => {
    const data = habitData.unpack(ctx.callbackQuery.data);
    if (!data || !(await showDays(ctx, data.habit))) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
  });

  feature.callbackQuery(dayData.filter, async (ctx) => {
    const data = dayData.unpack(ctx.callbackQuery.data);
    const found = data && isLocalDate(data.date) && (await habitAndToday(ctx, data.habit));
    if (!data || !found) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    const { habit } = found;
    if ((await core.completions.list(ctx.account.id, habit.id, { from: data.date, to: data.date }))?.length) {
      return ctx.answerCallbackQuery(
        ctx.t("error-already-completed", { date: dayLabel(ctx.account.language, data.date, "long") }),
      );
    }
    await ctx.answerCallbackQuery();
    const text = ctx.t(habit.type === "measurable" ? "backdate-confirm-target" : "backdate-confirm", {
      habit: escapeHtml(habit.name),
      day: dayLabel(ctx.account.language, data.date, "long"),
    });
    const keyboard = InlineKeyboard.from([
      [InlineKeyboard.text(ctx.t("backdate-confirm-yes"), confirmData.pack(data))],
      [InlineKeyboard.text(ctx.t("button-back"), habitData.pack({ habit: habit.id }))],
    ]);
    await show(ctx, text, keyboard);
  });

  feature.callbackQuery(confirmData.filter, async (ctx) => {
    const data = confirmData.unpack(ctx.callbackQuery.data);
    const found = data && (await habitAndToday(ctx, data.habit));
    if (!data || !found) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await completeFromTap(core, ctx, found.habit, {
      date: data.date,
      source: "bot",
      more: [[anotherDayButton(ctx)], [menuButton(ctx, "main", "button-back")]],
    });
  });
  return feature;
}
