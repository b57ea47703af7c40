// The signed-in user through HTTP: profile (merge patch), password change (other sessions end),
// account deletion, API keys.
import { accessLimits } from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, ApiClient } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";
import { loginWithTelegramCode } from "./support/telegram-accounts.js";

const me = "/api/v1/users/me";
const keys = "/api/v1/users/me/api-keys";

let running: RunningApi;
let api: ApiClient;
beforeAll(async () => {
  running = await startApi();
  api = running.api;
});
afterAll(async () => running.close());

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ status, code });
}

/** The password registerAccount gives an account: the proof for its account changes. */
const defaultPassword = "correct horse battery";

const loginAs = async (username: string, password: string) => api.post("/api/v1/auth/login", { username, password });

describe("GET /users/me", () => {
  it("is the user in the API's shape", async () => {
    const { accessToken, user } = await registerAccount(api, {
      username: "kim",
      email: "kim@example.com",
      name: "Kim",
    });
    const answer = await api.get(me, { token: accessToken });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: user.id,
      username: "kim",
      email: "kim@example.com",
      name: "Kim",
      telegram: null,
      language: "en",
      timezone: "UTC",
      rewardOdds: { noRewardWeight: 10, minNoRewardChance: 0.1, guaranteeLastHabit: true },
      reminders: { enabled: true, quietHours: null, summary: { mode: "off", time: "21:00" } },
      hasPassword: true,
      // The store stamps accounts with the database's time, not the test's clock.
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    });
  });

  it("shows a Telegram account's link", async () => {
    const { user } = await running.core.users.fromTelegram({ id: 777, username: "tg_kim", firstName: "Kim" });
    const made = await running.core.access.createApiKey(user.id, "from the bot");
    if (!made.ok) throw new Error(made.reason);
    const answer = await api.get(me, { apiKey: made.value.key });
    expect(answer.body).toMatchObject({
      telegram: { id: 777, username: "tg_kim" },
      username: null,
      hasPassword: false,
    });
  });
});

describe("PATCH /users/me", () => {
  it("merges the fields given and keeps the rest; null clears the name", async () => {
    const { accessToken } = await registerAccount(api, { name: "Lee" });
    const answer = await api.patch(
      me,
      { timezone: "europe/berlin", language: "ru", rewardOdds: { minNoRewardChance: 0.25 } },
      { token: accessToken },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      timezone: "Europe/Berlin",
      language: "ru",
      name: "Lee",
      rewardOdds: { noRewardWeight: 10, minNoRewardChance: 0.25, guaranteeLastHabit: true },
    });
    const cleared = await api.patch(
      me,
      { name: null },
      { token: accessToken, contentType: "application/merge-patch+json" },
    );
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ name: null, timezone: "Europe/Berlin" });
    expect((await api.get(me, { token: accessToken })).body).toEqual(cleared.body);
  });

  it("sets reminder settings: quiet hours and the summary", async () => {
    const { accessToken } = await registerAccount(api);
    const answer = await api.patch(
      me,
      { reminders: { quietHours: { start: "22:00", end: "07:00" }, summary: { mode: "daily" } } },
      { token: accessToken },
    );
    expect(answer.body.reminders).toEqual({
      enabled: true,
      quietHours: { start: "22:00", end: "07:00" },
      summary: { mode: "daily", time: "21:00" },
    });
  });

  it("the core's refusals are field messages, and nothing changes", async () => {
    const { accessToken } = await registerAccount(api);
    const answer = await api.patch(
      me,
      { timezone: "Mars/Olympus", rewardOdds: { minNoRewardChance: 0.01 } },
      { token: accessToken },
    );
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toEqual({
      timezone: "is not an accepted value",
      "rewardOdds.minNoRewardChance": "is too small (limit 0.1)",
    });
    expect((await api.get(me, { token: accessToken })).body.timezone).toBe("UTC");
  });

  it("an unknown field, or one of the wrong type, is 400 by its path", async () => {
    const { accessToken } = await registerAccount(api);
    const answer = await api.patch(me, { hasPassword: false, reminders: { enabled: "yes" } }, { token: accessToken });
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toEqual({
      hasPassword: "is not a known field",
      "reminders.enabled": expect.stringMatching(/boolean/),
    });
  });

  it("another account's username is 409 username_taken", async () => {
    await registerAccount(api, { username: "mallory" });
    const { accessToken } = await registerAccount(api);
    expectProblem(
      await api.patch(me, { username: "Mallory", currentPassword: defaultPassword }, { token: accessToken }),
      409,
      "username_taken",
    );
  });

  it("a JSON Patch is not taken here: 415", async () => {
    const { accessToken } = await registerAccount(api);
    const answer = await api.patch(me, [{ op: "replace", path: "/name", value: "X" }], {
      token: accessToken,
      contentType: "application/json-patch+json",
    });
    expectProblem(answer, 415, "unsupported_media_type");
  });
});

describe("PUT /users/me/password", () => {
  const password = "/api/v1/users/me/password";

  it("sets the new password and ends every other session; this one goes on", async () => {
    const phone = await registerAccount(api, { username: "nina" });
    const laptop = (await loginAs("nina", phone.password)).body;

    const answer = await api.put(
      password,
      { currentPassword: phone.password, newPassword: "a brand new password" },
      { token: laptop.accessToken },
    );
    expect(answer.status).toBe(204);

    expect((await api.get(me, { token: laptop.accessToken })).status).toBe(200);
    expect((await api.post("/api/v1/auth/refresh", { refreshToken: laptop.refreshToken })).status).toBe(200);
    expectProblem(await api.get(me, { token: phone.accessToken }), 401, "session_revoked");
    expectProblem(await api.post("/api/v1/auth/refresh", { refreshToken: phone.refreshToken }), 401, "session_revoked");
    expectProblem(await loginAs("nina", phone.password), 401, "invalid_credentials");
    expect((await loginAs("nina", "a brand new password")).status).toBe(200);
  });

  it("an API key may not change it, even with the password: 403 insufficient_scope, and nothing changes", async () => {
    const session = await registerAccount(api, { username: "oscar" });
    const made = (
      await api.post(keys, { currentPassword: defaultPassword, name: "cli" }, { token: session.accessToken })
    ).body;
    const answer = await api.put(
      password,
      { currentPassword: session.password, newPassword: "another new password" },
      { apiKey: made.key },
    );
    expectProblem(answer, 403, "insufficient_scope");
    expect((await api.get(me, { token: session.accessToken })).status).toBe(200);
    expect((await loginAs("oscar", session.password)).status).toBe(200);
  });

  it("a wrong current password is 422 wrong_password, a missing one 403; no session ends", async () => {
    const session = await registerAccount(api);
    const other = (await loginAs(session.user.username, session.password)).body;
    expectProblem(
      await api.put(
        password,
        { currentPassword: "not it", newPassword: "whatever it is" },
        { token: session.accessToken },
      ),
      422,
      "wrong_password",
    );
    expectProblem(
      await api.put(password, { newPassword: "whatever it is" }, { token: session.accessToken }),
      403,
      "reauthentication_required",
    );
    expect((await api.get(me, { token: other.accessToken })).status).toBe(200);
  });

  it("a new password that is too short is 400 on newPassword", async () => {
    const session = await registerAccount(api);
    const answer = await api.put(
      password,
      { currentPassword: session.password, newPassword: "short" },
      { token: session.accessToken },
    );
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toEqual({ newPassword: "must be at least 8 characters" });
  });
});

describe("DELETE /users/me", () => {
  it("asks for the password of an account that has one: missing is 403, wrong is 422", async () => {
    const session = await registerAccount(api);
    const missing = await api.delete(me, { token: session.accessToken });
    expectProblem(missing, 403, "reauthentication_required");
    expect(missing.body.detail).toContain("`password`");
    expectProblem(
      await api.delete(me, { token: session.accessToken, json: { password: "wrong one" } }),
      422,
      "wrong_password",
    );
    expect((await api.get(me, { token: session.accessToken })).status).toBe(200);
  });

  it("with the password deletes the account: its tokens and login stop working", async () => {
    const session = await registerAccount(api, { username: "peggy" });
    const answer = await api.delete(me, { token: session.accessToken, json: { password: session.password } });
    expect(answer.status).toBe(204);
    expect((await api.get(me, { token: session.accessToken })).status).toBe(401);
    expectProblem(await loginAs("peggy", session.password), 401, "invalid_credentials");
    expect(await running.core.users.get(session.user.id)).toBeUndefined();
  });

  it("an account without a password is deleted by a fresh Telegram login, never by an API key", async () => {
    const { user } = await running.core.users.fromTelegram({ id: 4242 });
    const made = await running.core.access.createApiKey(user.id, "bot key");
    if (!made.ok) throw new Error(made.reason);
    expectProblem(await api.delete(me, { apiKey: made.value.key }), 403, "insufficient_scope");
    const { accessToken } = await loginWithTelegramCode(running, 4242);
    expect((await api.delete(me, { token: accessToken })).status).toBe(204);
    expect(await running.core.users.get(user.id)).toBeUndefined();
  });
});

describe("API keys", () => {
  it("a new key comes once, with Location; the list and the entry never show it", async () => {
    const { accessToken } = await registerAccount(api);
    const made = await api.post(
      keys,
      { currentPassword: defaultPassword, name: " My script " },
      { token: accessToken },
    );
    expect(made.status).toBe(201);
    expect(made.body).toEqual({
      id: expect.any(String),
      name: "My script",
      prefix: made.body.key.slice(0, 12),
      scopes: ["read", "write"],
      key: expect.stringMatching(/^hab_[A-Za-z0-9_-]{43}$/),
      createdAt: "2026-03-10T12:00:00.000Z",
      lastUsedAt: null,
    });
    expect(made.headers.get("location")).toBe(`${keys}/${made.body.id}`);

    const list = await api.get(keys, { token: accessToken });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [
        {
          id: made.body.id,
          name: "My script",
          prefix: made.body.prefix,
          scopes: ["read", "write"],
          createdAt: made.body.createdAt,
          lastUsedAt: null,
        },
      ],
      page: 1,
      pageSize: 20,
      totalCount: 1,
      totalPages: 1,
      hasNextPage: false,
      hasPreviousPage: false,
    });
    expect(list.text).not.toContain(made.body.key);
    const entry = await api.get(made.headers.get("location") ?? "", { token: accessToken });
    expect(entry.body).toEqual(list.body.items[0]);

    await api.get(me, { apiKey: made.body.key });
    expect((await api.get(made.headers.get("location") ?? "", { token: accessToken })).body.lastUsedAt).toBe(
      "2026-03-10T12:00:00.000Z",
    );
  });

  it("pages with page and pageSize; out-of-range values are 400", async () => {
    const { accessToken } = await registerAccount(api);
    for (const name of ["one", "two", "three"])
      await api.post(keys, { currentPassword: defaultPassword, name }, { token: accessToken });
    const second = await api.get(`${keys}?page=2&pageSize=2`, { token: accessToken });
    expect(second.body).toMatchObject({
      page: 2,
      pageSize: 2,
      totalCount: 3,
      totalPages: 2,
      hasNextPage: false,
      hasPreviousPage: true,
    });
    expect(second.body.items).toHaveLength(1);
    const wrong = await api.get(`${keys}?page=0&pageSize=101&sort=name`, { token: accessToken });
    expectProblem(wrong, 400, "validation_failed");
    expect(Object.keys(wrong.body.errors).sort()).toEqual(["page", "pageSize", "sort"]);
  });

  it("an empty name is 400; the eleventh key is 409 limit_reached, naming the limit", async () => {
    const { accessToken } = await registerAccount(api);
    const empty = await api.post(keys, { currentPassword: defaultPassword, name: "  " }, { token: accessToken });
    expectProblem(empty, 400, "validation_failed");
    expect(empty.body.errors).toEqual({ name: "is required" });
    for (let made = 0; made < accessLimits.maxApiKeys; made++) {
      expect(
        (await api.post(keys, { currentPassword: defaultPassword, name: `key ${made}` }, { token: accessToken }))
          .status,
      ).toBe(201);
    }
    const refused = await api.post(
      keys,
      { currentPassword: defaultPassword, name: "one too many" },
      { token: accessToken },
    );
    expectProblem(refused, 409, "limit_reached");
    expect(refused.body.limit).toEqual({ name: "apiKeys", max: accessLimits.maxApiKeys });
    expect((await api.get(keys, { token: accessToken })).body.totalCount).toBe(accessLimits.maxApiKeys);
  });

  it("another user's key is 404 to read and to revoke, and it keeps working", async () => {
    const owner = await registerAccount(api);
    const stranger = await registerAccount(api);
    const made = (
      await api.post(keys, { currentPassword: defaultPassword, name: "mine" }, { token: owner.accessToken })
    ).body;
    expectProblem(await api.get(`${keys}/${made.id}`, { token: stranger.accessToken }), 404, "not_found");
    expectProblem(await api.delete(`${keys}/${made.id}`, { token: stranger.accessToken }), 404, "not_found");
    expect((await api.get(me, { apiKey: made.key })).body.id).toBe(owner.user.id);
  });

  it("revoking twice is 404 the second time", async () => {
    const { accessToken } = await registerAccount(api);
    const made = (await api.post(keys, { currentPassword: defaultPassword, name: "once" }, { token: accessToken }))
      .body;
    expect((await api.delete(`${keys}/${made.id}`, { token: accessToken })).status).toBe(204);
    expectProblem(await api.delete(`${keys}/${made.id}`, { token: accessToken }), 404, "not_found");
  });
});
