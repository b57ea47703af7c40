// How a logged completion is answered, wherever it was logged (✅ Done today, 📅 another day, a
// reminder's ✅ Done): the day when it is not today, the streak (a weekly or monthly habit: its
// period's count), the reward outcome, a milestone, today's progress; 🎉 Claim and ↩️ Undo.
import {
  type CompleteFailure,
  type CompletionOutcome,
  type CompletionSource,
  type Core,
  countsAsDone,
  type Habit,
  type LocalDate,
  periodKindOf,
  periodOf,
} from "@habits/core";
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { FlowContext } from "../context.js";
import { habitLabel } from "../habits/habit-text.js";
import { rewardData } from "../keyboards/rewards.js";
import { callbackData } from "../telegram/callback-data.js";
import { dayLabel } from "../telegram/day-label.js";
import { escapeHtml } from "../telegram/html.js";
import { progressBar } from "../telegram/progress-bar.js";
import { show } from "../telegram/show.js";

export const undoData = callbackData("undo", ["habit", "date"]);

/** A measurable habit logged with one tap counts as done: it is logged at its target. */
const tapValue = (habit: Habit) => (habit.type === "measurable" && habit.target ? { value: habit.target.value } : {});

/** Why a completion was refused, in the person's language (a toast). */
function refusalText(ctx: FlowContext, failure: CompleteFailure): string {
  const day = (date: string) => dayLabel(ctx.account.language, date, "long");
  switch (failure.reason) {
    case "already_completed":
      return ctx.t("error-already-completed", { date: day(failure.date) });
    case "habit_archived":
      return ctx.t("error-habit-archived");
    case "future_date":
      return ctx.t("error-future-date");
    case "outside_backdate_window":
      return ctx.t("error-outside-window");
    case "before_start_date":
      return ctx.t("error-before-start", { date: day(failure.startDate) });
    case "after_end_date":
      return ctx.t("error-after-end", { date: day(failure.endDate) });
    default:
      return ctx.t("error-stale-button");
  }
}

/** "Today: ▰▰▱▱ 2/4": today's habits (those done today and those still due) and how many are done. */
export function todayProgress(ctx: FlowContext, found: { due: Habit[]; doneToday: Habit[] }): string | undefined {
  const done = found.doneToday.length;
  const total = done + found.due.length;
  return total === 0 ? undefined : ctx.t("done-today-progress", { bar: progressBar(done, total), done, total });
}

/** Under a completion's answer: 🎉 Claim when it made a reward claimable, then Undo. */
/**
 * The answer's buttons: first those the caller gives (so a second tap on the spot just tapped
 * lands on Back, not on Undo), then 🎉 Claim when the piece made a reward claimable, then Undo.
 */
function completionButtons(
  ctx: FlowContext,
  outcome: CompletionOutcome,
  more: readonly InlineKeyboardButton[][],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const row of more) keyboard.add(...row).row();
  const { reward } = outcome;
  if (reward.won && reward.reward && reward.progress && reward.progress.piecesEarned >= reward.reward.piecesRequired)
    keyboard.text(ctx.t("reward-button-claim"), rewardData.pack({ reward: reward.reward.id, action: "claim" })).row();
  const { habitId, date } = outcome.completion;
  return keyboard.text(ctx.t("button-undo"), undoData.pack({ habit: habitId, date }));
}

function rewardLines(ctx: FlowContext, outcome: CompletionOutcome, hasRewards: boolean): string[] {
  const { reward } = outcome;
  // Nothing to win yet: say how to make the draw mean something.
  if (!hasRewards) return [ctx.t("done-add-a-reward")];
  if (!reward.won || !reward.reward || !reward.progress) return [ctx.t("done-no-reward")];
  // A redo of a day whose piece was spent in a claim: the draw is kept, but there is no new piece.
  if (reward.progress.piecesEarned === 0)
    return [ctx.t("done-reward-kept", { reward: escapeHtml(reward.reward.name) })];
  const earned = reward.progress.piecesEarned;
  const required = reward.reward.piecesRequired;
  const name = escapeHtml(reward.reward.name);
  const lines = [ctx.t("done-reward-won", { reward: name, bar: progressBar(earned, required), earned, required })];
  if (earned >= required) lines.push(ctx.t("done-reward-achieved", { reward: name }));
  return lines;
}

/**
 * A tap that logs `habit` (✅ Done today, a confirmed other day, a reminder's ✅ Done): a refusal
 * is the tap's toast; a completion edits the tapped message into its answer, with the buttons
 * `more` gives, then 🎉 Claim and ↩️ Undo.
 */
export async function completeFromTap(
  core: Core,
  ctx: FlowContext,
  habit: Habit,
  options: { date?: LocalDate; source: CompletionSource; more?: InlineKeyboardButton[][] },
): Promise<void> {
  const result = await core.completions.complete({
    userId: ctx.account.id,
    habitId: habit.id,
    source: options.source,
    ...(options.date === undefined ? {} : { date: options.date }),
    ...tapValue(habit),
  });
  if (!result.ok) {
    await ctx.answerCallbackQuery(refusalText(ctx, result));
    return;
  }
  await ctx.answerCallbackQuery();
  const lines = await completionAnswer(core, ctx, result.value, habit);
  await show(ctx, lines.join("\n"), completionButtons(ctx, result.value, options.more ?? []));
}

/** The lines answering a completion of `habit`. */
async function completionAnswer(
  core: Core,
  ctx: FlowContext,
  outcome: CompletionOutcome,
  habit: Habit,
): Promise<string[]> {
  const { completion, milestone } = outcome;
  const name = escapeHtml(habitLabel(habit));
  const found = await core.completions.dueToday(ctx.account.id);
  const isToday = found?.today === completion.date;
  const lines = isToday
    ? []
    : [ctx.t("backdate-logged-for", { day: dayLabel(ctx.account.language, completion.date, "long") })];
  const kind = periodKindOf(habit);
  if (kind === null) {
    // The streak this completion carries on (a backdated one's own, not today's).
    lines.push(ctx.t("done-logged", { habit: name, streak: completion.streak }));
  } else {
    const period = periodOf(kind, completion.date);
    const inPeriod =
      (await core.completions.list(ctx.account.id, habit.id, { from: period.start, to: period.end })) ?? [];
    const done = inPeriod.filter((item) => countsAsDone(habit, item.value)).length;
    const target = habit.frequency.timesPerPeriod;
    // A day of an earlier week or month counts in that period, which is not "this" one.
    const current = found !== undefined && found.today >= period.start && found.today <= period.end;
    const when = `${current ? "this" : "that"}-${kind}`;
    lines.push(ctx.t("done-logged-period", { habit: name, done, target, period: when }));
  }
  const hasRewards = outcome.reward.won || (await core.rewards.list(ctx.account.id)).length > 0;
  lines.push(...rewardLines(ctx, outcome, hasRewards));
  if (milestone?.kind === "streak") lines.push(ctx.t("done-milestone-streak", { days: milestone.value }));
  if (milestone?.kind === "target") lines.push(ctx.t("done-milestone-target", { count: milestone.value }));
  const progress = isToday && found ? todayProgress(ctx, found) : undefined;
  if (progress) lines.push(progress);
  return lines;
}
