import { connect } from "node:net";
import { Writable } from "node:stream";
import { createApp, listen } from "@habits/api";
import type { Core } from "@habits/core";
import { createLogger } from "@habits/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwtSecret } from "./support/api-harness.js";

const quietLogger = () =>
  createLogger({ level: "silent", pretty: false, destination: new Writable({ write: (_c, _e, done) => done() }) });

/** These endpoints never reach the core: any use of it fails the test. */
const unusedCore = new Proxy({} as Core, {
  get: (_target, name) => {
    throw new Error(`the operations endpoints used core.${String(name)}`);
  },
});

const appOver = (database: { ping(): Promise<void> }, options: { metricsToken?: string } = {}) =>
  createApp({
    logger: quietLogger(),
    database,
    core: unusedCore,
    jwt: { secret: jwtSecret },
    cors: { origins: [] },
    metrics: { token: options.metricsToken },
  });

/** A database whose ping the test settles by hand. */
function controllableDatabase() {
  const pending: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  return {
    pending,
    ping: () => new Promise<void>((resolve, reject) => pending.push({ resolve, reject })),
  };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

describe("the operations endpoints", () => {
  it("/ready answers 503 problem details when the database does not answer", async () => {
    const database = controllableDatabase();
    const server = await listen(appOver(database), { port: 0, host: "127.0.0.1" });
    try {
      const answer = fetch(`http://127.0.0.1:${server.port}/ready`);
      await until(() => database.pending.length === 1);
      database.pending[0]?.reject(new Error("connection refused"));
      const response = await answer;
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const body = await response.json();
      expect(body).toMatchObject({ status: 503, code: "not_ready" });
      expect(JSON.stringify(body)).not.toContain("connection refused");
    } finally {
      await server.close();
    }
  });

  it("an unknown route is a 404 problem with a request id header", async () => {
    const server = await listen(appOver({ ping: async () => {} }), {
      port: 0,
      host: "127.0.0.1",
    });
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/no-such-thing`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ status: 404, code: "not_found" });
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await server.close();
    }
  });
});

describe("graceful shutdown of the HTTP server", () => {
  it("finishes a request in flight, then refuses new connections", async () => {
    const database = controllableDatabase();
    const server = await listen(appOver(database), { port: 0, host: "127.0.0.1" });
    const inFlight = fetch(`http://127.0.0.1:${server.port}/ready`);
    await until(() => database.pending.length === 1);

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    for (let turn = 0; turn < 50; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);

    database.pending[0]?.resolve();
    expect((await inFlight).status).toBe(200);
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow();
  });
});

describe("/metrics with METRICS_TOKEN", () => {
  const metricsToken = "prometheus-scrape-7Hq2xLw9ZkR4";
  let server: Awaited<ReturnType<typeof listen>>;
  const metrics = (headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${server.port}/metrics`, { headers });
  beforeAll(async () => {
    server = await listen(appOver({ ping: async () => {} }, { metricsToken }), { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => server.close());

  it("answers the Prometheus text to Authorization: Bearer <token>", async () => {
    const response = await metrics({ authorization: `Bearer ${metricsToken}` });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("http_requests_total");
  });

  it("without Authorization: 401 credentials_required, and no metrics", async () => {
    const response = await metrics();
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="habits"');
    const body = await response.json();
    expect(body).toMatchObject({ status: 401, code: "credentials_required" });
    expect(JSON.stringify(body)).not.toContain("http_requests_total");
  });

  it.each([
    { label: "another token", authorization: "Bearer prometheus-scrape-7Hq2xLw9ZkR5" },
    { label: "the token's prefix", authorization: `Bearer ${metricsToken.slice(0, -1)}` },
    { label: "the token and more", authorization: `Bearer ${metricsToken}x` },
    { label: "the token as Basic", authorization: `Basic ${metricsToken}` },
    { label: "the token without a scheme", authorization: metricsToken },
    { label: "a user's JWT-like token", authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln" },
  ])("with $label: 401 invalid_token, and no metrics", async ({ authorization }) => {
    const response = await metrics({ authorization });
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body).toMatchObject({ status: 401, code: "invalid_token" });
    expect(JSON.stringify(body)).not.toContain(metricsToken);
  });

  it("guards /metrics only: /health and /ready stay open for probes", async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${server.port}/ready`)).status).toBe(200);
  });

  it("without METRICS_TOKEN /metrics stays open", async () => {
    const open = await listen(appOver({ ping: async () => {} }), { port: 0, host: "127.0.0.1" });
    try {
      const response = await fetch(`http://127.0.0.1:${open.port}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("http_requests_total");
    } finally {
      await open.close();
    }
  });
});

/** Sends raw bytes as one request and resolves with the answer's head, for headers fetch will not send. */
function rawRequest(port: number, head: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(head));
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString("latin1");
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(answer));
  });
}

const answeredRequestId = (answer: string) => /\r\nx-request-id: ([^\r\n]*)\r\n/i.exec(answer)?.[1];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("X-Request-Id from the client", () => {
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    server = await listen(appOver({ ping: async () => {} }), { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => server.close());

  const withId = (id: Buffer) =>
    rawRequest(
      server.port,
      Buffer.concat([
        Buffer.from("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Request-Id: "),
        id,
        Buffer.from("\r\n\r\n"),
      ]),
    );

  it("a bounded, printable id is kept and echoed", async () => {
    for (const id of ["trace-0001-abcdef", "svc.gateway:42_retry-3", "0123456789abcdef".repeat(8)]) {
      const answer = await withId(Buffer.from(id));
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(answeredRequestId(answer)).toBe(id);
    }
  });

  it.each([
    { label: "10 kB", id: Buffer.from("a".repeat(10_000)) },
    { label: "129 characters", id: Buffer.from("b".repeat(129)) },
    { label: "UTF-8 letters", id: Buffer.from("trace-идентификатор-1", "utf8") },
    { label: "an emoji", id: Buffer.from("trace-🙂-00000001", "utf8") },
    { label: "a percent-encoded CRLF and a header", id: Buffer.from("trace%0D%0ASet-Cookie:%20a=1") },
    { label: "spaces and a tab", id: Buffer.from("trace id\twith gaps") },
    { label: "HTML", id: Buffer.from("<script>alert(1)</script>") },
    { label: "a JSON fragment", id: Buffer.from('abc","level":60,"msg":"forged') },
  ])("$label: replaced by a new id", async ({ id }) => {
    const answer = await withId(id);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answeredRequestId(answer)).toMatch(uuidPattern);
  });

  it("a CR or LF inside the value never reaches the app: Node refuses the request, no header is injected", async () => {
    const answer = await withId(Buffer.from("trace-0001\rSet-Cookie: injected=1"));
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).not.toMatch(/set-cookie: injected/i);
  });

  it("two X-Request-Id headers (joined by Node with a comma) are replaced by a new id", async () => {
    const answer = await rawRequest(
      server.port,
      Buffer.from(
        "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" +
          "X-Request-Id: trace-0001-abcdef\r\nX-Request-Id: trace-0002-abcdef\r\n\r\n",
      ),
    );
    expect(answeredRequestId(answer)).toMatch(uuidPattern);
  });
});
