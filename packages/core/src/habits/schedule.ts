// When a habit is due. Daily habits are due on every date in their range except exempt weekdays;
// weekly and monthly ones are due on any date of a period until the period's target is met.
import { addDays, daysBetween, isoWeekday, type LocalDate } from "../time/local-date.js";
import type { PeriodKind } from "../time/periods.js";
import type { HabitFields } from "./habit.js";

export type ScheduleFields = Pick<
  HabitFields,
  "frequency" | "exemptWeekdays" | "allowedSkipDays" | "startDate" | "endDate"
>;

export function isWithinRange(habit: Pick<HabitFields, "startDate" | "endDate">, date: LocalDate): boolean {
  return (habit.startDate === null || date >= habit.startDate) && (habit.endDate === null || date <= habit.endDate);
}

/** A daily habit's due day: in range and not on an exempt weekday. */
export function isDueDay(habit: ScheduleFields, date: LocalDate): boolean {
  return isWithinRange(habit, date) && !habit.exemptWeekdays.includes(isoWeekday(date));
}

/** Due days strictly between two dates: the days a gap missed. Constant time, whatever the gap. */
export function dueDaysBetween(habit: ScheduleFields, after: LocalDate, before: LocalDate): number {
  let first = addDays(after, 1);
  let last = addDays(before, -1);
  if (habit.startDate !== null && first < habit.startDate) first = habit.startDate;
  if (habit.endDate !== null && last > habit.endDate) last = habit.endDate;
  const days = last < first ? 0 : daysBetween(first, last) + 1;
  const fullWeeks = Math.floor(days / 7);
  // A set, so a repeated weekday in unvalidated fields is not subtracted twice per week.
  const exempt = new Set<number>(habit.exemptWeekdays);
  let count = fullWeeks * (7 - exempt.size);
  for (let date = addDays(first, fullWeeks * 7); date <= last; date = addDays(date, 1)) {
    if (!exempt.has(isoWeekday(date))) count += 1;
  }
  return count;
}

export function periodKindOf(habit: Pick<HabitFields, "frequency">): PeriodKind | null {
  if (habit.frequency.type === "weekly") return "week";
  if (habit.frequency.type === "monthly") return "month";
  return null;
}
