import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "./database-url.js";
import { PrismaClient as PostgresqlPrismaClient } from "./generated/postgresql/client.ts";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client.ts";
import type { MigrationReport } from "./migrations.js";
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
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Told, one line each, of a SQLite file whose mode was too open (and what was done). */
  onFileNotice?: (line: string) => void;
}

export function createDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Database {
  if (target.kind === "sqlite") {
    for (const line of keepSqliteFilesPrivate(target.file)) options.onFileNotice?.(line);
    const client = new SqlitePrismaClient({ adapter: new PrismaLibSQL({ url: `file:${target.file}` }) });
    return wrap("sqlite", client, () => migrateSqlite(target.file));
  }
  const client = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
  return wrap("postgresql", asDatabaseClient(client), () => migratePostgresql(target.url));
}

function wrap(kind: Database["kind"], client: DatabaseClient, migrate: () => Promise<MigrationReport>): Database {
  return {
    kind,
    client,
    migrate,
    async ping() {
      await client.$queryRawUnsafe("SELECT 1");
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
