// The PostgreSQL schema is derived from the SQLite one (prisma/schema.prisma): the same models with
// the provider, the CLI's url and the client's output swapped.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const sqliteSchemaPath = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));
export const postgresqlSchemaPath = fileURLToPath(new URL("../../../prisma/postgresql/schema.prisma", import.meta.url));

const header = "// GENERATED from prisma/schema.prisma by `pnpm db:generate`; edit that file, not this one.\n";

export function renderPostgresqlSchema(sqliteSchema: string): string {
  const replacements: Array<[RegExp, string]> = [
    [/provider = "sqlite"/, 'provider = "postgresql"'],
    [/url\s+= "file:\.\/prisma-cli\.db"/, 'url      = "postgresql://prisma-cli@127.0.0.1:5432/prisma-cli"'],
    [
      /output\s+= "\.\.\/packages\/db\/src\/generated\/sqlite"/,
      'output       = "../../packages/db/src/generated/postgresql"',
    ],
  ];
  let schema = sqliteSchema;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(schema)) throw new Error(`prisma/schema.prisma no longer matches ${pattern}`);
    schema = schema.replace(pattern, replacement);
  }
  return header + schema;
}

export function readRenderedPostgresqlSchema(): string {
  return renderPostgresqlSchema(readFileSync(sqliteSchemaPath, "utf8"));
}
