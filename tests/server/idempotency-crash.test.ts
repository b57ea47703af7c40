// A real crash under writers: the API process is killed (SIGKILL) while POSTs with Idempotency-Keys
// are in flight, so their records are left unfinished. After a restart, retrying every key must end
// with the write stored exactly once: the lapsed lease lets a retry take the key over and run it
// (before leases, such a key answered 409 idempotency_in_progress for 24 hours and was never written).
// The lease is shortened to a second (IDEMPOTENCY_LEASE_MS) so the retries need not wait 30 s.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database } from "@habits/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProductProcess, startProductProcess } from "../support/product-process.js";
import { createTestDatabase, dialect, type TestDatabase } from "../support/test-database.js";

const leaseMs = 1_000;
const writers = 8;

interface Answer {
  status: number;
  body: { id?: string; name?: string; code?: string };
}

describe(`Idempotency-Keys after a crash under writers (${dialect})`, () => {
  let workingDirectory: string;
  let testDatabase: TestDatabase;
  let database: Database;
  let env: Record<string, string>;

  beforeAll(async () => {
    workingDirectory = mkdtempSync(join(tmpdir(), "habits-crash-"));
    testDatabase = await createTestDatabase();
    env = {
      DATABASE_URL: testDatabase.url,
      IDEMPOTENCY_LEASE_MS: String(leaseMs),
      JWT_SECRET: "a-test-secret-that-is-at-least-32-characters-long",
    };
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase.drop();
    rmSync(workingDirectory, { recursive: true, force: true });
  });

  const start = () => startProductProcess({ cwd: workingDirectory, env, entry: "api" });

  async function post(product: ProductProcess, path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`http://127.0.0.1:${product.port}/api/v1${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  }

  it("every retried key ends with its write stored exactly once; none stays in progress", {
    timeout: 90_000,
  }, async () => {
    let product = await start();
    const registered = await post(product, "/auth/register", {
      username: "crash",
      email: "crash@example.com",
      password: "correct horse",
      confirmPassword: "correct horse",
    });
    expect(registered.status).toBe(201);
    const token = (registered.body as { accessToken: string }).accessToken;
    const auth = { authorization: `Bearer ${token}` };
    const nameOf = (key: string) => `Habit ${key}`;

    // Keys sent, with the answer each got before the crash (none when the crash cut it off).
    const sent = new Map<string, Answer | undefined>();
    database = createDatabase(testDatabase.target);
    const unfinishedNow = () => database.client.idempotencyKey.count({ where: { completedAt: null } }).catch(() => 0); // SQLite busy: look again
    let answered = 0;
    let crashed = false;
    const writer = async (w: number) => {
      for (let n = 0; !crashed; n++) {
        const key = `w${w}-n${n}`;
        sent.set(key, undefined);
        try {
          sent.set(key, await post(product, "/habits", { name: nameOf(key) }, { ...auth, "idempotency-key": key }));
          answered += 1;
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const writing = Array.from({ length: writers }, (_, w) => writer(w));
    while (answered < 2 * writers) await new Promise((resolve) => setTimeout(resolve, 5));
    // Freeze the process at moments until one finds a request between its record and its answer,
    // then kill it there: a crash with requests in flight, certain to leave unfinished records.
    let unfinished = 0;
    for (let look = 1; unfinished === 0; look++) {
      expect(look, "no moment found with a request in flight").toBeLessThan(500);
      process.kill(product.pid, "SIGSTOP");
      unfinished = await unfinishedNow();
      if (unfinished === 0) {
        process.kill(product.pid, "SIGCONT");
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    }
    crashed = true;
    await product.stop("SIGKILL");
    await Promise.all(writing);
    expect(await unfinishedNow()).toBe(unfinished);

    // Restart and retry every key with the same request until it is no longer in progress.
    product = await start();
    try {
      const deadline = Date.now() + 10 * leaseMs;
      const finals = new Map<string, Answer>();
      for (const key of sent.keys()) {
        for (;;) {
          const answer = await post(product, "/habits", { name: nameOf(key) }, { ...auth, "idempotency-key": key });
          if (answer.body.code !== "idempotency_in_progress") {
            finals.set(key, answer);
            break;
          }
          expect(Date.now(), `${key} stayed in progress`).toBeLessThan(deadline);
          await new Promise((resolve) => setTimeout(resolve, leaseMs / 4));
        }
      }
      const habits = await database.client.habit.findMany({ select: { id: true, name: true } });
      for (const [key, final] of finals) {
        const stored = habits.filter((habit) => habit.name === nameOf(key));
        expect(stored, `the write of ${key}`).toHaveLength(1);
        const before = sent.get(key);
        if (before?.status === 201) {
          // Answered before the crash: the retry replays that answer.
          expect(final).toEqual(before);
        } else if (final.status !== 201) {
          // Cut off after its write committed but before its answer was kept: the retry runs again
          // and the active-name rule refuses a second habit (see docs/architecture.md).
          expect(final.body.code).toBe("name_taken");
        } else {
          expect(final.body).toMatchObject({ id: stored[0]?.id, name: nameOf(key) });
        }
      }
      expect(await database.client.idempotencyKey.count({ where: { completedAt: null } })).toBe(0);
    } finally {
      expect(await product.stop("SIGTERM")).toBe(0);
    }
  });
});
