// Idempotency-Key handling without HTTP: what is kept, replayed and forgotten, and what the request
// hash covers; and that only an authenticated route can be idempotent (compile time).
import type { IdempotencyStart, IdempotentRequest, IdempotentResponse } from "@habits/db";
import { type Request, Router } from "express";
import { describe, expect, it, vi } from "vitest";
import { createApiRegistry, generateOpenApiDocument } from "../openapi/document.js";
import { z } from "../openapi/zod.js";
import { type IdempotencyRecords, type Repeat, runIdempotently, type SentReply } from "./idempotency.js";
import { ProblemError, problem } from "./problem.js";
import { createApiRoutes, created } from "./route.js";

/** Records in memory, as the database keeps them. */
function memoryRecords() {
  const rows = new Map<string, IdempotentRequest & { id: string; response?: IdempotentResponse }>();
  const records: IdempotencyRecords = {
    leaseMs: 30_000,
    async renew(id) {
      return rows.has(id) && !rows.get(id)?.response;
    },
    async begin(request): Promise<IdempotencyStart> {
      const key = `${request.userId}:${request.key}`;
      const first = rows.get(key);
      if (!first) {
        rows.set(key, { ...request, id: key });
        return { kind: "new", id: key };
      }
      if (first.method !== request.method || first.path !== request.path || first.requestHash !== request.requestHash)
        return { kind: "mismatch" };
      if (!first.response) return { kind: "in_progress" };
      return { kind: "replay", status: first.response.status, body: first.response.body };
    },
    async complete(id, response) {
      const row = rows.get(id);
      if (!row || row.response) return false;
      row.response = structuredClone(response);
      return true;
    },
    async abandon(id) {
      return rows.delete(id);
    },
  };
  return { records, rows };
}

const request = (body: unknown, url = "/api/v1/things?b=2&a=1", method = "POST") =>
  ({ method, originalUrl: url, body }) as unknown as Request;

async function run(
  records: IdempotencyRecords,
  req: Request,
  reply: () => Promise<SentReply>,
  key = "k",
): Promise<SentReply> {
  return runIdempotently({
    records,
    now: () => new Date("2026-03-10T12:00:00Z"),
    userId: "u",
    key,
    request: req,
    run: reply,
  });
}

describe("runIdempotently", () => {
  it("runs once; a repeat (keys in another order, query parameters too) replays status, body and Location", async () => {
    const { records } = memoryRecords();
    let runs = 0;
    const handler = async () => {
      runs += 1;
      return created({ id: "t1", runs }, "/api/v1/things/t1");
    };
    const first = await run(records, request({ a: 1, b: { c: [1, 2], d: null } }), handler);
    const again = await run(records, request({ b: { d: null, c: [1, 2] }, a: 1 }, "/api/v1/things?a=1&b=2"), handler);
    expect(runs).toBe(1);
    expect(first).toEqual({ status: 201, body: { id: "t1", runs: 1 }, headers: { Location: "/api/v1/things/t1" } });
    expect(again).toEqual({
      status: 201,
      body: { id: "t1", runs: 1 },
      headers: { Location: "/api/v1/things/t1", "Idempotent-Replayed": "true" },
    });
  });

  it("another body, path, query or method with the key is idempotency_key_reused", async () => {
    const { records } = memoryRecords();
    const handler = async () => ({ status: 204 });
    await run(records, request({ a: 1 }), handler);
    for (const other of [
      request({ a: 2 }),
      request({ a: 1, extra: true }),
      request([{ a: 1 }]),
      request({ a: 1 }, "/api/v1/other?b=2&a=1"),
      request({ a: 1 }, "/api/v1/things?b=3&a=1"),
      request({ a: 1 }, "/api/v1/things?b=2&a=1", "PUT"),
    ]) {
      const reply = await run(records, other, handler);
      expect(reply).toMatchObject({ problem: { status: 422, code: "idempotency_key_reused" } });
    }
  });

  it("a repeat while the first runs is idempotency_in_progress, with Retry-After", async () => {
    const { records } = memoryRecords();
    let release: () => void = () => {};
    const slow = run(
      records,
      request({}),
      () =>
        new Promise<SentReply>((resolve) => {
          release = () => resolve({ status: 200, body: { done: true } });
        }),
    );
    const during = await run(records, request({}), async () => ({ status: 200, body: { done: false } }));
    expect(during).toMatchObject({
      problem: { status: 409, code: "idempotency_in_progress" },
      headers: { "Retry-After": "1" },
    });
    release();
    expect(await slow).toEqual({ status: 200, body: { done: true } });
  });

  it("keeps a 4xx answer (returned or thrown) and replays it as a problem", async () => {
    const { records } = memoryRecords();
    const refusal = problem("already_completed", "Done already.");
    expect(await run(records, request({}), async () => ({ problem: refusal }))).toEqual({ problem: refusal });
    expect(await run(records, request({}), async () => ({ status: 201, body: {} }))).toEqual({
      problem: refusal,
      headers: { "Idempotent-Replayed": "true" },
    });
    const thrown = problem("not_found", "No such thing.");
    await expect(
      run(
        records,
        request({}),
        async () => {
          throw new ProblemError(thrown);
        },
        "thrown",
      ),
    ).rejects.toThrow(ProblemError);
    expect(await run(records, request({}), async () => ({ status: 201, body: {} }), "thrown")).toMatchObject({
      problem: thrown,
    });
  });

  it("a 5xx or a throw forgets the key: the retry runs", async () => {
    const { records, rows } = memoryRecords();
    const failing = await run(records, request({}), async () => ({ problem: problem("internal_error", "Oops.") }));
    expect(failing).toMatchObject({ problem: { status: 500 } });
    expect(rows.size).toBe(0);
    await expect(
      run(records, request({}), async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(rows.size).toBe(0);
    expect(await run(records, request({}), async () => ({ status: 200, body: { ok: 1 } }))).toEqual({
      status: 200,
      body: { ok: 1 },
    });
  });

  it("renews the lease three times a lease while the request runs, and stops when it ends or throws", async () => {
    const { records } = memoryRecords();
    const renewals: Array<{ id: string; at: string }> = [];
    const renewing: IdempotencyRecords = {
      ...records,
      leaseMs: 30_000,
      renew: async (id, now) => {
        renewals.push({ id, at: now.toISOString() });
        return true;
      },
    };
    const timers: Array<{ ms: number; beat: () => void; stopped: boolean }> = [];
    const repeat: Repeat = (ms, beat) => {
      const timer = { ms, beat, stopped: false };
      timers.push(timer);
      return () => {
        timer.stopped = true;
      };
    };
    let now = new Date("2026-03-10T12:00:00Z");
    let finish: (reply: SentReply) => void = () => {};
    const running = runIdempotently({
      records: renewing,
      now: () => now,
      repeat,
      userId: "u",
      key: "slow",
      request: request({}),
      run: () => new Promise<SentReply>((resolve) => (finish = resolve)),
    });
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    expect(timers[0]?.ms).toBe(10_000);
    now = new Date("2026-03-10T12:00:10Z");
    timers[0]?.beat();
    now = new Date("2026-03-10T12:00:20Z");
    timers[0]?.beat();
    expect(renewals).toEqual([
      { id: "u:slow", at: "2026-03-10T12:00:10.000Z" },
      { id: "u:slow", at: "2026-03-10T12:00:20.000Z" },
    ]);
    expect(timers[0]?.stopped).toBe(false);
    finish({ status: 200, body: {} });
    await running;
    expect(timers[0]?.stopped).toBe(true);

    const throwing = runIdempotently({
      records: renewing,
      now: () => now,
      repeat,
      userId: "u",
      key: "throws",
      request: request({}),
      run: async () => {
        throw new Error("boom");
      },
    });
    await expect(throwing).rejects.toThrow("boom");
    expect(timers[1]?.stopped).toBe(true);
  });

  it("replays an answer without a body as one without a body", async () => {
    const { records } = memoryRecords();
    await run(records, request({}), async () => ({ status: 204 }));
    expect(await run(records, request({}), async () => ({ status: 204 }))).toEqual({
      status: 204,
      headers: { "Idempotent-Replayed": "true" },
    });
  });
});

describe("an idempotent route", () => {
  const registry = createApiRegistry();
  const routes = createApiRoutes({
    router: Router(),
    registry,
    basePath: "/api/v1",
    proveIdentity: async () => undefined,
    authenticate: async () => ({
      userId: "u",
      sessionId: "s",
      via: "bearer",
      credential: { kind: "session", login: null },
    }),
  });
  const thing = z.strictObject({ name: z.string() });

  it("documents the header and its problems", () => {
    routes.add({
      operationId: "makeThing",
      method: "post",
      path: "/things",
      tags: ["Test"],
      summary: "Make a thing",
      auth: true,
      access: "write",
      idempotent: true,
      request: { body: thing },
      responses: { 201: { description: "Made", body: thing, headers: { Location: "The thing" } } },
      handler: async ({ body }) => created(body, "/api/v1/things/1"),
    });
    const operation = generateOpenApiDocument(registry).paths?.["/api/v1/things"]?.post as {
      parameters: Array<{ name: string; in: string; required: boolean }>;
      responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
    };
    expect(operation.parameters).toContainEqual(
      expect.objectContaining({ name: "Idempotency-Key", in: "header", required: false }),
    );
    expect(operation.responses["409"]?.description).toContain("idempotency_in_progress");
    expect(operation.responses["422"]?.description).toContain("idempotency_key_reused");
    expect(Object.keys(operation.responses["201"]?.headers ?? {})).toEqual(["Location", "Idempotent-Replayed"]);
  });

  it("must be authenticated: keys are per user (compile time)", () => {
    routes.add({
      operationId: "makePublicThing",
      method: "post",
      path: "/public-things",
      tags: ["Test"],
      summary: "Make a thing without an account",
      auth: false,
      // @ts-expect-error only a route with auth can be idempotent
      idempotent: true,
      responses: { 204: { description: "Made" } },
      handler: async () => ({ status: 204 as const }),
    });
  });
});
