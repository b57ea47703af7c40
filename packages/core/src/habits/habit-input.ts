// Turns what a user typed or an app sent into valid habit fields, or says exactly what is wrong.
import { fail, ok, type Result } from "../shared/result.js";
import { FieldErrors, type Invalid, singleLineName } from "../shared/validation.js";
import { type IsoWeekday, isLocalDate } from "../time/local-date.js";
import { isLocalTime } from "../time/local-time.js";
import {
  defaultHabitWeight,
  frequencies,
  type HabitFields,
  habitLimits,
  habitPalette,
  habitTypes,
  nameKey,
  units,
} from "./habit.js";

/** What create takes and update merges over the current fields; unset fields take defaults. */
export interface HabitInput {
  name?: string;
  description?: string | null;
  color?: string | null;
  emoji?: string | null;
  category?: string | null;
  type?: string;
  target?: { value: number; unit: string } | null;
  frequency?: { type: string; timesPerPeriod?: number };
  exemptWeekdays?: number[];
  allowedSkipDays?: number;
  weight?: number;
  startDate?: string | null;
  endDate?: string | null;
  milestoneTarget?: number | null;
  reminders?: Array<{ time: string; weekdays?: number[] }>;
  tags?: string[];
}

const weekdays: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/** Validates a whole habit: `base` holds the current fields on update, defaults on create. */
export function validateHabit(input: HabitInput, base?: HabitFields, colorIndex = 0): Result<HabitFields, Invalid> {
  const errors = new FieldErrors();
  const pick = <K extends keyof HabitInput>(key: K) => (key in input ? input[key] : undefined);
  const has = (key: keyof HabitInput) => key in input && input[key] !== undefined;

  const name = singleLineName((has("name") ? input.name : base?.name) ?? "");
  errors.text("name", name, { min: 1, max: habitLimits.name, required: true });

  const description = blankToNull(has("description") ? pick("description") : base?.description);
  errors.text("description", description, { max: habitLimits.description });

  const defaultColor = base?.color ?? habitPalette[colorIndex % habitPalette.length] ?? "#4F46E5";
  const color = errors.color("color", has("color") ? (pick("color") ?? defaultColor) : defaultColor);

  const emoji = blankToNull(has("emoji") ? pick("emoji") : base?.emoji);
  errors.text("emoji", emoji, { max: 16 });

  const category = blankToNull(has("category") ? pick("category") : base?.category);
  errors.text("category", category, { max: habitLimits.category });

  const type = (has("type") ? input.type : base?.type) ?? "binary";
  errors.choice("type", type, habitTypes);
  let target: HabitInput["target"] = has("target") ? (pick("target") ?? null) : (base?.target ?? null);
  if (type === "measurable") {
    if (!target) errors.add({ field: "target", code: "required" });
    else {
      errors.number("target.value", target.value, { greaterThan: 0, max: 1_000_000 });
      errors.choice("target.unit", target.unit, units);
    }
  } else if (type === "binary" && target) {
    if (has("target")) errors.add({ field: "target", code: "not_allowed" });
    target = null;
  }

  const frequencyType = (has("frequency") ? input.frequency?.type : base?.frequency.type) ?? "daily";
  errors.choice("frequency.type", frequencyType, frequencies);
  const timesPerPeriod = (has("frequency") ? input.frequency?.timesPerPeriod : base?.frequency.timesPerPeriod) ?? 1;
  // Own members only: a frequency type named `constructor` must not find Object.prototype's.
  const maxTimes = Object.hasOwn(habitLimits.timesPerPeriod, frequencyType)
    ? habitLimits.timesPerPeriod[frequencyType as keyof typeof habitLimits.timesPerPeriod]
    : 1;
  errors.integer("frequency.timesPerPeriod", timesPerPeriod, { min: 1, max: maxTimes });

  const exemptWeekdays = uniqueSorted(
    has("exemptWeekdays") ? (input.exemptWeekdays ?? []) : (base?.exemptWeekdays ?? []),
  );
  exemptWeekdays.forEach((day, index) => {
    if (!weekdays.includes(day))
      errors.add({ field: `exemptWeekdays.${index}`, code: "invalid_choice", allowed: weekdays });
  });
  if (exemptWeekdays.length > 0 && frequencyType !== "daily")
    errors.add({ field: "exemptWeekdays", code: "not_allowed" });
  if (exemptWeekdays.length >= 7) errors.add({ field: "exemptWeekdays", code: "too_large", limit: 6 });

  const allowedSkipDays = (has("allowedSkipDays") ? input.allowedSkipDays : base?.allowedSkipDays) ?? 0;
  errors.integer("allowedSkipDays", allowedSkipDays, habitLimits.allowedSkipDays);

  const weight = (has("weight") ? input.weight : base?.weight) ?? defaultHabitWeight;
  errors.integer("weight", weight, habitLimits.weight);

  const startDate = blankToNull(has("startDate") ? pick("startDate") : base?.startDate);
  const endDate = blankToNull(has("endDate") ? pick("endDate") : base?.endDate);
  if (startDate !== null && !isLocalDate(startDate))
    errors.add({ field: "startDate", code: "invalid_format", limit: "YYYY-MM-DD" });
  if (endDate !== null && !isLocalDate(endDate))
    errors.add({ field: "endDate", code: "invalid_format", limit: "YYYY-MM-DD" });
  if (startDate && endDate && isLocalDate(startDate) && isLocalDate(endDate) && endDate < startDate) {
    errors.add({ field: "endDate", code: "before_start" });
  }

  const milestoneTarget = has("milestoneTarget") ? (pick("milestoneTarget") ?? null) : (base?.milestoneTarget ?? null);
  if (milestoneTarget !== null)
    errors.integer("milestoneTarget", milestoneTarget, { min: 1, max: habitLimits.milestoneTarget });

  const reminderInput = has("reminders") ? (input.reminders ?? []) : (base?.reminders ?? []);
  if (reminderInput.length > habitLimits.reminders)
    errors.add({ field: "reminders", code: "too_large", limit: habitLimits.reminders });
  const reminders = reminderInput.map((reminder, index) => {
    if (!isLocalTime(reminder.time))
      errors.add({ field: `reminders.${index}.time`, code: "invalid_format", limit: "HH:MM" });
    const days = uniqueSorted(reminder.weekdays ?? []);
    days.forEach((day, dayIndex) => {
      if (!weekdays.includes(day)) {
        errors.add({ field: `reminders.${index}.weekdays.${dayIndex}`, code: "invalid_choice", allowed: weekdays });
      }
    });
    return { time: reminder.time, weekdays: days as IsoWeekday[] };
  });
  reminders.forEach((reminder, index) => {
    if (reminders.findIndex((other) => other.time === reminder.time) !== index) {
      errors.add({ field: `reminders.${index}.time`, code: "duplicate" });
    }
  });

  const tagInput = has("tags") ? (input.tags ?? []) : (base?.tags ?? []);
  const tags: string[] = [];
  tagInput.forEach((tag, index) => {
    const trimmed = tag.trim();
    errors.text(`tags.${index}`, trimmed, { min: 1, max: habitLimits.tagName, required: true });
    if (trimmed && !tags.some((known) => nameKey(known) === nameKey(trimmed))) tags.push(trimmed);
  });
  if (tags.length > habitLimits.tags) errors.add({ field: "tags", code: "too_large", limit: habitLimits.tags });

  if (!errors.isEmpty) return fail({ reason: "invalid", errors: errors.errors });
  return ok({
    name,
    description,
    color,
    emoji,
    category,
    type: type as HabitFields["type"],
    target: target ? { value: target.value, unit: target.unit as NonNullable<HabitFields["target"]>["unit"] } : null,
    frequency: { type: frequencyType as HabitFields["frequency"]["type"], timesPerPeriod },
    exemptWeekdays: exemptWeekdays as IsoWeekday[],
    allowedSkipDays,
    weight,
    startDate,
    endDate,
    milestoneTarget,
    reminders: reminders.sort((a, b) => a.time.localeCompare(b.time)),
    tags,
  });
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function uniqueSorted(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
