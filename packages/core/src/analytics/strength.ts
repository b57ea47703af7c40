// Habit strength, after Loop Habit Tracker: an exponential moving average of "done" that rises
// with each completion and decays with each miss, more slowly for habits meant to be done rarely.
import type { Habit } from "../habits/habit.js";
import { isWithinRange, periodKindOf } from "../habits/schedule.js";
import { addDays, isoWeekday, type LocalDate } from "../time/local-date.js";

/** Loop's windows: a week is 7 days, a month 30. */
const windowDays = { daily: 1, weekly: 7, monthly: 30 } as const;

/**
 * score = previous × m + v × (1 − m), m = 0.5^(√f / 13), f = timesPerPeriod / windowDays.
 * v, as in Loop, is the share of the target met in the window ending that day:
 * min(1, counted completions in the last windowDays days / timesPerPeriod). Daily habits skip
 * exempt weekdays without a completion (neither gain nor decay). From 0 on `from`; 0–1 on `today`.
 */
export function strengthOf(
  habit: Habit,
  countedDates: ReadonlySet<LocalDate>,
  from: LocalDate,
  today: LocalDate,
): number {
  const window = windowDays[habit.frequency.type];
  const target = habit.frequency.timesPerPeriod;
  const multiplier = 0.5 ** (Math.sqrt(target / window) / 13);
  const isDaily = periodKindOf(habit) === null;
  let score = 0;
  let inWindow = 0;
  for (let date = from; date <= today; date = addDays(date, 1)) {
    if (countedDates.has(date)) inWindow += 1;
    const leaving = addDays(date, -window);
    if (leaving >= from && countedDates.has(leaving)) inWindow -= 1;
    if (!isWithinRange(habit, date)) continue;
    if (isDaily && habit.exemptWeekdays.includes(isoWeekday(date)) && !countedDates.has(date)) continue;
    score = score * multiplier + Math.min(1, inWindow / target) * (1 - multiplier);
  }
  return score;
}
