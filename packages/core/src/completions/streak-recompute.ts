// Keeps every completion's stored streak equal to the rule applied from scratch: after an insert
// or a revert anywhere in the history, the completions whose streak changed are rewritten.
import type { Habit } from "../habits/habit.js";
import type { CompletionRepository } from "../ports/store.js";
import { streaksOf } from "../streaks/streaks.js";
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
