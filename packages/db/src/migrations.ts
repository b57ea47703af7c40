// Applies the SQL migrations under prisma/migrations/<dialect>/ at start-up, in one transaction
// under a lock, so a fresh database is created in one step and several processes starting
// together migrate once. Applied migrations are recorded in Prisma's own `_prisma_migrations`
// table (same columns, same checksums), so `prisma migrate status` agrees with this runner.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type Dialect = "sqlite" | "postgresql";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigration {
  migration_name: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

const migrationsRoot = fileURLToPath(new URL("../../../prisma/migrations/", import.meta.url));

export function readMigrations(dialect: Dialect): Migration[] {
  const directory = `${migrationsRoot}${dialect}`;
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(`${directory}/${name}/migration.sql`, "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Decides what to apply; refuses a database whose history does not match the code's. */
export function planMigrations(available: Migration[], applied: AppliedMigration[]): Migration[] {
  const byName = new Map(available.map((migration) => [migration.name, migration]));
  for (const row of applied) {
    const known = byName.get(row.migration_name);
    if (!known) {
      throw new MigrationError(
        `the database has migration ${row.migration_name}, which this version does not know: it was migrated by a newer version`,
      );
    }
    if (known.checksum !== row.checksum) {
      throw new MigrationError(`migration ${row.migration_name} was changed after it was applied`);
    }
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return available.filter((migration) => !done.has(migration.name));
}

export function migrationRecord(migration: Migration): {
  id: string;
  checksum: string;
  migration_name: string;
} {
  return { id: randomUUID(), checksum: migration.checksum, migration_name: migration.name };
}

export const migrationsTableSql: Record<Dialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL,
    "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL,
    "logs" TEXT,
    "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
  )`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`,
};

export const appliedMigrationsSql =
  'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name';
