// Keeps every completion's stored streak equal to the rule applied from scratch: after an insert
// or a revert anywhere in the history, the completions whose streak changed are rewritten.
import type { Habit } from "../habits/habit.js";
import { periodKindOf } from "../habits/schedule.js";
import type { CompletionRepository } from "../ports/store.js";
import { requiredIn, streaksOf } from "../streaks/streaks.js";
import { periodOf } from "../time/periods.js";
import type { Completion } from "./completion.js";

/** A measurable log counts as done when its value meets the target; binary ones always count. */
export function counts(habit: Pick<Habit, "type" | "target">, value: number | null): boolean {
  if (habit.type !== "measurable") return true;
  return value !== null && habit.target !== null && value >= habit.target.value;
}

/** The streak each completion should store, in the order given (ascending dates). */
export function expectedStreaks(habit: Habit, completions: readonly Pick<Completion, "date" | "value">[]): number[] {
  const counted = completions.filter((completion) => counts(habit, completion.value));
  const streaks = streaksOf(
    habit,
    counted.map((completion) => completion.date),
  );
  const byDate = new Map(counted.map((completion, index) => [completion.date, streaks[index] ?? 0]));
  return completions.map((completion) => byDate.get(completion.date) ?? 0);
}

/** Rewrites the stored streaks that differ from the rule; returns the habit's completions, updated. */
export async function recomputeStreaks(completions: CompletionRepository, habit: Habit): Promise<Completion[]> {
  const all = await completions.listForHabit(habit.id);
  const streaks = expectedStreaks(habit, all);
  const changes = all.flatMap((completion, index) => {
    const streak = streaks[index] ?? 0;
    return completion.streak === streak ? [] : [{ id: completion.id, streak }];
  });
  if (changes.length > 0) await completions.setStreaks(changes);
  return all.map((completion, index) => ({ ...completion, streak: streaks[index] ?? 0 }));
}

/**
 * The streak a completion carries on: the one it extends, before it counts itself (0 on day one).
 * This is the streak of the draw's formula, so a default habit on day one wins half the time.
 * Daily: its own streak − 1. Periods: the chain of complete periods before its own, unless this
 * completion's period is still short of its target (then its streak is that chain already).
 */
export function carriedStreak(
  habit: Habit,
  history: readonly Pick<Completion, "date" | "value">[],
  streaks: readonly number[],
  index: number,
): number {
  const own = history[index];
  const streak = streaks[index] ?? 0;
  if (!own || streak === 0) return 0;
  const kind = periodKindOf(habit);
  if (kind === null) return streak - 1;
  const period = periodOf(kind, own.date);
  const doneInPeriod = history
    .slice(0, index + 1)
    .filter((item) => item.date >= period.start && counts(habit, item.value)).length;
  return doneInPeriod >= requiredIn(habit, period) ? streak - 1 : streak;
}
