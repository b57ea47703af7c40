// `pnpm db:migration <name>`: writes the next migration for SQLite and PostgreSQL from the change
// to prisma/schema.prisma since the last migration (the schema as committed with it), so the two
// folders always hold the same steps.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { postgresqlSchemaPath, renderPostgresqlSchema, sqliteSchemaPath } from "./postgresql-schema.js";
import { type Dialect, diffSchemas } from "./prisma-cli.js";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const migrationsRoot = join(repositoryRoot, "prisma/migrations");

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: pnpm db:migration <snake_case_name>");
  process.exit(2);
}

const previous = previousSchemas();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dialects: Array<[Dialect, string]> = [
  ["sqlite", sqliteSchemaPath],
  ["postgresql", postgresqlSchemaPath],
];
const scripts = dialects.map(
  ([dialect, current]) => [dialect, diffSchemas(dialect, previous?.[dialect] ?? "empty", current)] as const,
);
if (scripts.every(([, sql]) => !/\S/.test(sql.replace(/^--.*$/gm, "")))) {
  console.log("prisma/schema.prisma has no change since the last migration.");
  process.exit(0);
}
for (const [dialect, sql] of scripts) {
  const directory = join(migrationsRoot, dialect, `${stamp}_${name}`);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "migration.sql"), sql);
  const lock = join(migrationsRoot, dialect, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, `provider = "${dialect}"\n`);
  console.log(`wrote ${directory}/migration.sql`);
}

/** The schema as committed with the latest migration, or undefined before the first one. */
function previousSchemas(): Record<Dialect, string> | undefined {
  const sqliteMigrations = join(migrationsRoot, "sqlite");
  const latest = existsSync(sqliteMigrations)
    ? readdirSync(sqliteMigrations, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
        .at(-1)
    : undefined;
  if (!latest) return undefined;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repositoryRoot, encoding: "utf8" });
  const commit = git("log", "-1", "--format=%H", "--", `prisma/migrations/sqlite/${latest}`).trim();
  if (!commit) throw new Error(`commit ${latest} together with the schema it was made from, then run this again`);
  const schema = git("show", `${commit}:prisma/schema.prisma`);
  const directory = mkdtempSync(join(tmpdir(), "habits-schema-"));
  writeFileSync(join(directory, "sqlite.prisma"), schema);
  writeFileSync(join(directory, "postgresql.prisma"), renderPostgresqlSchema(schema));
  return { sqlite: join(directory, "sqlite.prisma"), postgresql: join(directory, "postgresql.prisma") };
}
