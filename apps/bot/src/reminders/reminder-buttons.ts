// The buttons under a reminder. Done is the same completion as anywhere else (source "reminder");
// Snooze brings it back in an hour; Skip today just closes the reminder.
import { type Core, isLocalDate } from "@habits/core";
import { Composer } from "grammy";
import { completeFromTap } from "../completions/completion-answer.js";
import type { BotContext } from "../context.js";
import { menuButton } from "../keyboards/main-menu.js";
import { callbackData } from "../telegram/callback-data.js";
import { escapeHtml } from "../telegram/html.js";
import { show } from "../telegram/show.js";

export const reminderDoneData = callbackData("rdone", ["habit", "date"]);
export const reminderSkipData = callbackData("rskip", ["habit", "date"]);
export const reminderSnoozeData = callbackData("rsnooze", ["habit", "date"]);

export function createReminderButtonsFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(reminderDoneData.filter, async (ctx) => {
    const data = reminderDoneData.unpack(ctx.callbackQuery.data);
    const habit = data && (await core.habits.get(ctx.account.id, data.habit));
    if (!data || !habit) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    // ✅ Done today first, where the tapped ✅ Done was: a second tap shows what is left, not Undo.
    const more = [[menuButton(ctx, "done", "menu-done")]];
    await completeFromTap(core, ctx, habit, { date: data.date, source: "reminder", more });
  });
  feature.callbackQuery(reminderSnoozeData.filter, async (ctx) => {
    const data = reminderSnoozeData.unpack(ctx.callbackQuery.data);
    const snoozed = data && (await core.reminders.snooze(ctx.account.id, data.habit, data.date));
    const habit = data && (await core.habits.get(ctx.account.id, data.habit));
    if (snoozed?.ok === false && snoozed.reason === "already_completed")
      return ctx.answerCallbackQuery(ctx.t("reminder-already-done"));
    if (!snoozed?.ok || !habit) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
    await show(ctx, ctx.t("reminder-snoozed", { habit: escapeHtml(habit.name), time: snoozed.value.time }));
  });
  feature.callbackQuery(reminderSkipData.filter, async (ctx) => {
    const data = reminderSkipData.unpack(ctx.callbackQuery.data);
    const habit = data && (await core.habits.get(ctx.account.id, data.habit));
    const skipped =
      data && habit && isLocalDate(data.date)
        ? await core.reminders.skipDay(ctx.account.id, habit.id, data.date)
        : undefined;
    if (!habit || !skipped?.ok) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
    await show(ctx, ctx.t("reminder-skipped", { habit: escapeHtml(habit.name) }));
  });
  return feature;
}
