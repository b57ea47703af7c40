import { itemLimits } from "../limits.js";
import { tagLimits } from "../tags/tag.js";
import type { IsoWeekday, LocalDate } from "../time/local-date.js";
import type { LocalTime } from "../time/local-time.js";

export const habitTypes = ["binary", "measurable"] as const;
export type HabitType = (typeof habitTypes)[number];

export const frequencies = ["daily", "weekly", "monthly"] as const;
export type Frequency = (typeof frequencies)[number];

export const units = [
  "minutes",
  "hours",
  "steps",
  "km",
  "miles",
  "pages",
  "times",
  "glasses",
  "liters",
  "kcal",
] as const;
export type Unit = (typeof units)[number];

export interface HabitReminder {
  time: LocalTime;
  /** Limited to these ISO weekdays; empty = every day. */
  weekdays: IsoWeekday[];
}

/** Everything a user sets on a habit (what create and update take, once validated). */
export interface HabitFields {
  name: string;
  description: string | null;
  color: string;
  emoji: string | null;
  category: string | null;
  type: HabitType;
  /** For measurable habits: the value that counts as done, and its unit. */
  target: { value: number; unit: Unit } | null;
  frequency: { type: Frequency; timesPerPeriod: number };
  exemptWeekdays: IsoWeekday[];
  allowedSkipDays: number;
  weight: number;
  startDate: LocalDate | null;
  endDate: LocalDate | null;
  milestoneTarget: number | null;
  reminders: HabitReminder[];
  /**
   * Tag names, ordered by their name key; missing ones are created for the user (core.tags
   * manages tags by id: rename, color, delete, and setting a habit's tags).
   */
  tags: string[];
}

export interface Habit extends HabitFields {
  id: string;
  userId: string;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const habitLimits = {
  name: 100,
  description: 500,
  category: 50,
  tagName: tagLimits.name,
  tags: itemLimits.tagsPerHabit,
  reminders: itemLimits.remindersPerHabit,
  allowedSkipDays: { min: 0, max: 7 },
  weight: { min: 1, max: 100 },
  timesPerPeriod: { weekly: 7, monthly: 31, daily: 1 },
  milestoneTarget: 100_000,
} as const;

export const defaultHabitWeight = 10;

/** Colors given to new habits in turn when none is chosen. */
export const habitPalette = ["#4F46E5", "#059669", "#D97706", "#DC2626", "#7C3AED", "#0891B2", "#DB2777", "#65A30D"];

/** The key that makes names unique per user, whatever the case and surrounding spaces. */
export function nameKey(name: string): string {
  return name.trim().normalize("NFC").toLocaleLowerCase("en");
}

export const isArchived = (habit: Pick<Habit, "archivedAt">): boolean => habit.archivedAt !== null;
