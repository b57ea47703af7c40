import { randomUUID } from "node:crypto";
import { nameKey, type UserRepository } from "@habits/core";
import type { StoreScope } from "./scope.js";
import { newUserRow, toUser, userChangeColumns } from "./user-rows.js";

export function userRepository(scope: StoreScope): UserRepository {
  const { db } = scope;
  return {
    create: (user) => scope.write(async (tx) => toUser(await tx.user.create({ data: newUserRow(randomUUID(), user) }))),

    async findById(id) {
      const row = await db.user.findUnique({ where: { id } });
      return row ? toUser(row) : undefined;
    },

    async findByTelegramId(telegramId) {
      const row = await db.user.findUnique({ where: { telegramId: BigInt(telegramId) } });
      return row ? toUser(row) : undefined;
    },

    async findByTelegramUsername(username) {
      // Telegram usernames are ASCII (a–z, 0–9, _), so LOWER compares them alike on SQLite and PostgreSQL.
      const rows = await db.$queryRaw<Array<{ id: string }>>`
        SELECT "id" FROM "User" WHERE LOWER("telegramUsername") = LOWER(${username}) ORDER BY "id"`;
      const users = await Promise.all(rows.map((row) => db.user.findUnique({ where: { id: row.id } })));
      return users.flatMap((row) => (row ? [toUser(row)] : []));
    },

    async findByLogin(usernameOrEmail) {
      const key = nameKey(usernameOrEmail);
      // A username wins over someone else's identical email (validation keeps the two apart).
      const row =
        (await db.user.findUnique({ where: { usernameKey: key } })) ??
        (await db.user.findUnique({ where: { emailKey: key } }));
      return row ? toUser(row) : undefined;
    },

    update: (id, changes) =>
      scope.write(async (tx) => {
        const { count } = await tx.user.updateMany({ where: { id }, data: userChangeColumns(changes) });
        if (count === 0) return undefined;
        return toUser(await tx.user.findUniqueOrThrow({ where: { id } }));
      }),

    async getPasswordHash(id) {
      const row = await db.user.findUnique({ where: { id }, select: { passwordHash: true } });
      return row?.passwordHash ?? null;
    },

    async setPasswordHash(id, passwordHash, changedAt) {
      await scope.write((tx) =>
        tx.user.updateMany({ where: { id }, data: { passwordHash, passwordChangedAt: changedAt } }),
      );
    },

    // Everything the user owns goes with the row: every relation to User cascades.
    delete: (id) => scope.write(async (tx) => (await tx.user.deleteMany({ where: { id } })).count > 0),

    // A no-op UPDATE: PostgreSQL holds the row lock until the transaction ends, so the next
    // transaction locking this user waits. SQLite runs one write transaction at a time anyway.
    lock: (id) => scope.lock((tx) => tx.$executeRaw`UPDATE "User" SET "id" = "id" WHERE "id" = ${id}`),
  };
}
