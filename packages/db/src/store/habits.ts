import { randomUUID } from "node:crypto";
import { type HabitRepository, nameKey } from "@habits/core";
import { habitColumns, habitInclude, habitLinks, toHabit } from "./habit-rows.js";
import type { StoreScope } from "./scope.js";

const statusWhere = { active: { archivedAt: null }, archived: { archivedAt: { not: null } }, all: {} } as const;

export function habitRepository(scope: StoreScope): HabitRepository {
  const { db } = scope;
  return {
    create: (userId, fields) =>
      scope.write(async (tx) => {
        const row = await tx.habit.create({
          data: {
            id: randomUUID(),
            userId,
            activeNameKey: nameKey(fields.name),
            ...habitColumns(fields),
            ...habitLinks(userId, fields),
          },
          include: habitInclude,
        });
        return toHabit(row);
      }),

    update: (userId, id, fields) =>
      scope.write(async (tx) => {
        const current = await tx.habit.findFirst({ where: { id, userId }, select: { archivedAt: true } });
        if (!current) return undefined;
        // Replaced, not merged; cleared first because the new reminders may reuse a time (unique per habit).
        await tx.habitReminder.deleteMany({ where: { habitId: id } });
        await tx.habitTag.deleteMany({ where: { habitId: id } });
        const row = await tx.habit.update({
          where: { id },
          data: {
            // An archived habit keeps no name key: renaming it cannot collide with an active one.
            activeNameKey: current.archivedAt === null ? nameKey(fields.name) : null,
            ...habitColumns(fields),
            ...habitLinks(userId, fields),
          },
          include: habitInclude,
        });
        return toHabit(row);
      }),

    async findById(userId, id) {
      const row = await db.habit.findFirst({ where: { id, userId }, include: habitInclude });
      return row ? toHabit(row) : undefined;
    },

    async list(userId, filter = {}) {
      const rows = await db.habit.findMany({
        where: { userId, ...statusWhere[filter.status ?? "active"] },
        include: habitInclude,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map(toHabit);
    },

    setArchivedAt: (userId, id, archivedAt) =>
      scope.write(async (tx) => {
        const current = await tx.habit.findFirst({ where: { id, userId }, select: { name: true } });
        if (!current) return undefined;
        const row = await tx.habit.update({
          where: { id },
          // Unarchiving takes the name back, which the unique index refuses if another active habit has it.
          data: { archivedAt, activeNameKey: archivedAt === null ? nameKey(current.name) : null },
          include: habitInclude,
        });
        return toHabit(row);
      }),

    // Completions, draws, reminders, tag links and reminder claims cascade with the row.
    delete: (userId, id) => scope.write(async (tx) => (await tx.habit.deleteMany({ where: { id, userId } })).count > 0),

    count: (userId) => db.habit.count({ where: { userId } }),
  };
}
