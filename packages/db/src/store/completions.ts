import { randomUUID } from "node:crypto";
import type { Completion, CompletionFilter, CompletionRepository, CompletionSource } from "@habits/core";
import type { Completion as CompletionRow } from "../generated/sqlite/client.ts";
import { requireOwnHabit } from "./ownership.js";
import type { StoreScope } from "./scope.js";

function toCompletion(row: CompletionRow): Completion {
  return {
    id: row.id,
    habitId: row.habitId,
    userId: row.userId,
    date: row.date,
    value: row.value,
    note: row.note,
    source: row.source as CompletionSource,
    streak: row.streak,
    totalWeight: row.totalWeight,
    winChance: row.winChance,
    createdAt: row.createdAt,
  };
}

const whereOf = (userId: string, { from, to, habitId }: CompletionFilter) => ({
  userId,
  ...(habitId !== undefined && { habitId }),
  date: { gte: from, lte: to },
});

export function completionRepository(scope: StoreScope): CompletionRepository {
  const { db } = scope;
  return {
    insert: (completion) =>
      scope.write(async (tx) => {
        await requireOwnHabit(tx, completion.userId, completion.habitId);
        const row = await tx.completion.create({
          data: {
            id: randomUUID(),
            habitId: completion.habitId,
            userId: completion.userId,
            date: completion.date,
            value: completion.value,
            note: completion.note,
            source: completion.source,
            streak: completion.streak,
            totalWeight: completion.totalWeight,
            winChance: completion.winChance,
          },
        });
        return toCompletion(row);
      }),

    async findByDate(habitId, date) {
      const row = await db.completion.findUnique({ where: { habitId_date: { habitId, date } } });
      return row ? toCompletion(row) : undefined;
    },

    async listForHabit(habitId, range = {}) {
      const rows = await db.completion.findMany({
        where: { habitId, date: { gte: range.from, lte: range.to } },
        orderBy: { date: "asc" },
      });
      return rows.map(toCompletion);
    },

    async listForUser(userId, range) {
      const rows = await db.completion.findMany({
        where: { userId, date: { gte: range.from, lte: range.to } },
        orderBy: [{ date: "asc" }, { habitId: "asc" }],
      });
      return rows.map(toCompletion);
    },

    async findById(userId, id) {
      const row = await db.completion.findFirst({ where: { id, userId } });
      return row ? toCompletion(row) : undefined;
    },

    async listNewestFirst(userId, filter, { before, offset = 0, limit }) {
      const rows = await db.completion.findMany({
        where: {
          ...whereOf(userId, filter),
          ...(before && { OR: [{ date: { lt: before.date } }, { date: before.date, id: { lt: before.id } }] }),
        },
        orderBy: [{ date: "desc" }, { id: "desc" }],
        skip: offset,
        take: limit,
      });
      return rows.map(toCompletion);
    },

    countForUser: (userId, filter) => db.completion.count({ where: whereOf(userId, filter) }),

    async delete(id) {
      await scope.write((tx) => tx.completion.deleteMany({ where: { id } }));
    },

    async setStreaks(changes) {
      if (changes.length === 0) return;
      await scope.write(async (tx) => {
        for (const { id, streak } of changes) await tx.completion.updateMany({ where: { id }, data: { streak } });
      });
    },
  };
}
