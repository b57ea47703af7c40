import { createDatabase, type Database } from "@habits/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialect, type TestDatabase } from "../support/test-database.js";

// Every table of prisma/schema.prisma, as the migrations must create them.
const expectedTables = [
  "ApiKey",
  "BotSession",
  "Completion",
  "Habit",
  "HabitReminder",
  "HabitTag",
  "IdempotencyKey",
  "LoginCode",
  "ProcessedUpdate",
  "RefreshToken",
  "RefreshTokenFamily",
  "ReminderClaim",
  "Reward",
  "RewardClaim",
  "RewardDraw",
  "RewardProgress",
  "SummaryClaim",
  "Tag",
  "User",
];

async function tableNames(database: Database): Promise<string[]> {
  const query =
    dialect === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'"
      : "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name != '_prisma_migrations'";
  const rows = await database.client.$queryRawUnsafe<Array<{ name: string }>>(query);
  return rows.map((row) => row.name).sort();
}

describe(`migrations on an empty ${dialect} database`, () => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    database = createDatabase(testDatabase.target);
  });
  afterAll(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it("create every table of the data model and record themselves", async () => {
    const report = await database.migrate();
    expect(report.alreadyApplied).toBe(0);
    expect(report.applied.length).toBeGreaterThan(0);
    expect(await tableNames(database)).toEqual(expectedTables);
    const recorded = await database.client.$queryRawUnsafe<Array<{ migration_name: string }>>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(report.applied);
  });

  it("apply nothing the second time and keep the data", async () => {
    await database.client.user.create({ data: { id: "kept-user", timezone: "Asia/Kathmandu" } });
    const report = await database.migrate();
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBeGreaterThan(0);
    expect(await database.client.user.findUnique({ where: { id: "kept-user" } })).toMatchObject({
      timezone: "Asia/Kathmandu",
    });
  });

  it("can run from several processes at once: one applies, the others find it done", async () => {
    const fresh = await createTestDatabase();
    const racers = [createDatabase(fresh.target), createDatabase(fresh.target), createDatabase(fresh.target)];
    try {
      const reports = await Promise.all(racers.map((racer) => racer.migrate()));
      const appliers = reports.filter((report) => report.applied.length > 0);
      expect(appliers).toHaveLength(1);
      expect(await tableNames(racers[0] as Database)).toEqual(expectedTables);
    } finally {
      await Promise.all(racers.map((racer) => racer.close()));
      await fresh.drop();
    }
  });
});

describe.runIf(dialect === "sqlite")("the embedded SQLite file", () => {
  it("is switched to WAL mode when migrated", async () => {
    const testDatabase = await createTestDatabase();
    const database = createDatabase(testDatabase.target);
    try {
      await database.migrate();
      const [mode] = await database.client.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
      expect(mode?.journal_mode).toBe("wal");
    } finally {
      await database.close();
      await testDatabase.drop();
    }
  });
});
