// The user's tags (Tag rows) and their links to habits (HabitTag rows).
import { randomUUID } from "node:crypto";
import { nameKey, type Tag, type TagFields, type TagRepository } from "@habits/core";
import type { Prisma } from "../generated/sqlite/client.ts";
import type { Db, StoreScope } from "./scope.js";

const tagInclude = { _count: { select: { habits: true } } } satisfies Prisma.TagInclude;

type TagRow = Prisma.TagGetPayload<{ include: typeof tagInclude }>;

/** Binary string order, the same on every database and in the in-memory store. */
const compareText = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

const toTag = (row: TagRow): Tag => ({
  id: row.id,
  name: row.name,
  color: row.color,
  habitCount: row._count.habits,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const columns = (fields: TagFields) => ({ name: fields.name, nameKey: nameKey(fields.name), color: fields.color });

async function ownsHabit(db: Db, userId: string, habitId: string): Promise<boolean> {
  return (await db.habit.findFirst({ where: { id: habitId, userId }, select: { id: true } })) !== null;
}

export function tagRepository(scope: StoreScope): TagRepository {
  const { db } = scope;
  return {
    async list(userId) {
      const rows = await db.tag.findMany({ where: { userId }, include: tagInclude });
      // Sorted in code: a PostgreSQL collation must not decide the order.
      return rows.sort((a, b) => compareText(a.nameKey, b.nameKey) || compareText(a.id, b.id)).map(toTag);
    },

    async findById(userId, id) {
      const row = await db.tag.findFirst({ where: { id, userId }, include: tagInclude });
      return row ? toTag(row) : undefined;
    },

    async ownedIds(userId, ids) {
      const rows = await db.tag.findMany({ where: { userId, id: { in: [...ids] } }, select: { id: true } });
      return new Set(rows.map((row) => row.id));
    },

    create: (userId, fields) =>
      scope.write(async (tx) =>
        toTag(await tx.tag.create({ data: { id: randomUUID(), userId, ...columns(fields) }, include: tagInclude })),
      ),

    update: (userId, id, fields) =>
      scope.write(async (tx) => {
        const current = await tx.tag.findFirst({ where: { id, userId }, select: { id: true } });
        if (!current) return undefined;
        return toTag(await tx.tag.update({ where: { id }, data: columns(fields), include: tagInclude }));
      }),

    // Its HabitTag links cascade with the row.
    delete: (userId, id) => scope.write(async (tx) => (await tx.tag.deleteMany({ where: { id, userId } })).count > 0),

    setHabitTags: (userId, habitId, tagIds) =>
      scope.write(async (tx) => {
        if (!(await ownsHabit(tx, userId, habitId))) return false;
        const wanted = [...new Set(tagIds)];
        // The foreign key alone would accept another user's tag.
        if ((await tx.tag.count({ where: { userId, id: { in: wanted } } })) !== wanted.length) {
          throw new Error(`a tag of ${wanted.join(", ")} is not found: it does not exist or is not the user's`);
        }
        await tx.habitTag.deleteMany({ where: { habitId } });
        await tx.habitTag.createMany({ data: wanted.map((tagId) => ({ habitId, tagId })) });
        await tx.habit.update({ where: { id: habitId }, data: { updatedAt: new Date() } });
        return true;
      }),

    removeHabitTag: (userId, habitId, tagId) =>
      scope.write(async (tx) => {
        if (!(await ownsHabit(tx, userId, habitId))) return false;
        if ((await tx.habitTag.deleteMany({ where: { habitId, tagId } })).count === 0) return false;
        await tx.habit.update({ where: { id: habitId }, data: { updatedAt: new Date() } });
        return true;
      }),
  };
}
