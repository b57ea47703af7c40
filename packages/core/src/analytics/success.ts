// How often a habit was expected and achieved over a range of local dates (DOMAIN.md "Success
// rate and analytics").
import type { Completion } from "../completions/completion.js";
import { counts } from "../completions/streak-recompute.js";
import type { Habit } from "../habits/habit.js";
import { isDueDay, periodKindOf } from "../habits/schedule.js";
import { addDays, daysBetween, type LocalDate, maxDate, minDate } from "../time/local-date.js";
import { nextPeriod, type Period, periodLength, periodOf } from "../time/periods.js";

export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

/**
 * The part of `range` in which the habit could be expected: from its startDate (or, without one,
 * the day it began: its creation or its first completion, whichever is earlier) to its endDate and
 * today. Undefined when nothing is left.
 */
export function activeRange(habit: Habit, range: DateRange, today: LocalDate, began: LocalDate): DateRange | undefined {
  const from = maxDate(range.from, habit.startDate ?? began);
  const to = minDate(minDate(range.to, today), habit.endDate ?? range.to);
  return from <= to ? { from, to } : undefined;
}

/** One unit of expectation: a due day (daily) or the part of a period inside the range. */
interface Slot {
  from: LocalDate;
  to: LocalDate;
  expected: number;
}

function slotsOf(habit: Habit, range: DateRange): Slot[] {
  const kind = periodKindOf(habit);
  if (kind === null) {
    const slots: Slot[] = [];
    for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
      if (isDueDay(habit, date)) slots.push({ from: date, to: date, expected: 1 });
    }
    return slots;
  }
  const slots: Slot[] = [];
  for (let period: Period = periodOf(kind, range.from); period.start <= range.to; period = nextPeriod(period)) {
    const from = maxDate(period.start, range.from);
    const to = minDate(period.end, range.to);
    const overlap = daysBetween(from, to) + 1;
    // Never more than the days there are to do it on (a 30-times monthly habit in February).
    const share = Math.ceil((habit.frequency.timesPerPeriod * overlap) / periodLength(period));
    slots.push({ from, to, expected: Math.min(share, overlap) });
  }
  return slots;
}

export interface Success {
  expected: number;
  /** Counted completions in the range, capped per period (or due day) at what it expected. */
  achieved: number;
  /** achieved / expected, 0 when nothing was expected; always within [0, 1]. */
  successRate: number;
}

export function successOf(habit: Habit, completions: readonly Completion[], range: DateRange | undefined): Success {
  if (!range) return { expected: 0, achieved: 0, successRate: 0 };
  const done = completions.filter(
    (completion) =>
      completion.habitId === habit.id &&
      counts(habit, completion.value) &&
      completion.date >= range.from &&
      completion.date <= range.to,
  );
  let expected = 0;
  let achieved = 0;
  for (const slot of slotsOf(habit, range)) {
    expected += slot.expected;
    const inSlot = done.filter((completion) => completion.date >= slot.from && completion.date <= slot.to).length;
    achieved += Math.min(inSlot, slot.expected);
  }
  return { expected, achieved, successRate: expected === 0 ? 0 : achieved / expected };
}
