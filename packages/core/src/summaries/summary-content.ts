// What a summary says, as plain data (numbers and names, no text: each front end words it in the
// user's language). A daily summary lists the habits of one local day, done or not, with their
// live streaks; a weekly one gives each habit's completions against what the week expected.
import type { Completion } from "../completions/completion.js";
import { isStillDue } from "../completions/completion-service.js";
import { counts } from "../completions/streak-recompute.js";
import type { Habit } from "../habits/habit.js";
import { summarizeStreaks } from "../streaks/streaks.js";
import type { LocalDate } from "../time/local-date.js";

export interface DailySummaryHabit {
  habitId: string;
  name: string;
  done: boolean;
  currentStreak: number;
}

export interface DailySummary {
  kind: "daily";
  date: LocalDate;
  /** The habits of the day: those done on it, and those still due on it. */
  habits: DailySummaryHabit[];
  done: number;
  total: number;
  /** Active habits with a live streak on that day (those not on the day's list included). */
  liveStreaks: number;
  /** Habits that can still be done today, when the day is the user's today; 0 once it is over. */
  stillDueToday: number;
}

export interface WeeklySummaryHabit {
  habitId: string;
  name: string;
  completions: number;
  expected: number;
  achieved: number;
  /** achieved / expected, 0–1 (the analytics rule). */
  successRate: number;
  currentStreak: number;
}

export interface WeeklySummary {
  kind: "weekly";
  /** The ISO week, `2026-W49`, from its Monday to its Sunday. */
  week: string;
  from: LocalDate;
  to: LocalDate;
  habits: WeeklySummaryHabit[];
  completions: number;
  expected: number;
  achieved: number;
  successRate: number;
  liveStreaks: number;
}

export type SummaryContent = DailySummary | WeeklySummary;

/**
 * The daily summary of `date` from the active habits and their histories (any order). A habit is
 * on the day's list when it was done that day or was still due then: a weekly habit whose target
 * was met earlier in the week is not, so the count matches what ✅ Done today offered.
 */
export function dailySummaryOf(
  date: LocalDate,
  today: LocalDate,
  habits: readonly Habit[],
  histories: ReadonlyMap<string, readonly Completion[]>,
): DailySummary {
  const listed: DailySummaryHabit[] = [];
  let liveStreaks = 0;
  for (const habit of habits) {
    // Later completions (a summary sent just after midnight) are not the day's.
    const counted = (histories.get(habit.id) ?? [])
      .filter((completion) => completion.date <= date && counts(habit, completion.value))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const currentStreak = summarizeStreaks(
      habit,
      counted.map((completion) => completion.date),
      date,
    ).current;
    if (currentStreak > 0) liveStreaks += 1;
    const done = counted.some((completion) => completion.date === date);
    if (done || isStillDue(habit, date, counted)) {
      listed.push({ habitId: habit.id, name: habit.name, done, currentStreak });
    }
  }
  const done = listed.filter((habit) => habit.done).length;
  return {
    kind: "daily",
    date,
    habits: listed,
    done,
    total: listed.length,
    liveStreaks,
    stillDueToday: date === today ? listed.length - done : 0,
  };
}
