// The buttons under a reminder. Done is the same completion as anywhere else (source "reminder");
// Snooze brings it back in an hour; Skip today just closes the reminder.
import type { Core } from "@habits/core";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { completionButtons, describeCompletion, refusalKey, tapValue } from "../features/done-today.js";
import { habitLabel } from "../habits/habit-text.js";
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
    const result = await core.completions.complete({
      userId: ctx.account.id,
      habitId: habit.id,
      date: data.date,
      source: "reminder",
      ...tapValue(habit),
    });
    if (!result.ok) {
      const refusal = result.reason === "invalid" ? { key: "error-stale-button" } : refusalKey(result);
      return ctx.answerCallbackQuery(ctx.t(refusal.key, refusal.args));
    }
    await ctx.answerCallbackQuery();
    await show(
      ctx,
      describeCompletion(ctx, result.value, habitLabel(habit)).join("\n"),
      completionButtons(ctx, result.value),
    );
  });
  feature.callbackQuery(reminderSnoozeData.filter, async (ctx) => {
    const data = reminderSnoozeData.unpack(ctx.callbackQuery.data);
    const snoozed = data && (await core.reminders.snooze(ctx.account.id, data.habit, data.date));
    const habit = data && (await core.habits.get(ctx.account.id, data.habit));
    if (!snoozed?.ok || !habit) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
    await show(ctx, ctx.t("reminder-snoozed", { habit: escapeHtml(habit.name), time: snoozed.value.time }));
  });
  feature.callbackQuery(reminderSkipData.filter, async (ctx) => {
    const data = reminderSkipData.unpack(ctx.callbackQuery.data);
    const habit = data && (await core.habits.get(ctx.account.id, data.habit));
    if (!habit) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
    await show(ctx, ctx.t("reminder-skipped", { habit: escapeHtml(habit.name) }));
  });
  return feature;
}
