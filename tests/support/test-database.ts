// A fresh, empty database per test file: a temporary SQLite file by default, or a new database on
// the PostgreSQL server named by DATABASE_URL (how .ci/run runs the suite a second time).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database, type DatabaseTarget, parseDatabaseUrl } from "@habits/db";
import pg from "pg";

export interface TestDatabase {
  target: DatabaseTarget;
  /** The DATABASE_URL a child process would use for this database. */
  url: string;
  /** Removes the database (file or server database). */
  drop(): Promise<void>;
}

const serverUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;
export const dialect: DatabaseTarget["kind"] = serverUrl ? "postgresql" : "sqlite";

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!serverUrl) {
    const directory = mkdtempSync(join(tmpdir(), "habits-test-"));
    const url = `file:${join(directory, "habits.db")}`;
    return {
      target: parseDatabaseUrl(url, directory),
      url,
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }
  const name = `habits_test_${randomUUID().replaceAll("-", "")}`;
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  return {
    target: parseDatabaseUrl(url, process.cwd()),
    url,
    drop: async () => {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** A fresh database, migrated and open; close and drop it in afterAll. */
export async function openMigratedTestDatabase(): Promise<{ database: Database; testDatabase: TestDatabase }> {
  const testDatabase = await createTestDatabase();
  const database = createDatabase(testDatabase.target);
  await database.migrate();
  return { database, testDatabase };
}
