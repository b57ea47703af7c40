// Every uniqueness rule and foreign key of prisma/schema.prisma, proved against the database itself:
// each write goes straight through the Prisma client, with no check in code in front of it, so only
// the database can refuse it. Runs on SQLite by default and on PostgreSQL when DATABASE_URL is set.
//
// What the driver adapters report (Prisma 6.19, adapter-libsql and adapter-pg): a unique or primary
// key violation is P2002 and a foreign key violation is P2003 on both. Neither fills `meta.target`;
// the columns of the refusing index are in `meta.driverAdapterError.cause.constraint.fields` (the pg
// adapter quotes them: `"userId"`). For a foreign key, PostgreSQL names the constraint
// (`constraint.index`) while SQLite only says that some foreign key failed (`constraint.foreignKey`).
import { randomInt, randomUUID } from "node:crypto";
import type { Database, DatabaseClient } from "@habits/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialect, openMigratedTestDatabase, type TestDatabase } from "../support/test-database.js";

let testDatabase: TestDatabase;
let database: Database;
let client: DatabaseClient;

beforeAll(async () => {
  ({ database, testDatabase } = await openMigratedTestDatabase());
  client = database.client;
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

// ---------------------------------------------------------------------------------------------
// Builders: the smallest valid row of each model, with fresh ids. They build data; the tests write it.

const newId = () => randomUUID();
/** Globally unique values (hashes, keys) that never collide across tests sharing the database. */
const unique = (prefix: string) => `${prefix}-${randomUUID()}`;
const newTelegramId = () => BigInt(randomInt(1, 2 ** 47));

/** The key of "unique per user, case-insensitive" names: the lower-cased trimmed name (schema comments). */
const nameKey = (name: string) => name.trim().toLowerCase();

function userData(fields: { username?: string; email?: string; telegramId?: bigint } = {}) {
  return {
    id: newId(),
    username: fields.username ?? null,
    usernameKey: fields.username === undefined ? null : nameKey(fields.username),
    email: fields.email ?? null,
    emailKey: fields.email === undefined ? null : nameKey(fields.email),
    telegramId: fields.telegramId ?? null,
  };
}

function habitData(userId: string, name: string, state: { archived?: boolean } = {}) {
  const archived = state.archived ?? false;
  return {
    id: newId(),
    userId,
    name,
    activeNameKey: archived ? null : nameKey(name),
    archivedAt: archived ? new Date() : null,
    color: "#4caf50",
  };
}

function completionData(userId: string, habitId: string, date: string, value: number | null = null) {
  return { id: newId(), userId, habitId, date, value, source: "api", streak: 1, totalWeight: 10, winChance: 0.5 };
}

function reminderData(habitId: string, time: string) {
  return { id: newId(), habitId, time };
}

function tagData(userId: string, name: string) {
  return { id: newId(), userId, name, nameKey: nameKey(name) };
}

function rewardData(userId: string, name: string, state: { active?: boolean } = {}) {
  const active = state.active ?? true;
  return { id: newId(), userId, name, activeNameKey: active ? nameKey(name) : null, weight: 1, active };
}

function progressData(userId: string, rewardId: string, piecesEarned = 0) {
  return { id: newId(), userId, rewardId, piecesEarned };
}

function drawData(userId: string, habitId: string, date: string, rewardId: string | null = null) {
  return { id: newId(), userId, habitId, date, won: rewardId !== null, rewardId, awardedOn: date };
}

function rewardClaimData(userId: string, rewardId: string) {
  return { id: newId(), userId, rewardId, pieces: 1 };
}

function reminderClaimData(userId: string, habitId: string, date: string, time: string) {
  return { id: newId(), userId, habitId, date, time };
}

function summaryClaimData(userId: string, kind: string, period: string) {
  return { id: newId(), userId, kind, period };
}

function refreshFamilyData(userId: string) {
  return { id: newId(), userId };
}

function refreshTokenData(familyId: string, tokenHash = unique("token-hash")) {
  return { id: newId(), familyId, tokenHash, expiresAt: new Date(Date.now() + 86_400_000) };
}

function apiKeyData(userId: string, keyHash = unique("key-hash")) {
  return { id: newId(), userId, name: "laptop", prefix: "hk_1234", keyHash };
}

function loginCodeData(userId: string) {
  return { id: newId(), userId, codeHash: unique("code-hash"), expiresAt: new Date(Date.now() + 600_000) };
}

function idempotencyKeyData(userId: string, key: string) {
  return { id: newId(), userId, key, method: "POST", path: "/habits", requestHash: unique("request") };
}

async function createUser(fields: Parameters<typeof userData>[0] = {}) {
  return client.user.create({ data: userData(fields) });
}

async function createUserWithHabit(name = "Read") {
  const user = await createUser();
  const habit = await client.habit.create({ data: habitData(user.id, name) });
  return { user, habit };
}

// ---------------------------------------------------------------------------------------------
// Assertions on what the database answered.

interface PrismaKnownRequestError {
  name: string;
  code: string;
  meta?: {
    modelName?: string;
    driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string; foreignKey?: object } } };
  };
}

/** Runs a write that must be refused, and returns the error it was refused with. */
async function refusalOf(write: PromiseLike<unknown>): Promise<PrismaKnownRequestError> {
  try {
    await write;
  } catch (error) {
    return error as PrismaKnownRequestError;
  }
  throw new Error("the database accepted a write it must refuse");
}

/** A unique (or primary key) violation on exactly these columns of this model. */
async function expectDuplicateRefused(write: PromiseLike<unknown>, model: string, columns: string[]) {
  const error = await refusalOf(write);
  const fields = error.meta?.driverAdapterError?.cause?.constraint?.fields?.map((field) => field.replaceAll('"', ""));
  expect({ name: error.name, code: error.code, model: error.meta?.modelName, fields }).toEqual({
    name: "PrismaClientKnownRequestError",
    code: "P2002",
    model,
    fields: columns,
  });
}

/**
 * A foreign key violation. PostgreSQL names the constraint; SQLite does not say which key failed,
 * so every write checked with this leaves exactly one reference dangling.
 */
async function expectDanglingReferenceRefused(write: PromiseLike<unknown>, model: string, column: string) {
  const error = await refusalOf(write);
  expect({
    name: error.name,
    code: error.code,
    model: error.meta?.modelName,
    constraint: error.meta?.driverAdapterError?.cause?.constraint,
  }).toEqual({
    name: "PrismaClientKnownRequestError",
    code: "P2003",
    model,
    constraint: dialect === "postgresql" ? { index: `${model}_${column}_fkey` } : { foreignKey: {} },
  });
}

// ---------------------------------------------------------------------------------------------

describe(`uniqueness enforced by the ${dialect} database`, () => {
  describe("users", () => {
    it("two users cannot share a username, whatever the case", async () => {
      await createUser({ username: "Alice" });
      await expectDuplicateRefused(client.user.create({ data: userData({ username: " ALICE" }) }), "User", [
        "usernameKey",
      ]);
      expect(await client.user.count({ where: { usernameKey: "alice" } })).toBe(1);
    });

    it("two users cannot share an email address, whatever the case", async () => {
      const email = `${unique("someone")}@Example.com`;
      await createUser({ email });
      await expectDuplicateRefused(client.user.create({ data: userData({ email: email.toUpperCase() }) }), "User", [
        "emailKey",
      ]);
    });

    it("two users cannot have the same Telegram account", async () => {
      const telegramId = newTelegramId();
      await createUser({ telegramId });
      await expectDuplicateRefused(client.user.create({ data: userData({ telegramId }) }), "User", ["telegramId"]);
    });

    it("users without a username, email or Telegram account do not collide", async () => {
      await createUser();
      await createUser();
      const shared = { username: unique("Bob") };
      await createUser(shared);
      // The same empty identity twice is fine; the same username twice still is not.
      await expectDuplicateRefused(client.user.create({ data: userData(shared) }), "User", ["usernameKey"]);
    });
  });

  describe("credentials", () => {
    it("a refresh token hash is stored once", async () => {
      const user = await createUser();
      const family = await client.refreshTokenFamily.create({ data: refreshFamilyData(user.id) });
      const other = await client.refreshTokenFamily.create({ data: refreshFamilyData(user.id) });
      const token = await client.refreshToken.create({ data: refreshTokenData(family.id) });
      await expectDuplicateRefused(
        client.refreshToken.create({ data: refreshTokenData(other.id, token.tokenHash) }),
        "RefreshToken",
        ["tokenHash"],
      );
    });

    it("an API key hash is stored once, even for different users", async () => {
      const owner = await createUser();
      const stranger = await createUser();
      const key = await client.apiKey.create({ data: apiKeyData(owner.id) });
      await expectDuplicateRefused(client.apiKey.create({ data: apiKeyData(stranger.id, key.keyHash) }), "ApiKey", [
        "keyHash",
      ]);
    });
  });

  describe("habits", () => {
    it("two active habits of one user cannot share a name, whatever the case", async () => {
      const { user } = await createUserWithHabit("Read");
      await expectDuplicateRefused(client.habit.create({ data: habitData(user.id, "  READ ") }), "Habit", [
        "userId",
        "activeNameKey",
      ]);
      expect(await client.habit.count({ where: { userId: user.id } })).toBe(1);
    });

    it("another user can have a habit with the same name, but only once", async () => {
      await createUserWithHabit("Read");
      const other = await createUser();
      await client.habit.create({ data: habitData(other.id, "read") });
      await expectDuplicateRefused(client.habit.create({ data: habitData(other.id, "Read") }), "Habit", [
        "userId",
        "activeNameKey",
      ]);
    });

    it("archived habits keep their names: any number of them, beside one active habit of that name", async () => {
      const user = await createUser();
      await client.habit.create({ data: habitData(user.id, "Read", { archived: true }) });
      await client.habit.create({ data: habitData(user.id, "Read", { archived: true }) });
      await client.habit.create({ data: habitData(user.id, "Read") });
      await expectDuplicateRefused(client.habit.create({ data: habitData(user.id, "Read") }), "Habit", [
        "userId",
        "activeNameKey",
      ]);
      expect(await client.habit.count({ where: { userId: user.id, name: "Read" } })).toBe(3);
    });

    it("an archived habit cannot come back while an active habit has its name", async () => {
      const user = await createUser();
      const archived = await client.habit.create({ data: habitData(user.id, "Run", { archived: true }) });
      await client.habit.create({ data: habitData(user.id, "run") });
      await expectDuplicateRefused(
        client.habit.update({ where: { id: archived.id }, data: { activeNameKey: nameKey("Run"), archivedAt: null } }),
        "Habit",
        ["userId", "activeNameKey"],
      );
      expect(await client.habit.findUniqueOrThrow({ where: { id: archived.id } })).toMatchObject({
        activeNameKey: null,
      });
    });

    it("a habit has one reminder per time of day", async () => {
      const { habit } = await createUserWithHabit();
      await client.habitReminder.create({ data: reminderData(habit.id, "08:00") });
      await client.habitReminder.create({ data: reminderData(habit.id, "20:00") });
      await expectDuplicateRefused(
        client.habitReminder.create({ data: reminderData(habit.id, "08:00") }),
        "HabitReminder",
        ["habitId", "time"],
      );
      expect(await client.habitReminder.count({ where: { habitId: habit.id } })).toBe(2);
    });
  });

  describe("tags", () => {
    it("two tags of one user cannot share a name, whatever the case; another user's tag can", async () => {
      const user = await createUser();
      const other = await createUser();
      await client.tag.create({ data: tagData(user.id, "Health") });
      await client.tag.create({ data: tagData(other.id, "Health") });
      await expectDuplicateRefused(client.tag.create({ data: tagData(user.id, "HEALTH") }), "Tag", [
        "userId",
        "nameKey",
      ]);
    });

    it("a tag cannot be renamed onto another tag of the same user", async () => {
      const user = await createUser();
      await client.tag.create({ data: tagData(user.id, "Health") });
      const mind = await client.tag.create({ data: tagData(user.id, "Mind") });
      await expectDuplicateRefused(
        client.tag.update({ where: { id: mind.id }, data: { name: "health", nameKey: nameKey("health") } }),
        "Tag",
        ["userId", "nameKey"],
      );
      expect(await client.tag.findUniqueOrThrow({ where: { id: mind.id } })).toMatchObject({ name: "Mind" });
    });

    it("a habit carries a tag once", async () => {
      const { user, habit } = await createUserWithHabit();
      const tag = await client.tag.create({ data: tagData(user.id, "Health") });
      await client.habitTag.create({ data: { habitId: habit.id, tagId: tag.id } });
      await expectDuplicateRefused(client.habitTag.create({ data: { habitId: habit.id, tagId: tag.id } }), "HabitTag", [
        "habitId",
        "tagId",
      ]);
    });
  });

  describe("completions and reward draws", () => {
    it("a habit is completed at most once per local date", async () => {
      const { user, habit } = await createUserWithHabit();
      await client.completion.create({ data: completionData(user.id, habit.id, "2026-03-01") });
      await client.completion.create({ data: completionData(user.id, habit.id, "2026-03-02") });
      await expectDuplicateRefused(
        client.completion.create({ data: completionData(user.id, habit.id, "2026-03-01") }),
        "Completion",
        ["habitId", "date"],
      );
    });

    it("another habit can be completed on the same date", async () => {
      const { user, habit } = await createUserWithHabit("Read");
      const other = await client.habit.create({ data: habitData(user.id, "Run") });
      await client.completion.create({ data: completionData(user.id, habit.id, "2026-03-01") });
      await client.completion.create({ data: completionData(user.id, other.id, "2026-03-01") });
      await expectDuplicateRefused(
        client.completion.create({ data: completionData(user.id, other.id, "2026-03-01") }),
        "Completion",
        ["habitId", "date"],
      );
    });

    it("a completion cannot be moved onto a date already completed", async () => {
      const { user, habit } = await createUserWithHabit();
      await client.completion.create({ data: completionData(user.id, habit.id, "2026-03-01") });
      const later = await client.completion.create({ data: completionData(user.id, habit.id, "2026-03-02") });
      await expectDuplicateRefused(
        client.completion.update({ where: { id: later.id }, data: { date: "2026-03-01" } }),
        "Completion",
        ["habitId", "date"],
      );
      expect(await client.completion.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({
        date: "2026-03-02",
      });
    });

    it("a habit has one reward draw per local date", async () => {
      const { user, habit } = await createUserWithHabit();
      await client.rewardDraw.create({ data: drawData(user.id, habit.id, "2026-03-01") });
      await expectDuplicateRefused(
        client.rewardDraw.create({ data: drawData(user.id, habit.id, "2026-03-01") }),
        "RewardDraw",
        ["habitId", "date"],
      );
      expect(await client.rewardDraw.count({ where: { habitId: habit.id } })).toBe(1);
    });
  });

  describe("rewards", () => {
    it("two active rewards of one user cannot share a name, whatever the case", async () => {
      const user = await createUser();
      await client.reward.create({ data: rewardData(user.id, "Coffee") });
      await expectDuplicateRefused(client.reward.create({ data: rewardData(user.id, "COFFEE ") }), "Reward", [
        "userId",
        "activeNameKey",
      ]);
    });

    it("another user can have a reward with the same name, but only once", async () => {
      const user = await createUser();
      const other = await createUser();
      await client.reward.create({ data: rewardData(user.id, "Coffee") });
      await client.reward.create({ data: rewardData(other.id, "Coffee") });
      await expectDuplicateRefused(client.reward.create({ data: rewardData(other.id, "coffee") }), "Reward", [
        "userId",
        "activeNameKey",
      ]);
    });

    it("inactive rewards keep their names: any number of them, beside one active reward of that name", async () => {
      const user = await createUser();
      await client.reward.create({ data: rewardData(user.id, "Cinema", { active: false }) });
      await client.reward.create({ data: rewardData(user.id, "Cinema", { active: false }) });
      await client.reward.create({ data: rewardData(user.id, "Cinema") });
      await expectDuplicateRefused(client.reward.create({ data: rewardData(user.id, "Cinema") }), "Reward", [
        "userId",
        "activeNameKey",
      ]);
      expect(await client.reward.count({ where: { userId: user.id } })).toBe(3);
    });

    it("a reward has one progress row", async () => {
      const user = await createUser();
      const reward = await client.reward.create({ data: rewardData(user.id, "Coffee") });
      await client.rewardProgress.create({ data: progressData(user.id, reward.id, 2) });
      await expectDuplicateRefused(
        client.rewardProgress.create({ data: progressData(user.id, reward.id) }),
        "RewardProgress",
        ["rewardId"],
      );
      expect(await client.rewardProgress.findMany({ where: { rewardId: reward.id } })).toEqual([
        expect.objectContaining({ piecesEarned: 2 }),
      ]);
    });
  });

  describe("reminders, bot and API bookkeeping", () => {
    it("a reminder is claimed once per habit, date and time", async () => {
      const { user, habit } = await createUserWithHabit();
      await client.reminderClaim.create({ data: reminderClaimData(user.id, habit.id, "2026-03-01", "08:00") });
      await client.reminderClaim.create({ data: reminderClaimData(user.id, habit.id, "2026-03-01", "20:00") });
      await client.reminderClaim.create({ data: reminderClaimData(user.id, habit.id, "2026-03-02", "08:00") });
      await expectDuplicateRefused(
        client.reminderClaim.create({ data: reminderClaimData(user.id, habit.id, "2026-03-01", "08:00") }),
        "ReminderClaim",
        ["habitId", "date", "time"],
      );
      expect(await client.reminderClaim.count({ where: { habitId: habit.id } })).toBe(3);
    });

    it("a summary is claimed once per user, kind and period", async () => {
      const user = await createUser();
      await client.summaryClaim.create({ data: summaryClaimData(user.id, "daily", "2026-03-01") });
      await client.summaryClaim.create({ data: summaryClaimData(user.id, "daily", "2026-03-02") });
      await client.summaryClaim.create({ data: summaryClaimData(user.id, "weekly", "2026-W09") });
      await client.summaryClaim.create({ data: summaryClaimData((await createUser()).id, "daily", "2026-03-01") });
      await expectDuplicateRefused(
        client.summaryClaim.create({ data: summaryClaimData(user.id, "daily", "2026-03-01") }),
        "SummaryClaim",
        ["userId", "kind", "period"],
      );
      expect(await client.summaryClaim.count({ where: { userId: user.id } })).toBe(3);
    });

    it("a Telegram update is recorded as processed once", async () => {
      const updateId = newTelegramId();
      await client.processedUpdate.create({ data: { updateId } });
      await expectDuplicateRefused(client.processedUpdate.create({ data: { updateId } }), "ProcessedUpdate", [
        "updateId",
      ]);
    });

    it("a bot session key holds one session", async () => {
      const key = unique("chat");
      await client.botSession.create({ data: { key, value: "{}" } });
      await expectDuplicateRefused(client.botSession.create({ data: { key, value: '{"step":1}' } }), "BotSession", [
        "key",
      ]);
      expect(await client.botSession.findUniqueOrThrow({ where: { key } })).toMatchObject({ value: "{}" });
    });

    it("an idempotency key is used once per user; another user may use the same key", async () => {
      const user = await createUser();
      const other = await createUser();
      await client.idempotencyKey.create({ data: idempotencyKeyData(user.id, "retry-1") });
      await client.idempotencyKey.create({ data: idempotencyKeyData(other.id, "retry-1") });
      await expectDuplicateRefused(
        client.idempotencyKey.create({ data: idempotencyKeyData(user.id, "retry-1") }),
        "IdempotencyKey",
        ["userId", "key"],
      );
    });
  });

  describe("a refused write changes nothing", () => {
    it("a duplicate completion leaves the count and the first completion as they were", async () => {
      const { user, habit } = await createUserWithHabit();
      const first = await client.completion.create({ data: completionData(user.id, habit.id, "2026-03-01", 5) });
      const before = await client.completion.count();
      await expectDuplicateRefused(
        client.completion.create({ data: completionData(user.id, habit.id, "2026-03-01", 99) }),
        "Completion",
        ["habitId", "date"],
      );
      expect(await client.completion.count()).toBe(before);
      expect(await client.completion.findMany({ where: { habitId: habit.id } })).toEqual([first]);
    });

    it("a batch with one duplicate inserts none of its rows", async () => {
      const { user, habit } = await createUserWithHabit();
      await client.completion.create({ data: completionData(user.id, habit.id, "2026-03-05") });
      await expectDuplicateRefused(
        client.completion.createMany({
          data: ["2026-03-03", "2026-03-04", "2026-03-05"].map((date) => completionData(user.id, habit.id, date)),
        }),
        "Completion",
        ["habitId", "date"],
      );
      expect(await client.completion.count({ where: { habitId: habit.id } })).toBe(1);
    });

    it("a transaction that hits a duplicate keeps none of its earlier writes", async () => {
      const { user, habit } = await createUserWithHabit();
      await client.completion.create({ data: completionData(user.id, habit.id, "2026-03-01") });
      const newHabit = habitData(user.id, "Stretch");
      await expectDuplicateRefused(
        client.$transaction([
          client.habit.create({ data: newHabit }),
          client.completion.create({ data: completionData(user.id, newHabit.id, "2026-03-01") }),
          client.completion.create({ data: completionData(user.id, habit.id, "2026-03-01") }),
        ]),
        "Completion",
        ["habitId", "date"],
      );
      expect(await client.habit.findUnique({ where: { id: newHabit.id } })).toBeNull();
      expect(await client.completion.count({ where: { userId: user.id } })).toBe(1);
    });
  });
});

describe(`foreign keys enforced by the ${dialect} database`, () => {
  it("a completion for a habit that does not exist is refused", async () => {
    const user = await createUser();
    const before = await client.completion.count();
    await expectDanglingReferenceRefused(
      client.completion.create({ data: completionData(user.id, newId(), "2026-03-01") }),
      "Completion",
      "habitId",
    );
    expect(await client.completion.count()).toBe(before);
  });

  interface Parents {
    userId: string;
    habitId: string;
    tagId: string;
    rewardId: string;
    familyId: string;
  }

  /** Every reference of the schema, each written with that one reference pointing at nothing. */
  const references: Array<{
    model: string;
    column: string;
    write: (parents: Parents, missing: string) => PromiseLike<unknown>;
    count: () => PromiseLike<number>;
  }> = [
    {
      model: "RefreshTokenFamily",
      column: "userId",
      write: (_, missing) => client.refreshTokenFamily.create({ data: refreshFamilyData(missing) }),
      count: () => client.refreshTokenFamily.count(),
    },
    {
      model: "RefreshToken",
      column: "familyId",
      write: (_, missing) => client.refreshToken.create({ data: refreshTokenData(missing) }),
      count: () => client.refreshToken.count(),
    },
    {
      model: "ApiKey",
      column: "userId",
      write: (_, missing) => client.apiKey.create({ data: apiKeyData(missing) }),
      count: () => client.apiKey.count(),
    },
    {
      model: "LoginCode",
      column: "userId",
      write: (_, missing) => client.loginCode.create({ data: loginCodeData(missing) }),
      count: () => client.loginCode.count(),
    },
    {
      model: "Habit",
      column: "userId",
      write: (_, missing) => client.habit.create({ data: habitData(missing, "Read") }),
      count: () => client.habit.count(),
    },
    {
      model: "HabitReminder",
      column: "habitId",
      write: (_, missing) => client.habitReminder.create({ data: reminderData(missing, "08:00") }),
      count: () => client.habitReminder.count(),
    },
    {
      model: "Tag",
      column: "userId",
      write: (_, missing) => client.tag.create({ data: tagData(missing, "Health") }),
      count: () => client.tag.count(),
    },
    {
      model: "HabitTag",
      column: "habitId",
      write: (parents, missing) => client.habitTag.create({ data: { habitId: missing, tagId: parents.tagId } }),
      count: () => client.habitTag.count(),
    },
    {
      model: "HabitTag",
      column: "tagId",
      write: (parents, missing) => client.habitTag.create({ data: { habitId: parents.habitId, tagId: missing } }),
      count: () => client.habitTag.count(),
    },
    {
      model: "Completion",
      column: "userId",
      write: (parents, missing) =>
        client.completion.create({ data: completionData(missing, parents.habitId, "2026-03-01") }),
      count: () => client.completion.count(),
    },
    {
      model: "RewardDraw",
      column: "userId",
      write: (parents, missing) => client.rewardDraw.create({ data: drawData(missing, parents.habitId, "2026-03-01") }),
      count: () => client.rewardDraw.count(),
    },
    {
      model: "RewardDraw",
      column: "habitId",
      write: (parents, missing) => client.rewardDraw.create({ data: drawData(parents.userId, missing, "2026-03-01") }),
      count: () => client.rewardDraw.count(),
    },
    {
      model: "RewardDraw",
      column: "rewardId",
      write: (parents, missing) =>
        client.rewardDraw.create({ data: drawData(parents.userId, parents.habitId, "2026-03-01", missing) }),
      count: () => client.rewardDraw.count(),
    },
    {
      model: "Reward",
      column: "userId",
      write: (_, missing) => client.reward.create({ data: rewardData(missing, "Coffee") }),
      count: () => client.reward.count(),
    },
    {
      model: "RewardProgress",
      column: "userId",
      write: (parents, missing) => client.rewardProgress.create({ data: progressData(missing, parents.rewardId) }),
      count: () => client.rewardProgress.count(),
    },
    {
      model: "RewardProgress",
      column: "rewardId",
      write: (parents, missing) => client.rewardProgress.create({ data: progressData(parents.userId, missing) }),
      count: () => client.rewardProgress.count(),
    },
    {
      model: "RewardClaim",
      column: "userId",
      write: (parents, missing) => client.rewardClaim.create({ data: rewardClaimData(missing, parents.rewardId) }),
      count: () => client.rewardClaim.count(),
    },
    {
      model: "RewardClaim",
      column: "rewardId",
      write: (parents, missing) => client.rewardClaim.create({ data: rewardClaimData(parents.userId, missing) }),
      count: () => client.rewardClaim.count(),
    },
    {
      model: "ReminderClaim",
      column: "userId",
      write: (parents, missing) =>
        client.reminderClaim.create({ data: reminderClaimData(missing, parents.habitId, "2026-03-01", "08:00") }),
      count: () => client.reminderClaim.count(),
    },
    {
      model: "ReminderClaim",
      column: "habitId",
      write: (parents, missing) =>
        client.reminderClaim.create({ data: reminderClaimData(parents.userId, missing, "2026-03-01", "08:00") }),
      count: () => client.reminderClaim.count(),
    },
    {
      model: "SummaryClaim",
      column: "userId",
      write: (_, missing) => client.summaryClaim.create({ data: summaryClaimData(missing, "daily", "2026-03-01") }),
      count: () => client.summaryClaim.count(),
    },
    {
      model: "IdempotencyKey",
      column: "userId",
      write: (_, missing) => client.idempotencyKey.create({ data: idempotencyKeyData(missing, "retry-1") }),
      count: () => client.idempotencyKey.count(),
    },
  ];

  for (const reference of references) {
    it(`${reference.model}.${reference.column} pointing at nothing is refused and not stored`, async () => {
      const { user, habit } = await createUserWithHabit();
      const tag = await client.tag.create({ data: tagData(user.id, "Health") });
      const reward = await client.reward.create({ data: rewardData(user.id, "Coffee") });
      const family = await client.refreshTokenFamily.create({ data: refreshFamilyData(user.id) });
      const parents = { userId: user.id, habitId: habit.id, tagId: tag.id, rewardId: reward.id, familyId: family.id };
      const before = await reference.count();
      await expectDanglingReferenceRefused(reference.write(parents, newId()), reference.model, reference.column);
      expect(await reference.count()).toBe(before);
    });
  }

  /** One row of every table that belongs to a user, directly or through a habit, reward or login session. */
  async function createEverythingOf(name: string) {
    const user = await createUser({
      username: unique(name),
      email: `${unique(name)}@example.com`,
      telegramId: newTelegramId(),
    });
    const habit = await client.habit.create({ data: habitData(user.id, "Read") });
    const tag = await client.tag.create({ data: tagData(user.id, "Health") });
    const reward = await client.reward.create({ data: rewardData(user.id, "Coffee") });
    const family = await client.refreshTokenFamily.create({ data: refreshFamilyData(user.id) });
    const rows = {
      User: user.id,
      Habit: habit.id,
      Tag: tag.id,
      Reward: reward.id,
      RefreshTokenFamily: family.id,
      RefreshToken: (await client.refreshToken.create({ data: refreshTokenData(family.id) })).id,
      ApiKey: (await client.apiKey.create({ data: apiKeyData(user.id) })).id,
      LoginCode: (await client.loginCode.create({ data: loginCodeData(user.id) })).id,
      HabitReminder: (await client.habitReminder.create({ data: reminderData(habit.id, "08:00") })).id,
      Completion: (await client.completion.create({ data: completionData(user.id, habit.id, "2026-03-01") })).id,
      RewardDraw: (await client.rewardDraw.create({ data: drawData(user.id, habit.id, "2026-03-01", reward.id) })).id,
      RewardProgress: (await client.rewardProgress.create({ data: progressData(user.id, reward.id, 1) })).id,
      RewardClaim: (await client.rewardClaim.create({ data: rewardClaimData(user.id, reward.id) })).id,
      ReminderClaim: (
        await client.reminderClaim.create({ data: reminderClaimData(user.id, habit.id, "2026-03-01", "08:00") })
      ).id,
      SummaryClaim: (await client.summaryClaim.create({ data: summaryClaimData(user.id, "daily", "2026-03-01") })).id,
      IdempotencyKey: (await client.idempotencyKey.create({ data: idempotencyKeyData(user.id, "retry-1") })).id,
    };
    await client.habitTag.create({ data: { habitId: habit.id, tagId: tag.id } });
    return rows;
  }

  type Rows = Awaited<ReturnType<typeof createEverythingOf>>;

  /** How many of those rows are still stored, by id (not through relations, which would hide orphans). */
  async function stillStored(rows: Rows) {
    return {
      User: await client.user.count({ where: { id: rows.User } }),
      Habit: await client.habit.count({ where: { id: rows.Habit } }),
      Tag: await client.tag.count({ where: { id: rows.Tag } }),
      HabitTag: await client.habitTag.count({ where: { habitId: rows.Habit, tagId: rows.Tag } }),
      Reward: await client.reward.count({ where: { id: rows.Reward } }),
      RefreshTokenFamily: await client.refreshTokenFamily.count({ where: { id: rows.RefreshTokenFamily } }),
      RefreshToken: await client.refreshToken.count({ where: { id: rows.RefreshToken } }),
      ApiKey: await client.apiKey.count({ where: { id: rows.ApiKey } }),
      LoginCode: await client.loginCode.count({ where: { id: rows.LoginCode } }),
      HabitReminder: await client.habitReminder.count({ where: { id: rows.HabitReminder } }),
      Completion: await client.completion.count({ where: { id: rows.Completion } }),
      RewardDraw: await client.rewardDraw.count({ where: { id: rows.RewardDraw } }),
      RewardProgress: await client.rewardProgress.count({ where: { id: rows.RewardProgress } }),
      RewardClaim: await client.rewardClaim.count({ where: { id: rows.RewardClaim } }),
      ReminderClaim: await client.reminderClaim.count({ where: { id: rows.ReminderClaim } }),
      SummaryClaim: await client.summaryClaim.count({ where: { id: rows.SummaryClaim } }),
      IdempotencyKey: await client.idempotencyKey.count({ where: { id: rows.IdempotencyKey } }),
    };
  }

  const each = (count: number, rows: object) => Object.fromEntries(Object.keys(rows).map((table) => [table, count]));

  it("deleting a user deletes all their rows, and nobody else's", async () => {
    const leaving = await createEverythingOf("leaving");
    const staying = await createEverythingOf("staying");
    const stored = await stillStored(leaving);
    expect(stored).toEqual(each(1, stored));

    await client.user.delete({ where: { id: leaving.User } });

    expect(await stillStored(leaving)).toEqual(each(0, stored));
    expect(await stillStored(staying)).toEqual(each(1, stored));
  });

  it("deleting a habit deletes its reminders, tag links, completions, draws and reminder claims, not its tags", async () => {
    const rows = await createEverythingOf("habit-owner");

    await client.habit.delete({ where: { id: rows.Habit } });

    expect(await stillStored(rows)).toMatchObject({
      Habit: 0,
      HabitReminder: 0,
      HabitTag: 0,
      Completion: 0,
      RewardDraw: 0,
      ReminderClaim: 0,
      SummaryClaim: 1,
      Tag: 1,
      Reward: 1,
      RewardProgress: 1,
      User: 1,
    });
  });

  it("deleting a reward deletes its progress and claims; the draws that awarded it stay, with no reward", async () => {
    const rows = await createEverythingOf("reward-owner");

    await client.reward.delete({ where: { id: rows.Reward } });

    expect(await stillStored(rows)).toMatchObject({ Reward: 0, RewardProgress: 0, RewardClaim: 0, RewardDraw: 1 });
    expect(await client.rewardDraw.findUniqueOrThrow({ where: { id: rows.RewardDraw } })).toMatchObject({
      won: true,
      rewardId: null,
    });
  });

  it("deleting a tag unlinks it from its habits; deleting a login session deletes its refresh tokens", async () => {
    const rows = await createEverythingOf("tag-owner");

    await client.tag.delete({ where: { id: rows.Tag } });
    await client.refreshTokenFamily.delete({ where: { id: rows.RefreshTokenFamily } });

    expect(await stillStored(rows)).toMatchObject({
      Tag: 0,
      HabitTag: 0,
      Habit: 1,
      RefreshTokenFamily: 0,
      RefreshToken: 0,
    });
  });
});
