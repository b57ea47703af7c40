// Runs this package's Prisma CLI (JS engine, no downloads).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const packageDirectory = fileURLToPath(new URL("..", import.meta.url));

export type Dialect = "sqlite" | "postgresql";

const configFor: Record<Dialect, string> = {
  sqlite: "prisma.sqlite.config.ts",
  postgresql: "prisma.postgresql.config.ts",
};

/**
 * The SQL that turns a database at schema `from` (or an empty one) into schema `to`. Diffing
 * schema files needs no database for SQLite; for PostgreSQL the CLI still connects to
 * PRISMA_CLI_POSTGRES_URL first.
 */
export function diffSchemas(dialect: Dialect, from: string | "empty", to: string): string {
  const source = from === "empty" ? ["--from-empty"] : ["--from-schema-datamodel", from];
  return execFileSync(
    "pnpm",
    [
      "exec",
      "prisma",
      "migrate",
      "diff",
      "--config",
      configFor[dialect],
      ...source,
      "--to-schema-datamodel",
      to,
      "--script",
    ],
    { cwd: packageDirectory, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
}
