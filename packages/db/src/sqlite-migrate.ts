import { createClient } from "@libsql/client";
import {
  type AppliedMigration,
  appliedMigrationsSql,
  MigrationError,
  type MigrationReport,
  migrationRecord,
  migrationsTableSql,
  planMigrations,
  readMigrations,
} from "./migrations.js";

// The driver is synchronous: a second migration of the same file in this process would block
// the thread waiting for the first one's lock. Same-file migrations here take turns instead.
const migrationsInProcess = new Map<string, Promise<unknown>>();

/** Migrates a SQLite file (creating it) and switches it to WAL, which the file then keeps. */
export function migrateSqlite(file: string): Promise<MigrationReport> {
  const previous = migrationsInProcess.get(file) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => migrateSqliteNow(file));
  migrationsInProcess.set(file, next);
  return next;
}

async function migrateSqliteNow(file: string): Promise<MigrationReport> {
  const client = createClient({ url: `file:${file}` });
  try {
    // Another process may be migrating the same file right now: wait for its lock, don't fail.
    await client.execute("PRAGMA busy_timeout = 15000");
    await client.execute("PRAGMA journal_mode = WAL");
    // Prisma rebuilds SQLite tables by copy-drop-rename; with foreign keys on, dropping the old
    // table would cascade-delete its children. The pragma only works outside a transaction and
    // applies to this connection, which the transaction below then uses.
    await client.execute("PRAGMA foreign_keys = OFF");
    const tx = await client.transaction("write");
    try {
      await tx.execute(migrationsTableSql.sqlite);
      const rows = (await tx.execute(appliedMigrationsSql)).rows as unknown as AppliedMigration[];
      const pending = planMigrations(readMigrations("sqlite"), rows);
      for (const migration of pending) {
        await tx.executeMultiple(migration.sql);
        const record = migrationRecord(migration);
        await tx.execute({
          sql: 'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES (?, ?, ?, current_timestamp, 1)',
          args: [record.id, record.checksum, record.migration_name],
        });
      }
      const violations = await tx.execute("PRAGMA foreign_key_check");
      if (violations.rows.length > 0) {
        throw new MigrationError(`migrations left ${violations.rows.length} rows with broken foreign keys`);
      }
      await tx.commit();
      return { applied: pending.map((migration) => migration.name), alreadyApplied: rows.length };
    } finally {
      tx.close();
    }
  } finally {
    client.close();
  }
}
