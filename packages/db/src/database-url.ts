import { isAbsolute, resolve } from "node:path";

export type DatabaseTarget = { kind: "sqlite"; file: string } | { kind: "postgresql"; url: string };

/** Where the embedded database lives when no DATABASE_URL is given. */
export const defaultSqliteFile = "data/habits.db";

/**
 * Reads a database URL: none means the embedded SQLite file under `./data`; `file:<path>` is a
 * SQLite file (relative to `baseDirectory`); `postgres://` or `postgresql://` is a server.
 */
export function parseDatabaseUrl(url: string | undefined, baseDirectory: string): DatabaseTarget {
  if (url === undefined || url === "") {
    return { kind: "sqlite", file: resolve(baseDirectory, defaultSqliteFile) };
  }
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "" || path.includes("?")) throw new Error("expected file:<path to a SQLite file>");
    return { kind: "sqlite", file: isAbsolute(path) ? path : resolve(baseDirectory, path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed?.hostname) throw new Error("expected postgres://user:password@host:port/database");
    return { kind: "postgresql", url };
  }
  throw new Error("expected file:<path> for SQLite or postgres://user:password@host:port/database");
}
