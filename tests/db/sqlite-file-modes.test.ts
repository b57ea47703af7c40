// The SQLite file holds every account: other local users must not read it. A fresh data directory
// is owner-only (0700) and the database and its -wal/-shm files owner-only (0600); an install made
// before this rule has its too-open files tightened at start, with one line for the log each.
// (About files, so it runs on SQLite whatever DATABASE_URL says.)
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe("SQLite files are owner-only", () => {
  let root: string;
  let previousUmask: number;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "habits-modes-"));
    // The most common umask, which leaves new files readable by everyone unless asked otherwise.
    previousUmask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(previousUmask);
    rmSync(root, { recursive: true, force: true });
  });

  it("a new data directory is 0700 and the database, with its -wal and -shm files, 0600 after writes", async () => {
    const notices: string[] = [];
    const database = createDatabase(parseDatabaseUrl(undefined, root), { onFileNotice: (line) => notices.push(line) });
    try {
      await database.migrate();
      await database.client.user.create({ data: { id: "someone", name: "Someone" } });
      expect(modeOf(join(root, "data"))).toBe(0o700);
      const file = join(root, "data", "habits.db");
      expect(modeOf(file)).toBe(0o600);
      // WAL mode: the writes above went through the -wal and -shm files, which SQLite made.
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      expect(modeOf(`${file}-shm`)).toBe(0o600);
      expect(notices).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it("an existing database readable by others is tightened to 0600 with one line each, and still opens", async () => {
    const directory = join(root, "shared");
    mkdirSync(directory, { mode: 0o755 });
    chmodSync(directory, 0o755);
    const file = join(directory, "habits.db");
    const first = createDatabase(parseDatabaseUrl(`file:${file}`, root));
    await first.migrate();
    await first.client.user.create({ data: { id: "kept", name: "Kept" } });
    await first.close();
    chmodSync(file, 0o644);
    writeFileSync(`${file}-journal`, "");
    chmodSync(`${file}-journal`, 0o666);

    const notices: string[] = [];
    const database = createDatabase(parseDatabaseUrl(`file:${file}`, root), {
      onFileNotice: (line) => notices.push(line),
    });
    try {
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-journal`)).toBe(0o600);
      expect(notices).toEqual([
        `${file} had mode 0644, readable by other local users: now 0600`,
        `${file}-journal had mode 0666, readable by other local users: now 0600`,
      ]);
      // A directory that existed keeps its mode (it may be shared, like /tmp): the files are private.
      expect(modeOf(directory)).toBe(0o755);
      await database.migrate();
      expect(await database.client.user.findUnique({ where: { id: "kept" } })).toMatchObject({ name: "Kept" });
    } finally {
      await database.close();
    }
  });
});
