// The streak rules of DOMAIN.md. Daily habits (the seed bot's rule), for a completion on D with
// P the previous one: no P → 1; P = D − 1 → streak(P) + 1; otherwise the due days strictly
// between them that were missed must be ≤ allowedSkipDays (per gap) to continue, else 1.
// Weekly and monthly habits count consecutive periods that reached timesPerPeriod.
import { dueDaysBetween, periodKindOf, type ScheduleFields } from "../habits/schedule.js";
import { daysBetween, type LocalDate } from "../time/local-date.js";
import { type Period, periodOf, previousPeriod } from "../time/periods.js";

/** The streak of a daily habit's completion on `date`, given the previous counted completion. */
export function nextDailyStreak(
  habit: ScheduleFields,
  previous: { date: LocalDate; streak: number } | undefined,
  date: LocalDate,
): number {
  if (!previous) return 1;
  return dueDaysBetween(habit, previous.date, date) <= habit.allowedSkipDays ? previous.streak + 1 : 1;
}

/**
 * The streak at each counted completion, from scratch. `dates` are the dates of the completions
 * that count (done), ascending and unique; the result is aligned with them.
 */
export function streaksOf(habit: ScheduleFields, dates: readonly LocalDate[]): number[] {
  const kind = periodKindOf(habit);
  if (kind === null) {
    const streaks: number[] = [];
    dates.forEach((date, index) => {
      const previousDate = dates[index - 1];
      const previousStreak = streaks[index - 1];
      const previous =
        previousDate !== undefined && previousStreak !== undefined
          ? { date: previousDate, streak: previousStreak }
          : undefined;
      streaks.push(nextDailyStreak(habit, previous, date));
    });
    return streaks;
  }
  const streaks: number[] = [];
  let required = 0;
  // Consecutive complete periods ending with the last complete one, and which period that is.
  let chain = 0;
  let chainEnd: Period | undefined;
  let current: Period | undefined;
  let countInPeriod = 0;
  // The chain of complete periods just before the current one: fixed when the period starts, so
  // completions beyond the target in a complete period keep its streak.
  let before = 0;
  for (const date of dates) {
    const period = periodOf(kind, date);
    if (current?.start !== period.start) {
      current = period;
      countInPeriod = 0;
      required = requiredIn(habit, period);
      before = chainEnd !== undefined && chainEnd.start === previousPeriod(period).start ? chain : 0;
    }
    countInPeriod += 1;
    if (countInPeriod === required) {
      chain = before + 1;
      chainEnd = period;
    }
    streaks.push(countInPeriod >= required ? before + 1 : before);
  }
  return streaks;
}

/**
 * Completions a period needs: timesPerPeriod, but never more than the period has days in the
 * habit's range (28 a month in February, a first week cut short by startDate), so every period
 * can be completed.
 */
export function requiredIn(habit: ScheduleFields, period: Period): number {
  const from = habit.startDate !== null && habit.startDate > period.start ? habit.startDate : period.start;
  const to = habit.endDate !== null && habit.endDate < period.end ? habit.endDate : period.end;
  const days = to < from ? 0 : daysBetween(from, to) + 1;
  return Math.max(1, Math.min(habit.frequency.timesPerPeriod, days));
}

export interface StreakSummary {
  current: number;
  longest: number;
  lastCompletedDate: LocalDate | null;
}

/**
 * Current and longest streak on `today`. Daily: the latest counted completion's streak while it is
 * alive (it is today, or the due days missed since are ≤ allowedSkipDays: today is still open).
 * Periods: the chain of complete periods up to the previous one, plus the current period once it
 * has reached its target (an open, unfinished period neither adds nor breaks). Periods wholly after
 * endDate are not due, like a daily habit's days after it: the chain is judged up to endDate's period.
 */
export function summarizeStreaks(habit: ScheduleFields, dates: readonly LocalDate[], today: LocalDate): StreakSummary {
  const streaks = streaksOf(habit, dates);
  const longest = streaks.reduce((max, streak) => Math.max(max, streak), 0);
  const lastIndex = dates.length - 1;
  const last = dates[lastIndex];
  const lastStreak = streaks[lastIndex];
  if (last === undefined || lastStreak === undefined) return { current: 0, longest: 0, lastCompletedDate: null };

  const kind = periodKindOf(habit);
  if (kind === null) {
    const alive = last >= today || dueDaysBetween(habit, last, today) <= habit.allowedSkipDays;
    return { current: alive ? lastStreak : 0, longest, lastCompletedDate: last };
  }
  const counts = new Map<LocalDate, number>();
  for (const date of dates) {
    const start = periodOf(kind, date).start;
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const reachedTarget = (period: Period) => (counts.get(period.start) ?? 0) >= requiredIn(habit, period);
  let period = periodOf(kind, today);
  if (habit.endDate !== null && period.start > habit.endDate) {
    // Periods wholly after endDate have no due day: they neither add nor break. The chain is judged
    // from the last period in range, which is closed by now.
    period = periodOf(kind, habit.endDate);
  } else if (!reachedTarget(period)) {
    // The open period, while unfinished, neither adds nor breaks.
    period = previousPeriod(period);
  }
  let current = 0;
  for (; reachedTarget(period); period = previousPeriod(period)) current += 1;
  return { current, longest, lastCompletedDate: last };
}
