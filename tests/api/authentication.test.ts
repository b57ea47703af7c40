// Who may call a protected route: a live access token or a live API key, and nothing else. The
// matrix runs against GET /users/me; every protected route shares the same middleware.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwtSecret, type RunningApi, registerAccount, startApi } from "./support/api-harness.js";
import { decodeJwt, forgeJwt, withPayload } from "./support/forged-tokens.js";

const me = "/api/v1/users/me";
const start = "2026-03-10T12:00:00Z";

let running: RunningApi;
beforeAll(async () => {
  running = await startApi({ now: start });
});
afterAll(async () => running.close());

function expectRefused(answer: { status: number; headers: Headers; body: { code: string } }, code: string) {
  expect(answer.status).toBe(401);
  expect(answer.body.code).toBe(code);
  expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer realm="habits"/);
}

describe("a bearer access token", () => {
  it("is an HS256 JWT from iss habits for aud habits-api, 15 minutes, naming the user and the session", async () => {
    const { accessToken, user } = await registerAccount(running.api);
    const { header, payload } = decodeJwt(accessToken);
    expect(header).toMatchObject({ alg: "HS256", typ: "JWT" });
    expect(payload).toMatchObject({
      sub: user.id,
      sid: expect.any(String),
      typ: "access",
      iss: "habits",
      aud: "habits-api",
    });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(15 * 60);
    expect(payload.iat).toBe(new Date(start).getTime() / 1000);
  });

  it("opens /users/me", async () => {
    const { accessToken, user } = await registerAccount(running.api);
    const answer = await running.api.get(me, { token: accessToken });
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(user.id);
  });

  it("still works a second before 15 minutes and is token_expired at 15 minutes", async () => {
    const { accessToken } = await registerAccount(running.api);
    try {
      running.clock.set("2026-03-10T12:14:59Z");
      expect((await running.api.get(me, { token: accessToken })).status).toBe(200);
      running.clock.set("2026-03-10T12:15:00Z");
      expectRefused(await running.api.get(me, { token: accessToken }), "token_expired");
    } finally {
      running.clock.set(start);
    }
  });
});

describe("refused credentials", () => {
  let accessToken: string;
  let refreshToken: string;
  let claims: Record<string, unknown>;
  beforeAll(async () => {
    ({ accessToken, refreshToken } = await registerAccount(running.api));
    claims = decodeJwt(accessToken).payload;
  });

  it("none at all: credentials_required, with the bare Bearer challenge", async () => {
    const answer = await running.api.get(me);
    expectRefused(answer, "credentials_required");
    expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="habits"');
  });

  it.each(["Basic dXNlcjpwYXNz", "Bearer", "Bearer  ", "bearer a b", "Token abc"])(
    "a malformed Authorization header (%s) is invalid_token",
    async (authorization) => {
      expectRefused(await running.api.get(me, { headers: { authorization } }), "invalid_token");
    },
  );

  it("a tampered payload (another user) is invalid_token", async () => {
    const tampered = withPayload(accessToken, { ...claims, sub: "someone-else" });
    const answer = await running.api.get(me, { token: tampered });
    expectRefused(answer, "invalid_token");
    expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="habits", error="invalid_token"');
  });

  it("a tampered signature is invalid_token", async () => {
    const last = accessToken.at(-2) === "A" ? "B" : "A";
    expectRefused(
      await running.api.get(me, { token: `${accessToken.slice(0, -2)}${last}${accessToken.at(-1)}` }),
      "invalid_token",
    );
  });

  it("alg none is invalid_token", async () => {
    expectRefused(await running.api.get(me, { token: forgeJwt(claims, { alg: "none" }) }), "invalid_token");
  });

  it("another HMAC algorithm with the right secret is invalid_token: HS256 is pinned", async () => {
    expectRefused(
      await running.api.get(me, { token: forgeJwt(claims, { alg: "HS512", secret: jwtSecret }) }),
      "invalid_token",
    );
  });

  it("HS256 with another secret is invalid_token", async () => {
    const token = forgeJwt(claims, { alg: "HS256", secret: "another-secret-that-is-at-least-32-characters" });
    expectRefused(await running.api.get(me, { token }), "invalid_token");
  });

  it.each([
    { name: "another issuer", change: { iss: "someone" } },
    { name: "another audience", change: { aud: "other-api" } },
    { name: "another token type", change: { typ: "refresh" } },
    { name: "no session", change: { sid: undefined } },
  ])("a correctly signed token with $name is invalid_token", async ({ change }) => {
    const token = forgeJwt({ ...claims, ...change }, { alg: "HS256", secret: jwtSecret });
    expectRefused(await running.api.get(me, { token }), "invalid_token");
  });

  it.each([
    { name: "no exp", change: { exp: undefined } },
    { name: "no iat", change: { iat: undefined } },
    { name: "neither exp nor iat", change: { exp: undefined, iat: undefined } },
  ])("a token signed with our secret but with $name is invalid_token: it would never expire", async ({ change }) => {
    const token = forgeJwt({ ...claims, ...change }, { alg: "HS256", secret: jwtSecret });
    expectRefused(await running.api.get(me, { token }), "invalid_token");
  });

  it("a token signed with our secret and a far exp still ends 15 minutes after its iat", async () => {
    const token = forgeJwt(
      { ...claims, exp: Number(claims.iat) + 365 * 24 * 3600 },
      { alg: "HS256", secret: jwtSecret },
    );
    try {
      running.clock.set("2026-03-10T12:14:59Z");
      expect((await running.api.get(me, { token })).status).toBe(200);
      running.clock.set("2026-03-10T12:15:00Z");
      expectRefused(await running.api.get(me, { token }), "token_expired");
    } finally {
      running.clock.set(start);
    }
  });

  it("a correctly signed token past its exp is token_expired", async () => {
    const token = forgeJwt({ ...claims, exp: Number(claims.iat) - 1 }, { alg: "HS256", secret: jwtSecret });
    expectRefused(await running.api.get(me, { token }), "token_expired");
  });

  it("a refresh token used as an access token is invalid_token: it is not a JWT", async () => {
    expect(refreshToken).toMatch(/^hrt_/);
    expectRefused(await running.api.get(me, { token: refreshToken }), "invalid_token");
  });

  it("an access token after its session logged out is session_revoked, at once", async () => {
    const session = await registerAccount(running.api);
    expect((await running.api.get(me, { token: session.accessToken })).status).toBe(200);
    expect((await running.api.post("/api/v1/auth/logout", { refreshToken: session.refreshToken })).status).toBe(204);
    expectRefused(await running.api.get(me, { token: session.accessToken }), "session_revoked");
  });

  it("an unknown or malformed API key is invalid_api_key", async () => {
    expectRefused(await running.api.get(me, { apiKey: `hab_${"x".repeat(43)}` }), "invalid_api_key");
    expectRefused(await running.api.get(me, { apiKey: "not a key" }), "invalid_api_key");
  });
});

describe("an API key", () => {
  it("opens /users/me as X-API-Key until it is revoked", async () => {
    const { accessToken, user, password } = await registerAccount(running.api);
    const made = await running.api.post(
      "/api/v1/users/me/api-keys",
      { name: "script", currentPassword: password },
      { token: accessToken },
    );
    expect(made.status).toBe(201);

    const answer = await running.api.get(me, { apiKey: made.body.key });
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(user.id);

    expect((await running.api.delete(`/api/v1/users/me/api-keys/${made.body.id}`, { token: accessToken })).status).toBe(
      204,
    );
    expectRefused(await running.api.get(me, { apiKey: made.body.key }), "invalid_api_key");
  });
});
