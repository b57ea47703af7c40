import {
  defaultHabitWeight,
  frequencies,
  type Habit,
  type HabitInput,
  habitLimits,
  habitTypes,
  type MonthGridRow,
  units,
} from "@habits/core";
import { fieldsParam, selectableSchema, sortParam } from "../../http/list-query.js";
import { pageQueryShape, pageSchema } from "../../http/paging.js";
import { iso, timestampSchema } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";

const habitStatuses = ["active", "archived"] as const;

const localDate = z.string().openapi({ format: "date", example: "2026-03-01" });
const localTime = z.string().openapi({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$", example: "08:30" });
const weekday = z.number().int().openapi({ description: "ISO weekday: 1 = Monday … 7 = Sunday", example: 6 });

const frequencySchema = z
  .strictObject({
    type: z.enum(frequencies),
    timesPerPeriod: z.number().int().openapi({ description: "How many times per week or month; 1 for daily" }),
  })
  .openapi("HabitFrequency");
const targetSchema = z
  .strictObject({ value: z.number().openapi({ example: 30 }), unit: z.enum(units) })
  .openapi("HabitTarget", { description: "What counts as done for a measurable habit" });
const reminderSchema = z
  .strictObject({
    time: localTime,
    weekdays: z.array(weekday).openapi({ description: "ISO weekdays it rings on; empty = every day" }),
  })
  .openapi("HabitReminder");

const habitShape = {
  id: z.string(),
  name: z.string().openapi({ example: "Read" }),
  description: z.string().nullable(),
  color: z.string().openapi({ example: "#4F46E5" }),
  category: z.string().nullable().openapi({ example: "Mind" }),
  type: z.enum(habitTypes),
  frequency: frequencySchema,
  target: targetSchema.nullable(),
  exemptWeekdays: z.array(weekday).openapi({ description: "Days a daily habit is not due" }),
  allowedSkipDays: z.number().int().openapi({ description: "Missed days a streak survives" }),
  weight: z.number().int().openapi({ description: "Weight in the reward draw" }),
  startDate: localDate.nullable(),
  endDate: localDate.nullable(),
  milestone: z
    .strictObject({
      target: z.number().int().openapi({ description: "Completions to reach" }),
      current: z.number().int().openapi({ description: "Completions so far (read-only)" }),
    })
    .nullable()
    .openapi({ description: "A target number of completions, and how many there are" }),
  reminders: z.array(reminderSchema),
  tags: z.array(z.string()).openapi({ description: "Tag names", example: ["morning"] }),
  status: z.enum(habitStatuses),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
};

export const habitSchema = z.strictObject(habitShape).openapi("Habit");

export type HabitJson = z.input<typeof habitSchema>;

/** The fields `fields=` may select, in the document's order. */
const habitFields = Object.keys(habitShape) as Array<keyof typeof habitShape>;

export const habitListItemSchema = selectableSchema(
  habitShape,
  "HabitListItem",
  "A habit; with `fields`, only the fields chosen",
);
export const habitPageSchema = pageSchema(habitListItemSchema, "HabitPage");

/** What the presenter needs besides the habit: its counted completions. */
export interface HabitFacts {
  countedCompletions: number;
  lastCompletedDate: string | null;
}

export function presentHabit(habit: Habit, facts: HabitFacts): HabitJson {
  return {
    id: habit.id,
    name: habit.name,
    description: habit.description,
    color: habit.color,
    category: habit.category,
    type: habit.type,
    frequency: { type: habit.frequency.type, timesPerPeriod: habit.frequency.timesPerPeriod },
    target: habit.target ? { value: habit.target.value, unit: habit.target.unit } : null,
    exemptWeekdays: [...habit.exemptWeekdays],
    allowedSkipDays: habit.allowedSkipDays,
    weight: habit.weight,
    startDate: habit.startDate,
    endDate: habit.endDate,
    milestone:
      habit.milestoneTarget === null ? null : { target: habit.milestoneTarget, current: facts.countedCompletions },
    reminders: habit.reminders.map((reminder) => ({ time: reminder.time, weekdays: [...reminder.weekdays] })),
    tags: [...habit.tags],
    status: habit.archivedAt === null ? "active" : "archived",
    createdAt: iso(habit.createdAt),
    updatedAt: iso(habit.updatedAt),
  };
}

/** A habit as created or replaced: `name` is required; a field left out takes its default. */
export const habitInputSchema = z
  .strictObject({
    name: z.string().openapi({ description: `1–${habitLimits.name} characters, one line`, example: "Read" }),
    description: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: `At most ${habitLimits.description} characters` }),
    color: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "`#RRGGBB`; the next palette color (or the current one) by default" }),
    category: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: `At most ${habitLimits.category} characters` }),
    type: z.enum(habitTypes).optional().openapi({ description: "`binary` by default" }),
    frequency: z
      .strictObject({
        type: z.enum(frequencies),
        timesPerPeriod: z
          .number()
          .optional()
          .openapi({ description: "1 by default; up to 7 a week or 31 a month, 1 for daily" }),
      })
      .optional()
      .openapi({ description: "Daily once by default" }),
    target: z
      .strictObject({ value: z.number(), unit: z.enum(units) })
      .nullable()
      .optional()
      .openapi({ description: "Required for a measurable habit, refused for a binary one" }),
    exemptWeekdays: z.array(z.number()).optional().openapi({ description: "Daily habits only; not all seven" }),
    allowedSkipDays: z
      .number()
      .optional()
      .openapi({ description: `${habitLimits.allowedSkipDays.min}–${habitLimits.allowedSkipDays.max}; 0 by default` }),
    weight: z
      .number()
      .optional()
      .openapi({
        description: `${habitLimits.weight.min}–${habitLimits.weight.max}; ${defaultHabitWeight} by default`,
      }),
    startDate: localDate.nullable().optional(),
    endDate: localDate.nullable().optional().openapi({ description: "Not before startDate" }),
    milestone: z
      .strictObject({ target: z.number().openapi({ description: `1–${habitLimits.milestoneTarget}` }) })
      .nullable()
      .optional()
      .openapi({ description: "A target number of completions; none by default" }),
    reminders: z
      .array(z.strictObject({ time: localTime, weekdays: z.array(z.number()).optional() }))
      .optional()
      .openapi({ description: `At most ${habitLimits.reminders} (more: 422 too_many_items), at different times` }),
    tags: z
      .array(z.string())
      .optional()
      .openapi({
        description: `Tag names, at most ${habitLimits.tags} (more: 422 too_many_items); missing tags are made`,
      }),
  })
  .openapi("HabitInput");

export type HabitInputJson = z.output<typeof habitInputSchema>;

/** Every field of the input set, so that a replacement does not keep what it leaves out. */
export function toHabitInput(body: HabitInputJson): HabitInput {
  return {
    name: body.name,
    description: body.description ?? null,
    color: body.color ?? null,
    category: body.category ?? null,
    type: body.type ?? "binary",
    target: body.target ?? null,
    frequency: { type: body.frequency?.type ?? "daily", timesPerPeriod: body.frequency?.timesPerPeriod ?? 1 },
    exemptWeekdays: body.exemptWeekdays ?? [],
    allowedSkipDays: body.allowedSkipDays ?? 0,
    weight: body.weight ?? defaultHabitWeight,
    startDate: body.startDate ?? null,
    endDate: body.endDate ?? null,
    milestoneTarget: body.milestone?.target ?? null,
    reminders: (body.reminders ?? []).map((reminder) => ({ time: reminder.time, weekdays: reminder.weekdays ?? [] })),
    tags: body.tags ?? [],
  };
}

/** The fields of a habit a client sets (PUT and PATCH); the others are read-only. */
export const writableHabitFields = Object.keys(habitInputSchema.shape) as Array<keyof HabitInputJson>;

/** A JSON Merge Patch (RFC 7396) of a habit's writable fields; `null` removes (clears) a field. */
export const habitMergePatchSchema = z
  .strictObject({
    name: z.string().nullable().optional(),
    description: z.string().nullable().optional(),
    color: z.string().nullable().optional(),
    category: z.string().nullable().optional(),
    type: z.enum(habitTypes).nullable().optional(),
    frequency: z
      .strictObject({
        type: z.enum(frequencies).nullable().optional(),
        timesPerPeriod: z.number().nullable().optional(),
      })
      .nullable()
      .optional(),
    target: z
      .strictObject({ value: z.number().nullable().optional(), unit: z.enum(units).nullable().optional() })
      .nullable()
      .optional(),
    exemptWeekdays: z.array(z.number()).nullable().optional(),
    allowedSkipDays: z.number().nullable().optional(),
    weight: z.number().nullable().optional(),
    startDate: localDate.nullable().optional(),
    endDate: localDate.nullable().optional(),
    milestone: z.strictObject({ target: z.number().nullable().optional() }).nullable().optional(),
    reminders: z
      .array(z.strictObject({ time: localTime, weekdays: z.array(z.number()).optional() }))
      .nullable()
      .optional(),
    tags: z.array(z.string()).nullable().optional(),
  })
  .openapi("HabitMergePatch", {
    description: "JSON Merge Patch (RFC 7396): fields left out stay; `null` removes one (its default applies)",
  });

export const habitListQuerySchema = z.strictObject({
  ...pageQueryShape,
  q: z.string().max(200).optional().openapi({ description: "Text in the name or description (any case)" }),
  status: z.enum([...habitStatuses, "all"]).default("active"),
  category: z.string().max(200).optional().openapi({ description: "This category (any case)" }),
  tag: z.string().max(200).optional().openapi({ description: "Carries a tag of this name (any case)" }),
  type: z.enum(habitTypes).optional(),
  frequency: z.enum(frequencies).optional(),
  sort: sortParam(["name", "createdAt", "updatedAt", "weight", "frequency", "category", "lastCompletedAt"]),
  fields: fieldsParam(habitFields),
});

export const calendarQuerySchema = z.strictObject({
  month: z.coerce.number().int().min(1).max(12).openapi({ example: 3 }),
  year: z.coerce.number().int().min(1970).max(9999).openapi({ example: 2026 }),
});

export const calendarSchema = z
  .array(
    z
      .strictObject({
        id: z.string(),
        name: z.string(),
        color: z.string(),
        data: z.array(z.number()).openapi({
          description:
            "One entry per day of the month: 1/0 for a binary habit, the value logged (or 0) for a measurable one",
        }),
      })
      .openapi("CalendarRow"),
  )
  .openapi("Calendar", { description: "Every active habit's month grid" });

export const presentCalendarRow = (row: MonthGridRow) => ({
  id: row.id,
  name: row.name,
  color: row.color,
  data: [...row.data],
});

export const habitTagsSchema = z
  .strictObject({
    tagIds: z
      .array(z.string())
      .openapi({ description: `At most ${habitLimits.tags} (more: 422 too_many_items); none clears the tags` }),
  })
  .openapi("HabitTags");
