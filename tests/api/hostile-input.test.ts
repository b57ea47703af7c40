// The audit's hostile requests, one by one (issue 9, items 1 and 9): each is a 4xx problem that
// names what is wrong, changes nothing, writes no error-level log line, and leaves the process
// answering. Run on SQLite and on PostgreSQL (DATABASE_URL), where NUL in text used to be a 500.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

let running: RunningApi;
let token: string;
let habitId: string;
beforeAll(async () => {
  running = await startApi();
  ({ accessToken: token } = await registerAccount(running.api));
  habitId = (await running.api.post("/api/v1/habits", { name: "Read" }, { token })).body.id;
});
afterAll(async () => running.close());

/** Log lines at pino's error level (50) or above since the test began. */
let logsBefore = 0;
beforeEach(() => {
  logsBefore = running.logs.length;
});
const errorLines = () => running.logs.slice(logsBefore).filter((line) => Number(line.level) >= 50);

const jsonPatch = "application/json-patch+json";

async function habitsNow() {
  return (await running.api.get("/api/v1/habits", { token })).body.items;
}

describe("a JSON Patch that grows the document (item 1)", () => {
  it("copying the root into a new member 20 times is a 400 problem; /health answers; the heap stays put", async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const attack = Array.from({ length: 20 }, (_, index) => ({ op: "copy", from: "", path: `/k${index}` }));
    const answer = await running.api.patch(`/api/v1/habits/${habitId}`, attack, { token, contentType: jsonPatch });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: "patch_into_itself" });
    expect(answer.body.detail).toContain("Operation 0");
    expect((await running.api.get("/health")).status).toBe(200);
    // Generous: the attack on an unbounded applier needs gigabytes (2^20 copies of the habit).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
    expect(errorLines()).toEqual([]);
  });

  it("growing it without the root (copies of a big member) stops at the body limit with a 413", async () => {
    const before = await habitsNow();
    const big = "x".repeat(40 * 1024);
    const patch = [
      { op: "replace", path: "/description", value: big },
      ...Array.from({ length: 19 }, (_, index) => ({ op: "copy", from: "/description", path: `/k${index}` })),
    ];
    const answer = await running.api.patch(`/api/v1/habits/${habitId}`, patch, { token, contentType: jsonPatch });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: "payload_too_large" });
    // 40 kB, 80 kB, then the second copy passes 100 kB.
    expect(answer.body.detail).toMatch(/^Operation 2: .*100 kB/);
    expect(await habitsNow()).toEqual(before);
    expect(errorLines()).toEqual([]);
  });

  it("moving a member into itself, or copying it there, is a 400 problem", async () => {
    for (const operation of [
      { op: "move", from: "", path: "/x" },
      { op: "copy", from: "/frequency", path: "/frequency/again" },
      { op: "move", from: "/reminders", path: "/reminders/0" },
    ]) {
      const answer = await running.api.patch(`/api/v1/habits/${habitId}`, [operation], {
        token,
        contentType: jsonPatch,
      });
      expect(answer.status, JSON.stringify(operation)).toBe(400);
      expect(answer.body.code).toBe("patch_into_itself");
    }
  });

  it("a patch deeper than 32 levels is a 400 problem before it is applied", async () => {
    let value: unknown = "leaf";
    for (let level = 0; level < 40; level += 1) value = { level: value };
    const answer = await running.api.patch(`/api/v1/habits/${habitId}`, [{ op: "add", path: "/deep", value }], {
      token,
      contentType: jsonPatch,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("nesting_too_deep");
  });

  it("a body of thousands of unknown fields gets a short answer: 50 fields named, the rest counted", async () => {
    const fields = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`f${index}`, index]));
    const answer = await running.api.post("/api/v1/habits", { name: "Many", ...fields }, { token });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.errors)).toHaveLength(50);
    expect(answer.body.detail).toContain("the first 50 fields of 5000");
    const unknownSorts = Array.from({ length: 1500 }, (_, index) => `n${index}`).join(",");
    const sorts = await running.api.get(`/api/v1/habits?sort=${unknownSorts}`, { token });
    expect(sorts.status).toBe(400);
    expect(sorts.body.errors.sort.split("; ")).toHaveLength(5);
  });

  it("more than 100 operations is a 400 problem", async () => {
    const tests = Array.from({ length: 101 }, () => ({ op: "test", path: "/name", value: "Read" }));
    const answer = await running.api.patch(`/api/v1/habits/${habitId}`, tests, { token, contentType: jsonPatch });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("validation_failed");
  });
});

describe("hostile input that used to be an unauthenticated 500 (item 9)", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "an unknown field named %s is a 400 naming it, in bodies and query strings",
    async (name) => {
      const raw = `{"username":"u","password":"p",${JSON.stringify(name)}:1}`;
      const login = await running.api.request("POST", "/api/v1/auth/login", { raw, contentType: "application/json" });
      expect(login.status).toBe(400);
      expect(login.body.code).toBe("validation_failed");
      expect(Object.hasOwn(login.body.errors, name)).toBe(true);
      expect(login.body.errors[name]).toBe("is not a known field");

      const create = await running.api.request("POST", "/api/v1/habits", {
        raw: `{"name":"Walk",${JSON.stringify(name)}:{"polluted":true}}`,
        contentType: "application/json",
        token,
      });
      expect(create.status).toBe(400);
      expect(create.body.errors[name]).toBe("is not a known field");

      const merge = await running.api.request("PATCH", `/api/v1/habits/${habitId}`, {
        raw: `{${JSON.stringify(name)}:{"polluted":true}}`,
        contentType: "application/merge-patch+json",
        token,
      });
      expect(merge.status).toBe(400);

      const list = await running.api.get(`/api/v1/habits?${name}=1`, { token });
      expect(list.status).toBe(400);
      expect(list.body.errors[name]).toBe("is not a known field");
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(errorLines()).toEqual([]);
    },
  );

  it("JSON Patch paths through __proto__ or constructor never touch a prototype", async () => {
    for (const path of ["/__proto__/polluted", "/constructor/prototype/polluted", "/name/constructor"]) {
      const answer = await running.api.patch(`/api/v1/habits/${habitId}`, [{ op: "add", path, value: true }], {
        token,
        contentType: jsonPatch,
      });
      expect(answer.status, path).toBe(422);
      expect(answer.body.code).toBe("patch_not_applicable");
    }
    const ownProto = await running.api.patch(
      `/api/v1/habits/${habitId}`,
      [{ op: "add", path: "/__proto__", value: { polluted: true } }],
      { token, contentType: jsonPatch },
    );
    expect(ownProto.status).toBe(400);
    expect(ownProto.body.errors).toEqual({ ["__proto__"]: "is not a known field" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorLines()).toEqual([]);
  });

  it.each(["%ZZ", "%", "a%E0%A4%A", "%ED%A0%80"])(
    "a bad percent-escape in a path parameter (%s) is a 400, with or without credentials",
    async (id) => {
      for (const options of [{}, { token }]) {
        const answer = await running.api.get(`/api/v1/habits/${id}`, options);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: "validation_failed", errors: { params: expect.any(String) } });
      }
      expect(errorLines()).toEqual([]);
    },
  );

  it("NUL in any text is a 400 naming the field, and nothing is stored", async () => {
    const before = await habitsNow();
    const create = await running.api.post("/api/v1/habits", { name: "Walk\u0000 the dog" }, { token });
    expect(create.status).toBe(400);
    expect(create.body.errors).toEqual({ name: "contains NUL (U+0000)" });
    const nested = await running.api.post(
      "/api/v1/habits",
      { name: "Walk", tags: ["ok", "x\u0000"], reminders: [{ time: "08:00\u0000" }] },
      { token },
    );
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toMatchObject({
      "tags.1": expect.stringContaining("NUL"),
      "reminders.0.time": expect.stringContaining("NUL"),
    });
    const login = await running.api.post("/api/v1/auth/login", { username: "a\u0000", password: "x" });
    expect(login.status).toBe(400);
    const query = await running.api.get("/api/v1/habits?q=a%00b", { token });
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual({ q: "contains NUL (U+0000)" });
    const param = await running.api.get("/api/v1/habits/a%00b", { token });
    expect(param.status).toBe(400);
    expect(param.body.errors).toEqual({ id: "contains NUL (U+0000)" });
    expect(await habitsNow()).toEqual(before);
    expect(errorLines()).toEqual([]);
  });

  it("an unpaired surrogate in any text is a 400 naming the field", async () => {
    const before = await habitsNow();
    for (const raw of ['{"name":"a\\ud800b"}', '{"name":"\\udc00"}', '{"name":"ok","description":"x\\ud83d"}']) {
      const answer = await running.api.request("POST", "/api/v1/habits", {
        raw,
        contentType: "application/json",
        token,
      });
      expect(answer.status, raw).toBe(400);
      expect(Object.values(answer.body.errors)).toEqual([expect.stringContaining("unpaired surrogate")]);
    }
    const login = await running.api.request("POST", "/api/v1/auth/login", {
      raw: '{"username":"\\ud800","password":"x"}',
      contentType: "application/json",
    });
    expect(login.status).toBe(400);
    // A pair is one character, and welcome.
    const emoji = await running.api.post("/api/v1/habits", { name: "Run 🏃" }, { token });
    expect(emoji.status).toBe(201);
    expect(await habitsNow()).toHaveLength(before.length + 1);
    expect(errorLines()).toEqual([]);
  });

  it("a body that is not UTF-8 is a 400, not text with replacement characters", async () => {
    const before = await habitsNow();
    for (const bytes of [[0xff, 0xfe], [0xc3], [0xed, 0xa0, 0x80]]) {
      const body = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from(bytes), Buffer.from('b"}')]);
      const response = await fetch(`${running.baseUrl}/api/v1/habits`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body,
      });
      expect(response.status, String(bytes)).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe("malformed_json");
    }
    expect(await habitsNow()).toHaveLength(before.length);
    expect(errorLines()).toEqual([]);
  });

  it("JSON nested 10,000 deep is a 400, on routes with and without credentials", async () => {
    const nested = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    // As a JSON Patch's value it used to reach the (recursive) applier: a stack overflow, a 500.
    const patch = await running.api.request("PATCH", `/api/v1/habits/${habitId}`, {
      raw: `[{"op":"add","path":"/x","value":${nested}}]`,
      contentType: jsonPatch,
      token,
    });
    expect(patch.status).toBe(400);
    expect(patch.body.code).toBe("nesting_too_deep");
    const deep = `{"name":${nested}}`;
    for (const [path, options] of [
      ["/api/v1/auth/login", {}],
      ["/api/v1/auth/register", {}],
      ["/api/v1/habits", { token, headers: { "Idempotency-Key": "deep-1" } }],
      ["/api/v1/completions/batch", { token }],
    ] as const) {
      const answer = await running.api.request("POST", path, {
        raw: deep,
        contentType: "application/json",
        ...options,
      });
      expect(answer.status, path).toBe(400);
      expect(answer.body.code).toBe("nesting_too_deep");
    }
    expect(errorLines()).toEqual([]);
  });

  it("a body marked gzip that is not is a 400; an unknown encoding a 415; real gzip is read", async () => {
    const notGzip = await running.api.request("POST", "/api/v1/auth/login", {
      raw: '{"username":"u","password":"p"}',
      contentType: "application/json",
      headers: { "Content-Encoding": "gzip" },
    });
    expect(notGzip.status).toBe(400);
    expect(notGzip.body.code).toBe("malformed_encoding");
    for (const encoding of ["deflate", "br"]) {
      const answer = await running.api.request("POST", "/api/v1/habits", {
        raw: "plain",
        contentType: "application/json",
        headers: { "Content-Encoding": encoding },
        token,
      });
      expect(answer.status, encoding).toBe(400);
      expect(answer.body.code).toBe("malformed_encoding");
    }
    const unknown = await running.api.request("POST", "/api/v1/habits", {
      raw: '{"name":"x"}',
      contentType: "application/json",
      headers: { "Content-Encoding": "compress" },
      token,
    });
    expect(unknown.status).toBe(415);
    expect(unknown.body.code).toBe("unsupported_media_type");
    expect(unknown.headers.get("accept-encoding")).toBe("gzip, deflate, br");

    const response = await fetch(`${running.baseUrl}/api/v1/habits`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Encoding": "gzip", Authorization: `Bearer ${token}` },
      body: gzipSync('{"name":"Zipped"}'),
    });
    expect(response.status).toBe(201);
    // The limit counts the body as decoded: a small gzip of 1 MB is too large, not a memory bomb.
    const bomb = await fetch(`${running.baseUrl}/api/v1/habits`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Encoding": "gzip", Authorization: `Bearer ${token}` },
      body: gzipSync(`{"name":"${" ".repeat(1024 * 1024)}"}`),
    });
    expect(bomb.status).toBe(413);
    expect(errorLines()).toEqual([]);
  });
});

describe("the bot's webhook route", () => {
  it("reads its body as every route does: a bad encoding is a 4xx problem, never a 500", async () => {
    const received: unknown[] = [];
    const withWebhook = await startApi({
      webhooks: [
        {
          path: "/telegram/webhook",
          handler: (request, response) => {
            received.push(request.body);
            response.status(200).end();
          },
        },
      ],
    });
    try {
      const post = (body: string | Buffer, headers: Record<string, string>) =>
        fetch(`${withWebhook.baseUrl}/telegram/webhook`, { method: "POST", headers, body });
      const notGzip = await post('{"update_id":1}', { "Content-Type": "application/json", "Content-Encoding": "gzip" });
      expect(notGzip.status).toBe(400);
      expect(await notGzip.json()).toMatchObject({ code: "malformed_encoding" });
      expect(
        (await post('{"update_id":1}', { "Content-Type": "application/json", "Content-Encoding": "xyz" })).status,
      ).toBe(415);
      expect(
        (await post(gzipSync('{"update_id":2}'), { "Content-Type": "application/json", "Content-Encoding": "gzip" }))
          .status,
      ).toBe(200);
      expect(received).toEqual([{ update_id: 2 }]);
      expect(withWebhook.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
    } finally {
      await withWebhook.close();
    }
  });
});
