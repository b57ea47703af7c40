// ✅ Done today: one button per habit still due; a tap logs it and answers with the streak, the
// reward outcome and a progress bar, with Undo.
import type { CompleteFailure, CompletionOutcome, Core, Habit } from "@habits/core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { habitLabel } from "../habits/habit-text.js";
import { anotherDayButton } from "../keyboards/another-day.js";
import { menuButton, menuData } from "../keyboards/main-menu.js";
import { rewardData } from "../keyboards/rewards.js";
import { callbackData } from "../telegram/callback-data.js";
import { dayLabel } from "../telegram/day-label.js";
import { escapeHtml } from "../telegram/html.js";
import { progressBar } from "../telegram/progress-bar.js";
import { show } from "../telegram/show.js";

const doneData = callbackData("done", ["habit"]);
export const undoData = callbackData("undo", ["habit", "date"]);

/** "Today: ▰▰▱▱ 2/4": how many of today's active habits are done (weekly ones count once met). */
function todayProgress(ctx: FlowContext, found: { habits: Habit[]; due: Habit[] }): string {
  const total = found.habits.length;
  const done = total - found.due.length;
  return ctx.t("done-today-progress", { bar: progressBar(done, total), done, total });
}

/** A measurable habit logged with one tap counts as done: it is logged at its target. */
export const tapValue = (habit: Habit) =>
  habit.type === "measurable" && habit.target ? { value: habit.target.value } : {};

export function refusalKey(failure: CompleteFailure): { key: string; args?: Record<string, string> } {
  switch (failure.reason) {
    case "already_completed":
      return { key: "error-already-completed", args: { date: failure.date } };
    case "habit_archived":
      return { key: "error-habit-archived" };
    case "future_date":
      return { key: "error-future-date" };
    case "outside_backdate_window":
      return { key: "error-outside-window" };
    case "before_start_date":
      return { key: "error-before-start", args: { date: failure.startDate } };
    case "after_end_date":
      return { key: "error-after-end", args: { date: failure.endDate } };
    default:
      return { key: "error-stale-button" };
  }
}

/** Under a completion's answer: 🎉 Claim when it made a reward claimable, then Undo. */
export function completionButtons(ctx: FlowContext, outcome: CompletionOutcome): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const { reward } = outcome;
  if (reward.won && reward.reward && reward.progress && reward.progress.piecesEarned >= reward.reward.piecesRequired)
    keyboard.text(ctx.t("reward-button-claim"), rewardData.pack({ reward: reward.reward.id, action: "claim" })).row();
  const { habitId, date } = outcome.completion;
  return keyboard.text(ctx.t("button-undo"), undoData.pack({ habit: habitId, date })).row();
}

/** The answer to a logged completion: streak, reward outcome with progress bar, milestone. */
export function describeCompletion(ctx: FlowContext, outcome: CompletionOutcome, habitName: string): string[] {
  const { streak, reward, milestone } = outcome;
  const lines = [ctx.t("done-logged", { habit: escapeHtml(habitName), streak: streak.current })];
  if (reward.won && reward.reward && reward.progress) {
    const { piecesEarned } = reward.progress;
    const required = reward.reward.piecesRequired;
    const name = escapeHtml(reward.reward.name);
    lines.push(
      ctx.t("done-reward-won", {
        reward: name,
        bar: progressBar(piecesEarned, required),
        earned: piecesEarned,
        required,
      }),
    );
    if (piecesEarned >= required) lines.push(ctx.t("done-reward-achieved", { reward: name }));
  } else {
    lines.push(ctx.t("done-no-reward"));
  }
  if (milestone?.kind === "streak") lines.push(ctx.t("done-milestone-streak", { days: milestone.value }));
  if (milestone?.kind === "target") lines.push(ctx.t("done-milestone-target", { count: milestone.value }));
  return lines;
}

export function createDoneTodayFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function showDueList(ctx: FlowContext): Promise<void> {
    const found = await core.completions.dueToday(ctx.account.id);
    const keyboard = new InlineKeyboard();
    for (const habit of found?.due ?? []) keyboard.text(habitLabel(habit), doneData.pack({ habit: habit.id })).row();
    if (found?.habits.length) keyboard.add(anotherDayButton(ctx)).row();
    keyboard.add(menuButton(ctx, "main", "button-back"));
    const text = !found?.habits.length
      ? ctx.t("done-no-habits")
      : `${found.due.length === 0 ? ctx.t("done-nothing-due") : ctx.t("done-title")}\n${todayProgress(ctx, found)}`;
    await show(ctx, text, keyboard);
  }

  feature.command(["done", "habit_done"], showDueList);
  feature.callbackQuery(menuData.pack({ section: "done" }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showDueList(ctx);
  });

  feature.callbackQuery(doneData.filter, async (ctx) => {
    const data = doneData.unpack(ctx.callbackQuery.data);
    const habit = data && (await core.habits.get(ctx.account.id, data.habit));
    if (!habit) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    const result = await core.completions.complete({
      userId: ctx.account.id,
      habitId: habit.id,
      source: "bot",
      ...tapValue(habit),
    });
    if (!result.ok) {
      const refusal = result.reason === "invalid" ? { key: "error-stale-button" } : refusalKey(result);
      return ctx.answerCallbackQuery(ctx.t(refusal.key, refusal.args));
    }
    await ctx.answerCallbackQuery();
    const lines = describeCompletion(ctx, result.value, habitLabel(habit));
    const found = await core.completions.dueToday(ctx.account.id);
    if (found?.habits.length) lines.push(todayProgress(ctx, found));
    const keyboard = completionButtons(ctx, result.value).add(menuButton(ctx, "done", "button-back"));
    await show(ctx, lines.join("\n"), keyboard);
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
