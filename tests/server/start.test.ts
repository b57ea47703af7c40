import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductProcess } from "../support/product-process.js";
import { createTestDatabase, dialect, type TestDatabase } from "../support/test-database.js";

describe(`pnpm start on a fresh data directory (${dialect})`, () => {
  let workingDirectory: string;
  let testDatabase: TestDatabase | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    workingDirectory = mkdtempSync(join(tmpdir(), "habits-start-"));
    // SQLite: DATABASE_URL unset, so the default ./data/habits.db is what gets tested.
    testDatabase = dialect === "postgresql" ? await createTestDatabase() : undefined;
    env = testDatabase ? { DATABASE_URL: testDatabase.url } : {};
  });
  afterAll(async () => {
    await testDatabase?.drop();
    rmSync(workingDirectory, { recursive: true, force: true });
  });
  const modeOf = (path: string) => statSync(join(workingDirectory, path)).mode & 0o777;

  it("creates and migrates the database, answers /health and /ready, and stops cleanly", async () => {
    const product = await startProductProcess({ cwd: workingDirectory, env });
    try {
      const health = await fetch(`http://127.0.0.1:${product.port}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });
      const ready = await fetch(`http://127.0.0.1:${product.port}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok" } });
      const migrated = product.logs.find((line) => line.msg === "database ready");
      expect(migrated?.appliedMigrations).toEqual(expect.arrayContaining([expect.stringMatching(/_init$/)]));
    } finally {
      expect(await product.stop("SIGTERM")).toBe(0);
    }
    if (dialect === "sqlite") expect(existsSync(join(workingDirectory, "data/habits.db"))).toBe(true);
    expect(readFileSync(join(workingDirectory, "data/jwt-secret"), "utf8").trim().length).toBeGreaterThanOrEqual(32);
    // Other local users can read none of it: the directory is owner-only, and so is every file in it.
    expect(modeOf("data")).toBe(0o700);
    expect(modeOf("data/jwt-secret")).toBe(0o600);
    const files = readdirSync(join(workingDirectory, "data"));
    expect(files).toContain(dialect === "sqlite" ? "habits.db" : "jwt-secret");
    for (const file of files) expect({ file, mode: modeOf(`data/${file}`) }).toEqual({ file, mode: 0o600 });
  });

  it("keeps the data, the schema and the generated secret on a second start", async () => {
    const secretBefore = readFileSync(join(workingDirectory, "data/jwt-secret"), "utf8");
    const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL, workingDirectory));
    await database.client.user.create({ data: { id: "survivor", name: "Still here" } });
    await database.close();
    // As an install from before the files were made owner-only left it.
    if (dialect === "sqlite") chmodSync(join(workingDirectory, "data/habits.db"), 0o644);

    const product = await startProductProcess({ cwd: workingDirectory, env });
    try {
      expect((await fetch(`http://127.0.0.1:${product.port}/ready`)).status).toBe(200);
      expect(product.logs.find((line) => line.msg === "database ready")?.appliedMigrations).toEqual([]);
      if (dialect === "sqlite") {
        expect(modeOf("data/habits.db")).toBe(0o600);
        const tightened = product.logs.filter((line) => String(line.msg).includes("had mode 0644"));
        expect(tightened).toEqual([expect.objectContaining({ level: 40 })]);
      }
    } finally {
      expect(await product.stop("SIGINT")).toBe(0);
    }
    const reopened = createDatabase(parseDatabaseUrl(env.DATABASE_URL, workingDirectory));
    expect(await reopened.client.user.findUnique({ where: { id: "survivor" } })).toMatchObject({ name: "Still here" });
    await reopened.close();
    expect(readFileSync(join(workingDirectory, "data/jwt-secret"), "utf8")).toBe(secretBefore);
  });
});
