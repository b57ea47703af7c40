// `pnpm db:check`: fails when the migrations and prisma/schema.prisma drift apart.
// 1. prisma/postgresql/schema.prisma is exactly what the SQLite schema renders to.
// 2. For SQLite (and PostgreSQL when CHECK_POSTGRES_URL names a server), a database built by the
//    migrations has the same tables, columns, indexes and constraints as one built straight from
//    the schema.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { migratePostgresql } from "../src/postgresql-migrate.js";
import { migrateSqlite } from "../src/sqlite-migrate.js";
import { describePostgresql, describeSqlite, differences } from "./describe-schema.js";
import { postgresqlSchemaPath, readRenderedPostgresqlSchema, sqliteSchemaPath } from "./postgresql-schema.js";
import { diffSchemas } from "./prisma-cli.js";

const failures: string[] = [];

if (readFileSync(postgresqlSchemaPath, "utf8") !== readRenderedPostgresqlSchema()) {
  failures.push("prisma/postgresql/schema.prisma is stale: run `pnpm db:generate`");
}

const directory = mkdtempSync(join(tmpdir(), "habits-db-check-"));
try {
  await migrateSqlite(join(directory, "migrated.db"));
  const migrated = createClient({ url: `file:${join(directory, "migrated.db")}` });
  const direct = createClient({ url: `file:${join(directory, "direct.db")}` });
  await direct.executeMultiple(diffSchemas("sqlite", "empty", sqliteSchemaPath));
  report("sqlite", differences(await describeSqlite(migrated), await describeSqlite(direct)));
  migrated.close();
  direct.close();
} finally {
  rmSync(directory, { recursive: true, force: true });
}

const postgresUrl = process.env.CHECK_POSTGRES_URL;
if (postgresUrl) {
  const suffix = `${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  const urlFor = (name: string) => Object.assign(new URL(postgresUrl), { pathname: `/${name}` }).toString();
  const names = [`check_migrated_${suffix}`, `check_direct_${suffix}`] as const;
  try {
    await migratePostgresql(urlFor(names[0]));
    await admin.query(`CREATE DATABASE ${names[1]}`);
    const migrated = new pg.Client({ connectionString: urlFor(names[0]) });
    const direct = new pg.Client({ connectionString: urlFor(names[1]) });
    await Promise.all([migrated.connect(), direct.connect()]);
    await direct.query(diffSchemas("postgresql", "empty", postgresqlSchemaPath));
    report("postgresql", differences(await describePostgresql(migrated), await describePostgresql(direct)));
    await Promise.all([migrated.end(), direct.end()]);
  } finally {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
} else {
  console.log("CHECK_POSTGRES_URL is not set: checked SQLite only.");
}

function report(dialect: string, lines: string[]): void {
  if (lines.length === 0) {
    console.log(`${dialect}: the migrations build exactly prisma/schema.prisma`);
    return;
  }
  failures.push(
    `${dialect}: the migrations and prisma/schema.prisma differ (run \`pnpm db:migration <name>\`):\n  ${lines.join("\n  ")}`,
  );
}

if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
