import { statfs } from "node:fs/promises";
import { dirname } from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "./database-url.js";
import { PrismaClient as PostgresqlPrismaClient } from "./generated/postgresql/client.ts";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client.ts";
import {
  type AppliedMigration,
  appliedMigrationsSql,
  type Migration,
  MigrationError,
  type MigrationReport,
  planMigrations,
  readMigrations,
} from "./migrations.js";
import { migratePostgresql } from "./postgresql-migrate.js";
import { keepSqliteFilesPrivate } from "./private-files.js";
import { migrateSqlite } from "./sqlite-migrate.js";

/**
 * The Prisma client the repositories use. Both generated clients have the same models and row
 * types; the SQLite one's type stands for both (a compile-time check below keeps that honest).
 */
export type DatabaseClient = SqlitePrismaClient;

export interface Database {
  readonly kind: DatabaseTarget["kind"];
  readonly client: DatabaseClient;
  /** Brings the schema up to date; safe to call from several processes at once. */
  migrate(): Promise<MigrationReport>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * Resolves when a write could be stored: SQLite has disk space and can grow its file (a write
   * rolled back); PostgreSQL is not a read-only standby. Rejects with the driver's error.
   */
  checkWritable(): Promise<void>;
  /** Resolves when the database has exactly the migrations this version knows. */
  checkMigrations(): Promise<void>;
  close(): Promise<void>;
}

/** Free space below which a SQLite database counts as full: writes would soon fail. */
const minimumFreeBytes = 1024 * 1024;

/**
 * Bounds on waiting for PostgreSQL, so a server that is down or frozen makes requests fail fast
 * (503, see database-errors.ts) instead of hanging. SQLite is a file in the process: nothing to wait for.
 */
export interface DatabaseLimits {
  /** Longest a statement may run: the server cancels it, and the client stops waiting a second later. */
  statementTimeoutMs: number;
  /** Longest to open a connection, or to wait for a free one from the pool. */
  connectTimeoutMs: number;
  /** Connections this process keeps open at most. */
  poolSize: number;
}

export const defaultDatabaseLimits: DatabaseLimits = {
  statementTimeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  poolSize: 10,
};

export interface DatabaseOptions {
  /** Told, one line each, of a SQLite file whose mode was too open (and what was done). */
  onFileNotice?: (line: string) => void;
  /** PostgreSQL's bounds; the defaults above for those left out. */
  limits?: Partial<DatabaseLimits>;
}

export function createDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Database {
  if (target.kind === "sqlite") {
    for (const line of keepSqliteFilesPrivate(target.file)) options.onFileNotice?.(line);
    const client = new SqlitePrismaClient({ adapter: new PrismaLibSQL({ url: `file:${target.file}` }) });
    return wrap(
      "sqlite",
      client,
      () => migrateSqlite(target.file),
      async () => {
        const { bavail, bsize } = await statfs(dirname(target.file));
        if (bavail * bsize < minimumFreeBytes) {
          throw Object.assign(new Error(`less than 1 MiB free beside ${target.file}`), { code: "ENOSPC" });
        }
        // A modest write that needs new pages (a table and 16 kB in it), rolled back: fails with
        // SQLITE_FULL when the file cannot grow by that much.
        await client
          .$transaction(async (tx) => {
            await tx.$executeRawUnsafe('CREATE TABLE "_ready_probe" ("x" BLOB)');
            await tx.$executeRawUnsafe('INSERT INTO "_ready_probe" VALUES (zeroblob(16384))');
            throw rolledBack;
          })
          .catch((error: unknown) => {
            if (error !== rolledBack) throw error;
          });
      },
    );
  }
  const { statementTimeoutMs, connectTimeoutMs, poolSize } = { ...defaultDatabaseLimits, ...options.limits };
  const adapter = new PrismaPg({
    connectionString: target.url,
    max: poolSize,
    connectionTimeoutMillis: connectTimeoutMs,
    // The server's own limit, and the client's for a server that no longer answers at all.
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1_000,
    // Dead peers (a server gone without closing its sockets) are noticed by TCP.
    keepAlive: true,
  });
  const client = new PostgresqlPrismaClient({ adapter });
  return wrap(
    "postgresql",
    asDatabaseClient(client),
    () => migratePostgresql(target.url),
    async () => {
      const [{ standby }] = await client.$queryRawUnsafe<[{ standby: boolean }]>(
        "SELECT pg_is_in_recovery() OR current_setting('default_transaction_read_only') = 'on' AS standby",
      );
      // SQLSTATE 25006, read_only_sql_transaction: what a write would meet.
      if (standby) throw Object.assign(new Error("the server only reads"), { code: "25006", severity: "ERROR" });
    },
  );
}

const rolledBack = Symbol("rolled back");

function wrap(
  kind: Database["kind"],
  client: DatabaseClient,
  migrate: () => Promise<MigrationReport>,
  checkWritable: () => Promise<void>,
): Database {
  let known: Migration[] | undefined;
  return {
    kind,
    client,
    migrate,
    async ping() {
      await client.$queryRawUnsafe("SELECT 1");
    },
    checkWritable,
    async checkMigrations() {
      known ??= readMigrations(kind);
      const applied = await client.$queryRawUnsafe<AppliedMigration[]>(appliedMigrationsSql);
      const pending = planMigrations(known, applied);
      if (pending.length > 0) {
        throw new MigrationError(
          `${pending.length} migration(s) not applied: ${pending.map((m) => m.name).join(", ")}`,
        );
      }
    },
    async close() {
      await client.$disconnect();
    },
  };
}

/**
 * The PostgreSQL client stands in for the SQLite client's type. Their generic query types are
 * nominally distinct, but both come from one schema, so queries and rows are the same;
 * row-types.ts checks the rows at compile time.
 */
function asDatabaseClient(client: PostgresqlPrismaClient): DatabaseClient {
  return client as unknown as DatabaseClient;
}
