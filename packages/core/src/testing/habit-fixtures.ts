// A test mother for the schedule fields the schedule and streak rules read: valid by default
// (no exempt weekdays, no grace, no date range), with only what a test is about overridden.
import type { ScheduleFields } from "../habits/schedule.js";
import { addDays, eachDate, type LocalDate } from "../time/local-date.js";

type ScheduleOverrides = Partial<Omit<ScheduleFields, "frequency">>;
/** Exempt weekdays are for daily habits only (validation refuses them on the others). */
type PeriodOverrides = Omit<ScheduleOverrides, "exemptWeekdays">;

const unbounded = (): Omit<ScheduleFields, "frequency"> => ({
  exemptWeekdays: [],
  allowedSkipDays: 0,
  startDate: null,
  endDate: null,
});

export function dailyHabit(overrides: ScheduleOverrides = {}): ScheduleFields {
  return { ...unbounded(), frequency: { type: "daily", timesPerPeriod: 1 }, ...overrides };
}

/** A weekly habit (ISO weeks, Monday to Sunday) done `timesPerPeriod` times a week. */
export function weeklyHabit(timesPerPeriod: number, overrides: PeriodOverrides = {}): ScheduleFields {
  return { ...unbounded(), frequency: { type: "weekly", timesPerPeriod }, ...overrides };
}

/** A monthly habit (calendar months) done `timesPerPeriod` times a month. */
export function monthlyHabit(timesPerPeriod: number, overrides: PeriodOverrides = {}): ScheduleFields {
  return { ...unbounded(), frequency: { type: "monthly", timesPerPeriod }, ...overrides };
}

/** `count` consecutive dates starting at `from`. */
export function consecutiveDates(from: LocalDate, count: number): LocalDate[] {
  return count <= 0 ? [] : eachDate(from, addDays(from, count - 1));
}
