// What every endpoint shares: security headers, CORS, JSON bodies (limit, media type, syntax),
// validation problems, 404 and 500 problems with request ids, and the metrics.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApi, startApi } from "./support/api-harness.js";

const login = "/api/v1/auth/login";

describe("HTTP conventions", () => {
  let running: RunningApi;
  beforeAll(async () => {
    running = await startApi({ cors: { origins: ["https://app.example.com"] } });
  });
  afterAll(async () => running.close());

  it("answers with helmet's security headers and no X-Powered-By", async () => {
    const answer = await running.api.get("/health");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect(answer.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(answer.headers.get("x-powered-by")).toBeNull();
  });

  it("allows a configured origin and exposes Location and the request id to it", async () => {
    const answer = await running.api.get("/health", { headers: { origin: "https://app.example.com" } });
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(answer.headers.get("access-control-expose-headers")).toMatch(/Location/);
    expect(answer.headers.get("access-control-expose-headers")).toMatch(/X-Request-Id/);
  });

  it("gives another origin no CORS header, so its browser refuses the answer", async () => {
    const answer = await running.api.get("/health", { headers: { origin: "https://evil.example.com" } });
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a body over 100 kB is a 413 problem", async () => {
    const answer = await running.api.post(login, { username: "alice", password: "x".repeat(101 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("a body just under 100 kB is read", async () => {
    const answer = await running.api.post(login, { username: "alice", password: "x".repeat(99 * 1024) });
    expect(answer.status).toBe(401);
  });

  it.each([
    { contentType: "text/plain", raw: '{"username":"alice","password":"secret"}' },
    { contentType: "application/x-www-form-urlencoded", raw: "username=alice&password=secret" },
    { contentType: "application/xml", raw: "<login/>" },
  ])("a $contentType body is a 415 problem", async ({ contentType, raw }) => {
    const answer = await running.api.request("POST", login, { raw, contentType });
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ status: 415, code: "unsupported_media_type" });
  });

  it("a JSON type the route does not take (JSON Patch on login) is a 415 problem", async () => {
    const answer = await running.api.post(login, [], { contentType: "application/json-patch+json" });
    expect(answer.status).toBe(415);
    expect(answer.body.code).toBe("unsupported_media_type");
  });

  it.each(['{"username": "alice",', "{'username': 'alice'}", "not json", '"a string"'])(
    "malformed JSON (%s) is a 400 problem that does not echo the parser",
    async (raw) => {
      const answer = await running.api.request("POST", login, { raw, contentType: "application/json" });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, code: "malformed_json", title: "Malformed JSON" });
      expect(answer.text).not.toMatch(/Unexpected token|SyntaxError|at JSON\.parse/);
    },
  );

  it("a validation failure maps each field to a message, unknown fields included", async () => {
    const answer = await running.api.post(login, { username: 42, admin: true });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      type: "https://habits.dev/problems/validation-failed",
      status: 400,
      code: "validation_failed",
      errors: {
        username: expect.stringMatching(/string/),
        password: "is required",
        admin: "is not a known field",
      },
    });
  });

  it("a body that is not an object is a validation failure of the body", async () => {
    const answer = await running.api.post(login, [1, 2]);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual({ body: expect.any(String) });
  });

  it.each([
    ["GET", "/api/v1/no-such-thing"],
    ["GET", "/api/v2/users/me"],
    ["DELETE", "/api/v1/auth/login"],
    ["GET", "/"],
  ])("%s %s is a 404 problem naming the route", async (method, path) => {
    const answer = await running.api.request(method, path);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: 404, code: "not_found", detail: `No route for ${method} ${path}` });
  });

  it("counts requests by route pattern, method and status in the Prometheus text, with process metrics", async () => {
    await running.api.get("/api/v1/users/me/api-keys/some-id");
    await running.api.get("/api/v1/users/me/api-keys/another-id");
    await running.api.get("/api/v1/nowhere/at/all");
    const answer = await running.api.get("/metrics");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(answer.text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/users\/me\/api-keys\/\{id\}",status_code="401"\} 2/,
    );
    expect(answer.text).toMatch(/http_requests_total\{method="GET",route="unmatched",status_code="404"\} \d+/);
    expect(answer.text).toMatch(/http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/health"/);
    expect(answer.text).toMatch(/process_cpu_user_seconds_total/);
    expect(answer.text).toMatch(/nodejs_eventloop_lag_seconds/);
    expect(answer.text).not.toMatch(/some-id|another-id|nowhere/);
  });
});

describe("CORS without configuration", () => {
  let running: RunningApi;
  beforeAll(async () => {
    running = await startApi();
  });
  afterAll(async () => running.close());

  it("is closed: no origin is allowed, and a preflight finds nothing", async () => {
    const simple = await running.api.get("/health", { headers: { origin: "https://app.example.com" } });
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
    // Not through the checked client: OPTIONS is Express's own answer, not an API operation.
    const preflight = await fetch(`${running.baseUrl}/api/v1/auth/login`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
  });
});

describe("an unexpected error", () => {
  let running: RunningApi;
  beforeAll(async () => {
    running = await startApi({
      wrapCore: (core) => ({
        ...core,
        access: {
          ...core.access,
          authenticateApiKey: async () => {
            throw new Error('SQLITE_ERROR: no such column "key_hash" in SELECT * FROM ApiKey WHERE secret=1');
          },
        },
      }),
    });
  });
  afterAll(async () => running.close());

  it("is a 500 problem with only the request id; the log has the error under the same id", async () => {
    const answer = await running.api.get("/api/v1/users/me", {
      apiKey: "hab_whatever",
      headers: { "x-request-id": "trace-0001-abcdef" },
    });
    expect(answer.status).toBe(500);
    expect(answer.headers.get("x-request-id")).toBe("trace-0001-abcdef");
    expect(answer.body).toEqual({
      type: "https://habits.dev/problems/internal-error",
      status: 500,
      code: "internal_error",
      title: "Internal server error",
      detail: "Something went wrong on our side. Quote the request id when reporting it.",
      requestId: "trace-0001-abcdef",
    });
    expect(answer.text).not.toMatch(/SQLITE|SELECT|key_hash|at .*\.ts/);
    const logged = running.logs.find((line) => line.msg === "unhandled error");
    expect(logged).toMatchObject({
      reqId: "trace-0001-abcdef",
      err: { message: expect.stringMatching(/SQLITE_ERROR/) },
    });
    const completed = running.logs.filter((line) => line.reqId === "trace-0001-abcdef").map((line) => line.msg);
    expect(completed).toEqual(["unhandled error", "request errored"]);
  });

  it("a request without an id of its own gets a fresh one, in the header and the answer", async () => {
    const answer = await running.api.get("/api/v1/users/me", { apiKey: "hab_whatever" });
    expect(answer.status).toBe(500);
    expect(answer.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get("x-request-id")).toBe(answer.body.requestId);
  });
});

describe("a GET with a body", () => {
  let running: RunningApi;
  beforeAll(async () => {
    running = await startApi();
  });
  afterAll(async () => running.close());

  it("is answered as if it had none: the body is not read", async () => {
    // fetch refuses to send a GET with a body; node:http does not.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        `${running.baseUrl}/api/v1/users/me`,
        { method: "GET", headers: { "content-type": "application/json", "content-length": "9" } },
        (response) => {
          let body = "";
          response.on("data", (chunk) => {
            body += chunk;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on("error", reject);
      request.end("{not json");
    });
    expect(status).toBe(401);
    expect(JSON.parse(body)).toMatchObject({ code: "credentials_required" });
  });
});
