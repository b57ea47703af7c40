// The auth routes through HTTP: register, login, refresh with rotation and reuse detection, logout,
// logout-all, and the login rate limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

const me = "/api/v1/users/me";
const day = 24 * 60 * 60 * 1000;

let running: RunningApi;
beforeAll(async () => {
  running = await startApi();
});
afterAll(async () => running.close());

const tokensShape = {
  accessToken: expect.any(String),
  refreshToken: expect.stringMatching(/^hrt_/),
  tokenType: "Bearer",
  expiresIn: 900,
};

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status, code });
}

describe("POST /auth/register", () => {
  const register = (body: Record<string, unknown>) => running.api.post("/api/v1/auth/register", body);
  const valid = {
    username: "carol",
    email: "carol@example.com",
    password: "carol's password",
    confirmPassword: "carol's password",
  };

  it("creates the account: 201, Location, tokens and the user, never a hash or the password", async () => {
    const answer = await register({ ...valid, name: "Carol" });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("location")).toBe("/api/v1/users/me");
    expect(answer.body).toEqual({
      ...tokensShape,
      user: expect.objectContaining({
        username: "carol",
        email: "carol@example.com",
        name: "Carol",
        telegram: null,
        language: "en",
        timezone: "UTC",
        hasPassword: true,
      }),
    });
    expect(answer.text).not.toContain(valid.password);
    expect(answer.text).not.toMatch(/hash/i);
    expect((await running.api.get(me, { token: answer.body.accessToken })).body.id).toBe(answer.body.user.id);
  });

  it("a taken username (in any case) is 409 username_taken; a taken email is 409 email_taken", async () => {
    await registerAccount(running.api, { username: "dave", email: "dave@example.com" });
    expectProblem(await register({ ...valid, username: "DAVE", email: "dave2@example.com" }), 409, "username_taken");
    expectProblem(await register({ ...valid, username: "dave2", email: "Dave@Example.com" }), 409, "email_taken");
  });

  it("a confirmation that differs is 400 on confirmPassword", async () => {
    const answer = await register({ ...valid, username: "erin", email: "erin@example.com", confirmPassword: "other" });
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toEqual({ confirmPassword: "does not match password" });
  });

  it("the core's rules come back as field messages", async () => {
    const answer = await register({ username: "al", email: "al@", password: "short", confirmPassword: "short" });
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toEqual({
      username: "must be at least 3 characters",
      email: "has an invalid format",
      password: "must be at least 8 characters",
    });
  });

  it("missing fields and unknown ones are named", async () => {
    const answer = await register({ username: "frank", role: "admin" });
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toEqual({
      email: "is required",
      password: "is required",
      confirmPassword: "is required",
      role: "is not a known field",
    });
  });
});

describe("POST /auth/login", () => {
  const loginPath = "/api/v1/auth/login";
  let account: Awaited<ReturnType<typeof registerAccount>>;
  beforeAll(async () => {
    account = await registerAccount(running.api, { username: "grace", email: "grace@example.com" });
  });

  it.each([
    { username: "grace" },
    { username: "GRACE" },
    { email: "grace@example.com" },
    { email: " Grace@Example.com " },
  ])("with %o and the password opens a new session", async (login) => {
    const answer = await running.api.post(loginPath, { ...login, password: account.password });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ...tokensShape, user: expect.objectContaining({ id: account.user.id }) });
    expect(answer.body.refreshToken).not.toBe(account.refreshToken);
  });

  it("an unknown account and a wrong password answer alike", async () => {
    const wrongPassword = await running.api.post(loginPath, { username: "grace", password: "not the password" });
    const unknownUser = await running.api.post(loginPath, { username: "nobody", password: account.password });
    const unknownEmail = await running.api.post(loginPath, { email: "nobody@example.com", password: account.password });
    expectProblem(wrongPassword, 401, "invalid_credentials");
    expect(unknownUser.body).toEqual(wrongPassword.body);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(unknownUser.headers.get("www-authenticate")).toBe(wrongPassword.headers.get("www-authenticate"));
  });

  it("both a username and an email, or neither, is 400", async () => {
    const both = await running.api.post(loginPath, { username: "grace", email: "grace@example.com", password: "x" });
    expectProblem(both, 400, "validation_failed");
    expect(both.body.errors).toEqual({ username: "give a username or an email, not both" });
    expectProblem(await running.api.post(loginPath, { password: "x" }), 400, "validation_failed");
  });
});

describe("POST /auth/refresh", () => {
  const refresh = (refreshToken: string) => running.api.post("/api/v1/auth/refresh", { refreshToken });

  it("rotates: new tokens for the same session, and the new access token works", async () => {
    const session = await registerAccount(running.api);
    const answer = await refresh(session.refreshToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(tokensShape);
    expect(answer.body.refreshToken).not.toBe(session.refreshToken);
    expect((await running.api.get(me, { token: answer.body.accessToken })).status).toBe(200);
    // The first access token belongs to the same session: it lives on until it expires.
    expect((await running.api.get(me, { token: session.accessToken })).status).toBe(200);
  });

  it("a spent refresh token presented again revokes the whole family", async () => {
    const session = await registerAccount(running.api);
    const other = (
      await running.api.post("/api/v1/auth/login", { username: session.user.username, password: session.password })
    ).body;
    const next = (await refresh(session.refreshToken)).body;

    const reuse = await refresh(session.refreshToken);
    expectProblem(reuse, 401, "token_reused");
    expect(reuse.headers.get("www-authenticate")).toMatch(/^Bearer/);

    expectProblem(await refresh(next.refreshToken), 401, "session_revoked");
    expectProblem(await running.api.get(me, { token: next.accessToken }), 401, "session_revoked");
    expectProblem(await running.api.get(me, { token: session.accessToken }), 401, "session_revoked");
    // Another login of the same user is another family: it goes on.
    expect((await running.api.get(me, { token: other.accessToken })).status).toBe(200);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it("an unknown token is invalid_token; one past 7 days is token_expired", async () => {
    expectProblem(await refresh(`hrt_${"A".repeat(43)}`), 401, "invalid_token");
    expectProblem(await refresh("eyJhbGciOiJIUzI1NiJ9.e30.x"), 401, "invalid_token");
    const session = await registerAccount(running.api);
    const now = running.clock.now();
    try {
      running.clock.set(new Date(now.getTime() + 7 * day).toISOString());
      expectProblem(await refresh(session.refreshToken), 401, "token_expired");
    } finally {
      running.clock.set(now.toISOString());
    }
  });

  it("takes the refresh token in the body only", async () => {
    const answer = await running.api.post("/api/v1/auth/refresh", {});
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toEqual({ refreshToken: "is required" });
  });
});

describe("POST /auth/logout and /auth/logout-all", () => {
  it("logout ends the session: 204, its access and refresh tokens stop working", async () => {
    const session = await registerAccount(running.api);
    const answer = await running.api.post("/api/v1/auth/logout", { refreshToken: session.refreshToken });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expectProblem(await running.api.get(me, { token: session.accessToken }), 401, "session_revoked");
    expectProblem(
      await running.api.post("/api/v1/auth/refresh", { refreshToken: session.refreshToken }),
      401,
      "session_revoked",
    );
  });

  it("logout with an unknown token is invalid_token", async () => {
    expectProblem(await running.api.post("/api/v1/auth/logout", { refreshToken: "hrt_nope" }), 401, "invalid_token");
  });

  it("logout-all ends every session of the user and no one else's", async () => {
    const first = await registerAccount(running.api);
    const second = (
      await running.api.post("/api/v1/auth/login", { username: first.user.username, password: first.password })
    ).body;
    const stranger = await registerAccount(running.api);

    const answer = await running.api.post("/api/v1/auth/logout-all", undefined, { token: second.accessToken });
    expect(answer.status).toBe(204);

    for (const token of [first.accessToken, second.accessToken]) {
      expectProblem(await running.api.get(me, { token }), 401, "session_revoked");
    }
    expectProblem(
      await running.api.post("/api/v1/auth/refresh", { refreshToken: first.refreshToken }),
      401,
      "session_revoked",
    );
    expect((await running.api.get(me, { token: stranger.accessToken })).status).toBe(200);
  });

  it("logout-all needs credentials and takes no body", async () => {
    expectProblem(await running.api.post("/api/v1/auth/logout-all"), 401, "credentials_required");
    const session = await registerAccount(running.api);
    const answer = await running.api.post(
      "/api/v1/auth/logout-all",
      { everything: true },
      { token: session.accessToken },
    );
    expectProblem(answer, 400, "validation_failed");
    expect((await running.api.get(me, { token: session.accessToken })).status).toBe(200);
  });
});

describe("rate limits", () => {
  /** An app of its own per test: the counters live in the app. */
  async function withLimits(
    rateLimits: NonNullable<Parameters<typeof startApi>[0]>["rateLimits"],
    test: (api: RunningApi["api"]) => Promise<void>,
  ) {
    const limited = await startApi({ rateLimits });
    try {
      await test(limited.api);
    } finally {
      await limited.close();
    }
  }
  const login = (api: RunningApi["api"], username: string, password: string) =>
    api.post("/api/v1/auth/login", { username, password });
  const perAccount = { loginFailuresPerAccountAddress: { limit: 3, windowMs: 60_000 } };

  it("after 3 failed logins for one account from one address, that address waits even with the right password: 429 with Retry-After", async () => {
    await withLimits(perAccount, async (api) => {
      const account = await registerAccount(api, { username: "heidi", email: "heidi@example.com" });
      for (let attempt = 1; attempt <= 3; attempt++) {
        expectProblem(await login(api, "heidi", "wrong password"), 401, "invalid_credentials");
      }
      const refused = await login(api, "HEIDI", account.password);
      expectProblem(refused, 429, "rate_limited");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      // The count is per login name when no account has it: an unknown name waits alike, nothing is revealed.
      expectProblem(await login(api, "heidi", "wrong password"), 429, "rate_limited");
      for (let attempt = 0; attempt < 3; attempt++) await login(api, "nobody-at-all", "wrong password");
      expectProblem(await login(api, "nobody-at-all", "wrong password"), 429, "rate_limited");
    });
  });

  it("successful logins do not count against the account", async () => {
    await withLimits(perAccount, async (api) => {
      const account = await registerAccount(api, { username: "ivan", email: "ivan@example.com" });
      for (let attempt = 0; attempt < 5; attempt++)
        expect((await login(api, "ivan", account.password)).status).toBe(200);
    });
  });

  it("one address gets its login attempts across all accounts, then 429", async () => {
    await withLimits({ loginPerIp: { limit: 5, windowMs: 60_000 } }, async (api) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await login(api, `stranger${attempt}`, "whatever1")).status).toBe(401);
      }
      const refused = await login(api, "stranger5", "whatever1");
      expectProblem(refused, 429, "rate_limited");
      expect(refused.headers.get("ratelimit-limit")).toBe("5");
    });
  });

  it("behind a trusted proxy, addresses come from X-Forwarded-For and are counted apart", async () => {
    const limited = await startApi({ trustProxy: 1, rateLimits: { loginPerIp: { limit: 2, windowMs: 60_000 } } });
    try {
      const from = (address: string) => ({ headers: { "x-forwarded-for": address } });
      const attempt = (address: string) =>
        limited.api.post("/api/v1/auth/login", { username: "nobody", password: "whatever1" }, from(address));
      expect((await attempt("203.0.113.7")).status).toBe(401);
      expect((await attempt("203.0.113.7")).status).toBe(401);
      expectProblem(await attempt("203.0.113.7"), 429, "rate_limited");
      expect((await attempt("198.51.100.20")).status).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it("one address gets its registrations, then 429", async () => {
    await withLimits({ registerPerIp: { limit: 2, windowMs: 60_000 } }, async (api) => {
      await registerAccount(api);
      await registerAccount(api);
      const refused = await api.post("/api/v1/auth/register", {
        username: "judy",
        email: "judy@example.com",
        password: "judy's password",
        confirmPassword: "judy's password",
      });
      expectProblem(refused, 429, "rate_limited");
    });
  });
});
