// A normalized description of a database's tables, columns, indexes and constraints, for
// comparing a migrated database with one created straight from the schema.
import type { Client as LibsqlClient } from "@libsql/client";
import type pg from "pg";

const ignoredTable = "_prisma_migrations";

export async function describeSqlite(client: LibsqlClient): Promise<string[]> {
  const lines: string[] = [];
  const tables = await client.execute(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '${ignoredTable}' ORDER BY name`,
  );
  for (const { name: table } of tables.rows) {
    const quoted = `"${String(table)}"`;
    for (const column of (await client.execute(`PRAGMA table_info(${quoted})`)).rows) {
      lines.push(
        `${table} column ${column.name} ${column.type} notnull=${column.notnull} default=${column.dflt_value} pk=${column.pk}`,
      );
    }
    for (const index of (await client.execute(`PRAGMA index_list(${quoted})`)).rows) {
      const columns = (await client.execute(`PRAGMA index_info("${String(index.name)}")`)).rows.map((row) => row.name);
      lines.push(`${table} index ${index.name} unique=${index.unique} partial=${index.partial} (${columns.join(",")})`);
    }
    for (const key of (await client.execute(`PRAGMA foreign_key_list(${quoted})`)).rows) {
      lines.push(
        `${table} foreign key ${key.from} -> ${key.table}.${key.to} update=${key.on_update} delete=${key.on_delete}`,
      );
    }
  }
  return lines.sort();
}

export async function describePostgresql(client: pg.Client): Promise<string[]> {
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name != $1`,
    [ignoredTable],
  );
  const indexes = await client.query(
    "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename != $1",
    [ignoredTable],
  );
  const constraints = await client.query(
    `SELECT t.relname AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname != $1`,
    [ignoredTable],
  );
  return [
    ...columns.rows.map(
      (row) =>
        `${row.table_name} column ${row.column_name} ${row.data_type} nullable=${row.is_nullable} default=${row.column_default}`,
    ),
    ...indexes.rows.map((row) => `${row.tablename} index ${row.indexdef}`),
    ...constraints.rows.map((row) => `${row.table_name} constraint ${row.conname} ${row.definition}`),
  ].sort();
}

/** The lines only one side has, marked - (migrated) and + (schema). */
export function differences(migrated: string[], fromSchema: string[]): string[] {
  const left = new Set(migrated);
  const right = new Set(fromSchema);
  return [
    ...migrated.filter((line) => !right.has(line)).map((line) => `- ${line}`),
    ...fromSchema.filter((line) => !left.has(line)).map((line) => `+ ${line}`),
  ];
}
