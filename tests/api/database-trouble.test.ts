// Database trouble over real HTTP: a PostgreSQL server of the test's own, stopped and then frozen
// (SIGSTOP), and a SQLite file that cannot grow (PRAGMA max_page_count, the deterministic stand-in
// for a full disk: SQLite then fails with SQLITE_FULL exactly as on a full disk). Every request
// answers a 503 problem with a stable code and Retry-After, never a 500 or a hang; /ready answers
// within 2 s and says which check failed. (/ready's bound is the one timed assertion: it is the promise.)
import { classifyDatabaseError, createDatabase, type Database, parseDatabaseUrl } from "@habits/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialect } from "../support/test-database.js";
import {
  startThrowawayPostgres,
  type ThrowawayPostgres,
  throwawayPostgresUnavailable,
} from "../support/throwaway-postgres.js";
import type { Answer } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

async function timed(call: () => Promise<Answer>): Promise<Answer & { ms: number }> {
  const started = performance.now();
  const answer = await call();
  return { ...answer, ms: performance.now() - started };
}

function expectTrouble(answer: Answer, code: string, retryAfter: string) {
  expect(answer.status, answer.text).toBe(503);
  expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status: 503, code });
  expect(answer.headers.get("retry-after")).toBe(retryAfter);
}

describe.skipIf(throwawayPostgresUnavailable)(
  `PostgreSQL stopped or frozen (a throwaway cluster)${throwawayPostgresUnavailable ? `: skipped, ${throwawayPostgresUnavailable}` : ""}`,
  () => {
    let server: ThrowawayPostgres;
    let running: RunningApi;
    let token: string;

    beforeAll(async () => {
      server = await startThrowawayPostgres();
      running = await startApi({
        openDatabase: async () => {
          // Short bounds, so the frozen server's timeouts come quickly.
          const database = createDatabase(parseDatabaseUrl(server.url, process.cwd()), {
            limits: { statementTimeoutMs: 1_000, connectTimeoutMs: 1_000 },
          });
          await database.migrate();
          return { database, testDatabase: { drop: async () => {} } };
        },
      });
      ({ accessToken: token } = await registerAccount(running.api));
      expect((await running.api.post("/api/v1/habits", { name: "Read" }, { token })).status).toBe(201);
    }, 60_000);
    afterAll(async () => {
      // The server goes first: requests still waiting on it (should a bound fail) then end.
      await server?.remove();
      await running?.close();
    });

    it("stopped: reads and writes answer 503 database_unavailable with Retry-After; /ready fails fast, then recovers", async () => {
      await server.stop();
      try {
        expectTrouble(await running.api.get("/api/v1/habits", { token }), "database_unavailable", "5");
        expectTrouble(
          await running.api.post("/api/v1/habits", { name: "Write" }, { token }),
          "database_unavailable",
          "5",
        );
        expectTrouble(
          await running.api.post("/api/v1/habits", { name: "Keyed" }, { token, headers: { "idempotency-key": "k-1" } }),
          "database_unavailable",
          "5",
        );
        const ready = await timed(() => running.api.get("/ready"));
        expect(ready.ms).toBeLessThan(2_000);
        expect(ready.status).toBe(503);
        expect(ready.body).toMatchObject({
          code: "not_ready",
          checks: {
            database: "database_unavailable",
            writable: "database_unavailable",
            migrations: "database_unavailable",
          },
        });
      } finally {
        await server.start();
      }
      expect((await running.api.get("/ready")).body).toEqual({
        status: "ready",
        checks: { database: "ok", writable: "ok", migrations: "ok" },
      });
      const habits = await running.api.get("/api/v1/habits", { token });
      expect(habits.status).toBe(200);
      expect(habits.body.items.map((habit: { name: string }) => habit.name)).toEqual(["Read"]);
    });

    it("frozen: /ready answers within 2 s naming the timeout; requests answer 503 database_timeout, not a hang", async () => {
      server.freeze();
      try {
        const ready = await timed(() => running.api.get("/ready"));
        expect(ready.ms).toBeLessThan(2_000);
        expect(ready.status).toBe(503);
        expect(ready.body).toMatchObject({
          code: "not_ready",
          checks: { database: "timed_out", writable: "timed_out", migrations: "timed_out" },
        });
        expectTrouble(await running.api.get("/api/v1/habits", { token }), "database_timeout", "2");
        expectTrouble(await running.api.post("/api/v1/habits", { name: "Frozen" }, { token }), "database_timeout", "2");
      } finally {
        server.thaw();
      }
      expect((await running.api.get("/ready")).status).toBe(200);
      const habits = await running.api.get("/api/v1/habits", { token });
      expect(habits.status).toBe(200);
      expect(habits.body.items.map((habit: { name: string }) => habit.name)).toEqual(["Read"]);
    });
  },
);

describe.skipIf(dialect !== "sqlite")("SQLite storage full", () => {
  let running: RunningApi;
  let database: Database;
  let token: string;
  const habitIds: string[] = [];

  beforeAll(async () => {
    running = await startApi({ now: "2026-03-10T12:00:00Z" });
    database = running.database;
    ({ accessToken: token } = await registerAccount(running.api));
    for (let n = 0; n < 13; n++) {
      const created = await running.api.post("/api/v1/habits", { name: `Habit ${n}` }, { token });
      habitIds.push(created.body.id);
    }
  });
  afterAll(async () => {
    await running?.close();
  });

  /**
   * A full disk, deterministically: the file's free pages are used up, then the file is capped at
   * its size (PRAGMA max_page_count) on the connection the next transaction takes (the driver hands
   * its connection to a transaction and opens a fresh one afterwards). That transaction cannot grow
   * the file and fails with SQLITE_FULL, exactly as on a full disk.
   */
  async function fillTheDisk() {
    const { client } = database;
    const capAtPresentSize = async () => {
      const [{ page_count: pages }] =
        await client.$queryRawUnsafe<[{ page_count: number | bigint }]>("PRAGMA page_count");
      await client.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages)}`);
    };
    await client.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS "_filler" ("x" BLOB)');
    await capAtPresentSize();
    // Big rows take whole pages; smaller ones then take what is left, down to the last free page.
    for (const bytes of [3000, 1000, 300, 100, 30]) {
      let full = false;
      for (let row = 0; row < 100_000 && !full; row++) {
        full = await client.$executeRawUnsafe(`INSERT INTO "_filler" VALUES (zeroblob(${bytes}))`).then(
          () => false,
          (error: unknown) => {
            if (classifyDatabaseError(error) !== "storage_full") throw error;
            return true;
          },
        );
      }
      if (!full) throw new Error("the file never filled up");
    }
    await capAtPresentSize();
  }

  /** 100 completions with long notes over 13 habits and 8 days: pages more than the file has free. */
  const bigBatch = () => ({
    items: Array.from({ length: 100 }, (_, n) => ({
      habitId: habitIds[n % 13],
      date: `2026-03-${String(10 - Math.floor(n / 13)).padStart(2, "0")}`,
      note: `${n} `.padEnd(500, "x"),
    })),
  });

  it("a write answers 503 storage_full with Retry-After and stores nothing; /ready says writable failed", async () => {
    await fillTheDisk();
    expectTrouble(await running.api.post("/api/v1/completions/batch", bigBatch(), { token }), "storage_full", "60");
    expect(await database.client.completion.count()).toBe(0);

    await fillTheDisk();
    const ready = await timed(() => running.api.get("/ready"));
    expect(ready.ms).toBeLessThan(2_000);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      code: "not_ready",
      detail: expect.stringContaining("writable storage full"),
      checks: { database: "ok", writable: "storage_full", migrations: "ok" },
    });
  });

  it("with room again, /ready is ready and the same write is stored", async () => {
    expect((await running.api.get("/ready")).body).toEqual({
      status: "ready",
      checks: { database: "ok", writable: "ok", migrations: "ok" },
    });
    const stored = await running.api.post("/api/v1/completions/batch", bigBatch(), { token });
    expect(stored.status, stored.text).toBe(200);
    expect(await database.client.completion.count()).toBe(100);
  });
});
