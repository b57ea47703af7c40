// Idempotency-Key records on a real database (SQLite file, or PostgreSQL with DATABASE_URL).
import { randomUUID } from "node:crypto";
import {
  abandonIdempotentRequest,
  beginIdempotentRequest,
  completeIdempotentRequest,
  type Database,
  defaultIdempotencyLeaseMs,
  type IdempotentRequest,
  purgeExpiredRecords,
  renewIdempotentRequest,
  retention,
} from "@habits/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialect, openMigratedTestDatabase, type TestDatabase } from "../support/test-database.js";

const now = new Date("2026-03-10T12:00:00.250Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe(`idempotency records on ${dialect}`, () => {
  let database: Database;
  let testDatabase: TestDatabase;

  beforeAll(async () => {
    ({ database, testDatabase } = await openMigratedTestDatabase());
  });
  afterAll(async () => {
    await database.close();
    await testDatabase.drop();
  });

  /** A first request of a new user with a new key; `changes` tweak it. */
  async function firstRequest(changes: Partial<IdempotentRequest> = {}): Promise<IdempotentRequest> {
    const userId = randomUUID();
    await database.client.user.create({ data: { id: userId } });
    return {
      userId,
      key: randomUUID(),
      method: "POST",
      path: "/api/v1/habits",
      requestHash: "hash-of-the-body",
      now,
      ...changes,
    };
  }

  async function begunNew(request: IdempotentRequest): Promise<string> {
    const started = await beginIdempotentRequest(database.client, request);
    if (started.kind !== "new") throw new Error(`expected new, got ${started.kind}`);
    return started.id;
  }

  it("the first request is new; a repeat after it completed replays its status and body", async () => {
    const request = await firstRequest();
    const id = await begunNew(request);
    const body = { id: "habit-1", name: "Read", tags: ["Mind"], target: null };
    expect(await completeIdempotentRequest(database.client, id, { status: 201, body }, later(50))).toBe(true);

    expect(await beginIdempotentRequest(database.client, { ...request, now: later(60_000) })).toEqual({
      kind: "replay",
      status: 201,
      body,
    });
    const row = await database.client.idempotencyKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ responseStatus: 201, completedAt: later(50), createdAt: now });
  });

  it("replays a response without a body as null, and a refusal as it was", async () => {
    const empty = await firstRequest();
    await completeIdempotentRequest(database.client, await begunNew(empty), { status: 204, body: undefined }, now);
    expect(await beginIdempotentRequest(database.client, empty)).toEqual({ kind: "replay", status: 204, body: null });

    const refused = await firstRequest();
    const problem = { type: "about:blank", title: "Conflict", status: 409, code: "already_completed" };
    await completeIdempotentRequest(database.client, await begunNew(refused), { status: 409, body: problem }, now);
    expect(await beginIdempotentRequest(database.client, refused)).toEqual({
      kind: "replay",
      status: 409,
      body: problem,
    });
  });

  it("a repeat while the first has not completed is in progress", async () => {
    const request = await firstRequest();
    await begunNew(request);
    expect(await beginIdempotentRequest(database.client, request)).toEqual({ kind: "in_progress" });
  });

  it("the key with another method, path or body is a mismatch, completed or not", async () => {
    const request = await firstRequest();
    const id = await begunNew(request);
    const others = [{ method: "PUT" }, { path: "/api/v1/rewards" }, { requestHash: "another-body" }];
    for (const other of others) {
      expect(await beginIdempotentRequest(database.client, { ...request, ...other })).toEqual({ kind: "mismatch" });
    }
    await completeIdempotentRequest(database.client, id, { status: 201, body: { id: "x" } }, now);
    for (const other of others) {
      expect(await beginIdempotentRequest(database.client, { ...request, ...other })).toEqual({ kind: "mismatch" });
    }
  });

  it("keys are per user: another user's same key is new", async () => {
    const request = await firstRequest();
    await begunNew(request);
    const stranger = await firstRequest();
    expect(await beginIdempotentRequest(database.client, { ...stranger, key: request.key })).toMatchObject({
      kind: "new",
    });
  });

  it("an abandoned first request (a 5xx) lets the retry run; a completed one is never abandoned", async () => {
    const request = await firstRequest();
    const failed = await begunNew(request);
    expect(await abandonIdempotentRequest(database.client, failed)).toBe(true);
    const retry = await begunNew(request);
    expect(retry).not.toBe(failed);
    expect(await completeIdempotentRequest(database.client, failed, { status: 201, body: {} }, now)).toBe(false);

    await completeIdempotentRequest(database.client, retry, { status: 201, body: { id: "y" } }, now);
    expect(await abandonIdempotentRequest(database.client, retry)).toBe(false);
    expect(await completeIdempotentRequest(database.client, retry, { status: 500, body: {} }, now)).toBe(false);
    expect(await beginIdempotentRequest(database.client, request)).toEqual({
      kind: "replay",
      status: 201,
      body: { id: "y" },
    });
  });

  it("a record older than the retention counts as absent, exactly as housekeeping purges it", async () => {
    const request = await firstRequest();
    const id = await begunNew(request);
    await completeIdempotentRequest(database.client, id, { status: 201, body: { id: "old" } }, now);

    // At exactly 24 hours it is kept (housekeeping purges strictly older ones), so it still answers.
    const atRetention = later(retention.idempotencyKeysMs);
    expect((await purgeExpiredRecords(database.client, atRetention)).idempotencyKeys).toBe(0);
    expect(await beginIdempotentRequest(database.client, { ...request, now: atRetention })).toMatchObject({
      kind: "replay",
    });

    // A moment later it is gone for both: the key is new again, even with another body.
    const past = later(retention.idempotencyKeysMs + 1);
    const again = await beginIdempotentRequest(database.client, { ...request, requestHash: "new-body", now: past });
    expect(again).toEqual({ kind: "new", id: expect.any(String) });
    expect(again.kind === "new" && again.id).not.toBe(id);
  });

  it("of 10 concurrent first requests with one key, exactly one is new; the others are in progress", async () => {
    const request = await firstRequest();
    const starts = await Promise.all(
      Array.from({ length: 10 }, () => beginIdempotentRequest(database.client, request)),
    );
    expect(starts.filter((start) => start.kind === "new")).toHaveLength(1);
    expect(starts.filter((start) => start.kind === "in_progress")).toHaveLength(9);
    expect(await database.client.idempotencyKey.count({ where: { userId: request.userId } })).toBe(1);
  });

  it("of 10 concurrent retries over a stale record, exactly one is new", async () => {
    const request = await firstRequest();
    await completeIdempotentRequest(database.client, await begunNew(request), { status: 201, body: {} }, now);
    const past = later(retention.idempotencyKeysMs + 1);
    const starts = await Promise.all(
      Array.from({ length: 10 }, () => beginIdempotentRequest(database.client, { ...request, now: past })),
    );
    expect(starts.filter((start) => start.kind === "new")).toHaveLength(1);
    expect(starts.filter((start) => start.kind === "in_progress")).toHaveLength(9);
  });

  describe("the lease of an unfinished request (a crash leaves one behind)", () => {
    const lease = defaultIdempotencyLeaseMs;

    it("within the lease a retry is in progress; once it lapsed the retry takes the key over", async () => {
      const request = await firstRequest();
      const crashed = await begunNew(request);
      expect(await beginIdempotentRequest(database.client, { ...request, now: later(lease - 1) })).toEqual({
        kind: "in_progress",
      });

      const retry = await begunNew({ ...request, now: later(lease) });
      expect(retry).not.toBe(crashed);
      // The crashed request, should it wake up, can no longer answer for the key or keep it.
      expect(await completeIdempotentRequest(database.client, crashed, { status: 201, body: {} }, later(lease))).toBe(
        false,
      );
      expect(await renewIdempotentRequest(database.client, crashed, later(lease))).toBe(false);
      expect(await abandonIdempotentRequest(database.client, crashed)).toBe(false);

      expect(
        await completeIdempotentRequest(database.client, retry, { status: 201, body: { id: "r" } }, later(lease)),
      ).toBe(true);
      expect(await beginIdempotentRequest(database.client, { ...request, now: later(10 * lease) })).toEqual({
        kind: "replay",
        status: 201,
        body: { id: "r" },
      });
    });

    it("renewal keeps the key: a retry is in progress for a lease after the last renewal", async () => {
      const request = await firstRequest();
      const running = await begunNew(request);
      for (const at of [lease / 3, (2 * lease) / 3, lease - 1]) {
        expect(await renewIdempotentRequest(database.client, running, later(at))).toBe(true);
      }
      const renewedAt = lease - 1;
      expect(await beginIdempotentRequest(database.client, { ...request, now: later(renewedAt + lease - 1) })).toEqual({
        kind: "in_progress",
      });
      expect(await begunNew({ ...request, now: later(renewedAt + lease) })).not.toBe(running);
    });

    it("the lease length is the caller's: a short lease lapses sooner", async () => {
      const request = await firstRequest({ leaseMs: 1_000 });
      await begunNew(request);
      expect(await beginIdempotentRequest(database.client, { ...request, now: later(999) })).toEqual({
        kind: "in_progress",
      });
      expect((await beginIdempotentRequest(database.client, { ...request, now: later(1_000) })).kind).toBe("new");
    });

    it("a completed record is never taken over, however old its lease", async () => {
      const request = await firstRequest();
      await completeIdempotentRequest(
        database.client,
        await begunNew(request),
        { status: 201, body: { id: "c" } },
        now,
      );
      expect(await beginIdempotentRequest(database.client, { ...request, now: later(5 * lease) })).toMatchObject({
        kind: "replay",
        body: { id: "c" },
      });
    });

    it("a lapsed record of another request is still a mismatch, not taken over", async () => {
      const request = await firstRequest();
      await begunNew(request);
      expect(
        await beginIdempotentRequest(database.client, { ...request, requestHash: "another-body", now: later(lease) }),
      ).toEqual({ kind: "mismatch" });
    });

    it("a record from before leases (no lease) counts as lapsed", async () => {
      const request = await firstRequest();
      const { userId, key, method, path, requestHash } = request;
      await database.client.idempotencyKey.create({
        data: { id: randomUUID(), userId, key, method, path, requestHash, createdAt: now },
      });
      expect((await beginIdempotentRequest(database.client, request)).kind).toBe("new");
    });

    it("of 10 concurrent retries after the lease lapsed, exactly one takes over; the others are in progress", async () => {
      const request = await firstRequest();
      const crashed = await begunNew(request);
      const starts = await Promise.all(
        Array.from({ length: 10 }, () => beginIdempotentRequest(database.client, { ...request, now: later(lease) })),
      );
      const winners = starts.filter((start) => start.kind === "new");
      expect(winners).toHaveLength(1);
      expect(winners[0]?.kind === "new" && winners[0].id).not.toBe(crashed);
      expect(starts.filter((start) => start.kind === "in_progress")).toHaveLength(9);
      expect(await database.client.idempotencyKey.count({ where: { userId: request.userId } })).toBe(1);
    });
  });
});
