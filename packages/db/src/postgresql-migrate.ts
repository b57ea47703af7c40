import pg from "pg";
import {
  type AppliedMigration,
  appliedMigrationsSql,
  type MigrationReport,
  migrationRecord,
  migrationsTableSql,
  planMigrations,
  readMigrations,
} from "./migrations.js";

// Any constant works; it only has to be the same for every process migrating this database.
const migrationLockId = 72_616_001;

/** Migrates a PostgreSQL database, creating the database itself when the server lacks it. */
export async function migratePostgresql(url: string): Promise<MigrationReport> {
  await createDatabaseIfMissing(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [migrationLockId]);
    await client.query(migrationsTableSql.postgresql);
    const rows = (await client.query<AppliedMigration>(appliedMigrationsSql)).rows;
    const pending = planMigrations(readMigrations("postgresql"), rows);
    for (const migration of pending) {
      await client.query(migration.sql);
      const record = migrationRecord(migration);
      await client.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)',
        [record.id, record.checksum, record.migration_name],
      );
    }
    await client.query("COMMIT");
    return { applied: pending.map((migration) => migration.name), alreadyApplied: rows.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (error) {
    // 3D000: invalid_catalog_name, the database does not exist yet.
    if ((error as { code?: string }).code !== "3D000") throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    // 42P04: duplicate_database, another process created it first.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await admin.end();
  }
}
