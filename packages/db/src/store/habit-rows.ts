// Habit rows <-> the domain's Habit. Scalars map column by column; reminders are HabitReminder
// rows; tags are the user's Tag rows linked through HabitTag. HabitTag has no position column, so
// tags read back ordered by their key (and reminders by time, as validation sorts them), compared
// in code so that a PostgreSQL collation cannot reorder them.
import { randomUUID } from "node:crypto";
import { type Frequency, type Habit, type HabitFields, type HabitType, nameKey, type Unit } from "@habits/core";
import type { Prisma } from "../generated/sqlite/client.ts";
import { weekdaysFromText, weekdaysToText } from "./weekdays.js";

export const habitInclude = {
  reminders: true,
  tags: { include: { tag: { select: { name: true, nameKey: true } } } },
} satisfies Prisma.HabitInclude;

type HabitRow = Prisma.HabitGetPayload<{ include: typeof habitInclude }>;

/** Binary string order, the same on every database and in the in-memory store. */
const compareText = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

export function toHabit(row: HabitRow): Habit {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    description: row.description,
    color: row.color,
    emoji: row.emoji,
    category: row.category,
    type: row.type as HabitType,
    target: row.targetValue !== null && row.unit !== null ? { value: row.targetValue, unit: row.unit as Unit } : null,
    frequency: { type: row.frequency as Frequency, timesPerPeriod: row.timesPerPeriod },
    exemptWeekdays: weekdaysFromText(row.exemptWeekdays),
    allowedSkipDays: row.allowedSkipDays,
    weight: row.weight,
    startDate: row.startDate,
    endDate: row.endDate,
    milestoneTarget: row.milestoneTarget,
    reminders: row.reminders
      .map((reminder) => ({ time: reminder.time, weekdays: weekdaysFromText(reminder.weekdays) }))
      .sort((a, b) => compareText(a.time, b.time)),
    tags: row.tags
      .map((link) => link.tag)
      .sort((a, b) => compareText(a.nameKey, b.nameKey))
      .map((tag) => tag.name),
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The habit's own columns, everything but ids, keys and links. */
export function habitColumns(fields: HabitFields) {
  return {
    name: fields.name,
    description: fields.description,
    color: fields.color,
    emoji: fields.emoji,
    category: fields.category,
    type: fields.type,
    targetValue: fields.target?.value ?? null,
    unit: fields.target?.unit ?? null,
    frequency: fields.frequency.type,
    timesPerPeriod: fields.frequency.timesPerPeriod,
    exemptWeekdays: weekdaysToText(fields.exemptWeekdays),
    allowedSkipDays: fields.allowedSkipDays,
    weight: fields.weight,
    startDate: fields.startDate,
    endDate: fields.endDate,
    milestoneTarget: fields.milestoneTarget,
  };
}

/** The nested writes that give a new or updated habit its reminders and tags. */
export function habitLinks(userId: string, fields: HabitFields) {
  return {
    reminders: {
      create: fields.reminders.map((reminder) => ({
        id: randomUUID(),
        time: reminder.time,
        weekdays: weekdaysToText(reminder.weekdays),
      })),
    },
    tags: {
      create: uniqueByKey(fields.tags).map(([key, name]) => ({
        // The user's tag with this key, created on first use; it keeps the spelling it was made with.
        tag: {
          connectOrCreate: {
            where: { userId_nameKey: { userId, nameKey: key } },
            create: { id: randomUUID(), userId, name, nameKey: key },
          },
        },
      })),
    },
  };
}

/** One entry per tag key (validation already merges "Run" and "run"; two links to one tag would collide). */
function uniqueByKey(names: readonly string[]): Array<[key: string, name: string]> {
  const byKey = new Map<string, string>();
  for (const name of names) if (!byKey.has(nameKey(name))) byKey.set(nameKey(name), name);
  return [...byKey];
}
