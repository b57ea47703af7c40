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
  const client = connectedClient(url);
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
  const probe = connectedClient(url);
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
  const admin = connectedClient(target.toString());
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    // Another process created it first: 42P04 duplicate_database, or 23505 when both raced
    // into the catalog at once.
    const code = (error as { code?: string }).code;
    if (code !== "42P04" && code !== "23505") throw error;
  } finally {
    await admin.end();
  }
}

/** A client whose connection errors surface through its queries, never as an unhandled event. */
function connectedClient(url: string): pg.Client {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  return client;
}
