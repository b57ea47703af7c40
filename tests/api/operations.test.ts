import { Writable } from "node:stream";
import { createApp, listen } from "@habits/api";
import type { Core } from "@habits/core";
import { createLogger } from "@habits/runtime";
import { describe, expect, it } from "vitest";
import { jwtSecret } from "./support/api-harness.js";

const quietLogger = () =>
  createLogger({ level: "silent", pretty: false, destination: new Writable({ write: (_c, _e, done) => done() }) });

/** These endpoints never reach the core: any use of it fails the test. */
const unusedCore = new Proxy({} as Core, {
  get: (_target, name) => {
    throw new Error(`the operations endpoints used core.${String(name)}`);
  },
});

const appOver = (database: { ping(): Promise<void> }) =>
  createApp({ logger: quietLogger(), database, core: unusedCore, jwt: { secret: jwtSecret }, cors: { origins: [] } });

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
