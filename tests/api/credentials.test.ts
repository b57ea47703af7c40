// The credential model's promises one by one (docs/api.md, "Credentials: who may do what"): the
// audit's attack (an API key on a Telegram-only account minting keys, renaming the account, setting
// a password) is refused and changes nothing, while the owner keeps control; `revokeApiKeys` ends
// the keys; a refresh does not make a session fresh; and the bot's verification code proves who
// the person is, sent through the bot's own sender to the fake Telegram.
import { createLoginCodeSender } from "@habits/bot";
import { credentialLimits } from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramKit, type TelegramKit } from "../kit/index.js";
import type { Answer } from "./support/api-client.js";
import { fakeBotToken, type RunningApi, registerAccount, startApi } from "./support/api-harness.js";
import { decodeJwt } from "./support/forged-tokens.js";
import {
  advance,
  apiKeyFor,
  loginWithTelegramCode,
  minuteMs,
  telegramOnlyAccount,
} from "./support/telegram-accounts.js";

const me = "/api/v1/users/me";

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body).toMatchObject({ status, code });
}

let running: RunningApi;
beforeAll(async () => {
  running = await startApi({ now: "2026-03-10T12:00:00Z" });
});
afterAll(async () => running.close());

describe("an API key on a Telegram-only account (the audit's attack)", () => {
  it("cannot mint a key, change username or email, set a password, delete or log out; nothing changes", async () => {
    const { api, core } = running;
    const { userId } = await telegramOnlyAccount(running);
    const { key } = await apiKeyFor(running, userId, ["read", "write"]);
    const before = await core.users.get(userId);

    expectProblem(await api.post(`${me}/api-keys`, { name: "Backdoor" }, { apiKey: key }), 403, "insufficient_scope");
    expectProblem(await api.patch(me, { username: "thief" }, { apiKey: key }), 403, "insufficient_scope");
    expectProblem(await api.patch(me, { email: "thief@example.com" }, { apiKey: key }), 403, "insufficient_scope");
    expectProblem(
      await api.put(`${me}/password`, { newPassword: "the thief's password" }, { apiKey: key }),
      403,
      "insufficient_scope",
    );
    expectProblem(await api.delete(me, { apiKey: key }), 403, "insufficient_scope");
    expectProblem(await api.post("/api/v1/auth/logout-all", undefined, { apiKey: key }), 403, "insufficient_scope");
    expectProblem(await api.get(`${me}/api-keys`, { apiKey: key }), 403, "insufficient_scope");
    const refused = await api.post(`${me}/verification-code`, undefined, { apiKey: key });
    expectProblem(refused, 403, "insufficient_scope");
    expect(refused.body.detail).toMatch(/account/);

    const after = await core.users.get(userId);
    expect(after).toEqual(before);
    expect(after?.hasPassword).toBe(false);
    expect(await core.access.listApiKeys(userId)).toHaveLength(1);
    // The key still does what it is for.
    expect((await api.post("/api/v1/habits", { name: "Read" }, { apiKey: key })).status).toBe(201);
  });

  it("the owner keeps control: a fresh Telegram login lists the key with its scopes and last use, and revokes it", async () => {
    const { api } = running;
    const { userId, telegramId } = await telegramOnlyAccount(running);
    const made = await apiKeyFor(running, userId, ["read"]);
    expect((await api.get(me, { apiKey: made.key })).status).toBe(200);
    const { accessToken } = await loginWithTelegramCode(running, telegramId);
    const listed = await api.get(`${me}/api-keys`, { token: accessToken });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: made.apiKey.id, scopes: ["read"], lastUsedAt: "2026-03-10T12:00:00.000Z" }),
    ]);
    expect((await api.delete(`${me}/api-keys/${made.apiKey.id}`, { token: accessToken })).status).toBe(204);
    expectProblem(await api.get(me, { apiKey: made.key }), 401, "invalid_api_key");
  });

  it("a key does only what its scopes say", async () => {
    const { api } = running;
    const { userId } = await telegramOnlyAccount(running);
    const reader = (await apiKeyFor(running, userId, ["read"])).key;
    const writer = (await apiKeyFor(running, userId, ["write"])).key;
    const refused = await api.post("/api/v1/habits", { name: "Run" }, { apiKey: reader });
    expectProblem(refused, 403, "insufficient_scope");
    expect(refused.body.detail).toContain("`write`");
    expect((await api.post("/api/v1/habits", { name: "Run" }, { apiKey: writer })).status).toBe(201);
    expectProblem(await api.get("/api/v1/habits", { apiKey: writer }), 403, "insufficient_scope");
    expect((await api.get("/api/v1/habits", { apiKey: reader })).body.items).toHaveLength(1);
    expect((await running.core.habits.list(userId)).map((habit) => habit.name)).toEqual(["Run"]);
  });
});

describe("making keys with scopes", () => {
  it("takes scopes (both unless said), lists them, and refuses an empty, unknown or repeated one", async () => {
    const { api } = running;
    const { accessToken, password } = await registerAccount(api);
    const as = { token: accessToken };
    const both = await api.post(`${me}/api-keys`, { name: "Both", currentPassword: password }, as);
    expect(both.status).toBe(201);
    expect(both.body.scopes).toEqual(["read", "write"]);
    const reader = await api.post(
      `${me}/api-keys`,
      { name: "Reader", scopes: ["read"], currentPassword: password },
      as,
    );
    expect(reader.body.scopes).toEqual(["read"]);
    for (const scopes of [[], ["admin"], ["read", "read"]]) {
      const refused = await api.post(`${me}/api-keys`, { name: "Bad", scopes, currentPassword: password }, as);
      expectProblem(refused, 400, "validation_failed");
      expect(refused.body.errors).toHaveProperty("scopes");
    }
    const listed = (await api.get(`${me}/api-keys`, as)).body.items;
    expect(listed.map((key: { name: string; scopes: string[] }) => `${key.name}:${key.scopes}`).sort()).toEqual([
      "Both:read,write",
      "Reader:read",
    ]);
  });
});

describe("a password account proves itself with its password", () => {
  it("a fresh login is not enough: the current password is asked for, a wrong one is wrong_password", async () => {
    const { api } = running;
    const { accessToken, password } = await registerAccount(api);
    const as = { token: accessToken };
    const missing = await api.post(`${me}/api-keys`, { name: "Key" }, as);
    expectProblem(missing, 403, "reauthentication_required");
    expect(missing.body.detail).toContain("currentPassword");
    expectProblem(
      await api.patch(me, { email: "new@example.com", currentPassword: "nope nope" }, as),
      422,
      "wrong_password",
    );
    const deleting = await api.delete(me, { ...as, json: {} });
    expectProblem(deleting, 403, "reauthentication_required");
    expect(deleting.body.detail).toContain("`password`");
    const renamed = await api.patch(me, { email: "new@example.com", currentPassword: password }, as);
    expect(renamed.status).toBe(200);
    expect(renamed.body.email).toBe("new@example.com");
  });
});

describe("revokeApiKeys", () => {
  it("logout-all keeps the keys unless asked; with revokeApiKeys: true every key stops", async () => {
    const { api } = running;
    const { userId, telegramId } = await telegramOnlyAccount(running);
    const first = await apiKeyFor(running, userId, ["read"]);
    const second = await apiKeyFor(running, userId, ["read", "write"]);

    const session = await loginWithTelegramCode(running, telegramId);
    expect((await api.post("/api/v1/auth/logout-all", undefined, { token: session.accessToken })).status).toBe(204);
    expectProblem(await api.get(me, { token: session.accessToken }), 401, "session_revoked");
    expect((await api.get(me, { apiKey: first.key })).status).toBe(200);

    const again = await loginWithTelegramCode(running, telegramId);
    const revoked = await api.post("/api/v1/auth/logout-all", { revokeApiKeys: true }, { token: again.accessToken });
    expect(revoked.status).toBe(204);
    for (const key of [first.key, second.key])
      expectProblem(await api.get(me, { apiKey: key }), 401, "invalid_api_key");
    expect(await running.core.access.listApiKeys(userId)).toEqual([]);
  });

  it("a password change with revokeApiKeys: true revokes the keys; without, they stay", async () => {
    const { api } = running;
    const { accessToken, password, user } = await registerAccount(api);
    const kept = await apiKeyFor(running, user.id, ["read"]);
    const as = { token: accessToken };
    const changed = await api.put(`${me}/password`, { currentPassword: password, newPassword: "second password" }, as);
    expect(changed.status).toBe(204);
    expect((await api.get(me, { apiKey: kept.key })).status).toBe(200);
    const revoking = await api.put(
      `${me}/password`,
      { currentPassword: "second password", newPassword: "third password", revokeApiKeys: true },
      as,
    );
    expect(revoking.status).toBe(204);
    expectProblem(await api.get(me, { apiKey: kept.key }), 401, "invalid_api_key");
    // The session that made the change goes on.
    expect((await api.get(me, as)).status).toBe(200);
  });
});

describe("a refresh is not a login", () => {
  it("a session refreshed after the fresh-login window keeps its login time and is refused account changes", async () => {
    const { api } = running;
    const { telegramId, userId } = await telegramOnlyAccount(running);
    const loggedInAt = running.clock.now();
    const fresh = await loginWithTelegramCode(running, telegramId);
    // Fresh: a key can be made with no proof in the body.
    expect((await api.post(`${me}/api-keys`, { name: "While fresh" }, { token: fresh.accessToken })).status).toBe(201);

    advance(running, (credentialLimits.freshLoginMinutes + 1) * minuteMs);
    const refreshed = await api.post("/api/v1/auth/refresh", { refreshToken: fresh.refreshToken });
    expect(refreshed.status).toBe(200);
    const claims = decodeJwt(refreshed.body.accessToken).payload;
    expect(claims.auth_time).toBe(Math.floor(loggedInAt.getTime() / 1000));
    expect(claims.amr).toEqual(["telegram_code"]);
    const refused = await api.post(`${me}/api-keys`, { name: "Later" }, { token: refreshed.body.accessToken });
    expectProblem(refused, 403, "reauthentication_required");
    expect(refused.body.detail).toContain("verification-code");
    expectProblem(
      await api.put(`${me}/password`, { newPassword: "set by a stale session" }, { token: refreshed.body.accessToken }),
      403,
      "reauthentication_required",
    );
    expect((await running.core.users.get(userId))?.hasPassword).toBe(false);
    expect((await running.core.access.listApiKeys(userId)).map((key) => key.name)).toEqual(["While fresh"]);
  });

  it("a fresh login stops counting after 10 minutes even without a refresh", async () => {
    const { api } = running;
    const { telegramId } = await telegramOnlyAccount(running);
    const session = await loginWithTelegramCode(running, telegramId);
    advance(running, credentialLimits.freshLoginMinutes * minuteMs);
    expectProblem(
      await api.patch(me, { username: "late_rename" }, { token: session.accessToken }),
      403,
      "reauthentication_required",
    );
  });
});

describe("the verification code, sent by the bot", () => {
  let kit: TelegramKit;
  let withBot: RunningApi;
  beforeAll(async () => {
    kit = await createTelegramKit();
    withBot = await startApi({
      now: "2026-03-10T12:00:00Z",
      telegram: { botToken: fakeBotToken, sendLoginCode: createLoginCodeSender(kit.bot) },
    });
  });
  afterAll(async () => {
    await withBot?.close();
    await kit?.close();
  });

  /** The code in the last message the person got from the bot. */
  const codeIn = (person: ReturnType<TelegramKit["user"]>) => /\d{6}/.exec(person.lastMessage()?.text ?? "")?.[0];

  it("proves a stale Telegram session: it makes a key, sets a first password; a code works once", async () => {
    const { api, core } = withBot;
    const person = kit.user();
    const { user } = await core.users.fromTelegram({ id: person.id, firstName: "Kit" });
    const code = await core.access.issueLoginCode(user.id);
    if (!code.ok) throw new Error("no code");
    const loggedIn = await api.post("/api/v1/auth/telegram/verify", { telegramId: person.id, code: code.value.code });
    advance(withBot, (credentialLimits.freshLoginMinutes + 1) * minuteMs);
    const stale = await api.post("/api/v1/auth/refresh", { refreshToken: loggedIn.body.refreshToken });
    const as = { token: stale.body.accessToken };

    const sent = await api.post(`${me}/verification-code`, undefined, as);
    expect(sent.status).toBe(202);
    const first = codeIn(person);
    expect(first).toMatch(/^\d{6}$/);
    const made = await api.post(`${me}/api-keys`, { name: "Proved", code: first }, as);
    expect(made.status).toBe(201);
    expectProblem(await api.post(`${me}/api-keys`, { name: "Again", code: first }, as), 401, "code_expired");

    await api.post(`${me}/verification-code`, undefined, as);
    const second = codeIn(person);
    const wrong = second === "000000" ? "111111" : "000000";
    expectProblem(
      await api.put(`${me}/password`, { newPassword: "my first password", code: wrong }, as),
      401,
      "code_invalid",
    );
    expect((await core.users.get(user.id))?.hasPassword).toBe(false);
    expect((await api.put(`${me}/password`, { newPassword: "my first password", code: second }, as)).status).toBe(204);
    expect((await core.users.get(user.id))?.hasPassword).toBe(true);

    // From now on the password is the proof: no code is sent, and one from before is not enough.
    const messages = person.calls().filter((call) => call.method === "sendMessage").length;
    expectProblem(await api.post(`${me}/verification-code`, undefined, as), 409, "password_proof_required");
    expect(person.calls().filter((call) => call.method === "sendMessage")).toHaveLength(messages);
    const refused = await api.patch(me, { username: "kit_person", code: second }, as);
    expectProblem(refused, 403, "reauthentication_required");
    expect(refused.body.detail).toContain("currentPassword");
    expect((await api.patch(me, { username: "kit_person", currentPassword: "my first password" }, as)).status).toBe(
      200,
    );
  });

  it("a refused send is 503 telegram_unavailable, and no log line carries the code", async () => {
    let sentCode = "";
    const failing = await startApi({
      now: "2026-03-10T12:00:00Z",
      telegram: {
        botToken: fakeBotToken,
        async sendLoginCode(_chatId, code) {
          sentCode = code;
          // As grammY's GrammyError does: the Bot API call's parameters, the message text with the code, ride along.
          throw Object.assign(new Error("Forbidden: bot was blocked by the user"), {
            payload: { chat_id: 1, text: `Your code: ${code}` },
          });
        },
      },
    });
    try {
      const { telegramId, userId } = await telegramOnlyAccount(failing);
      const issued = await failing.core.access.issueLoginCode(userId);
      if (!issued.ok) throw new Error("no code");
      const loggedIn = await failing.api.post("/api/v1/auth/telegram/verify", { telegramId, code: issued.value.code });
      const answer = await failing.api.post(`${me}/verification-code`, undefined, { token: loggedIn.body.accessToken });
      expectProblem(answer, 503, "telegram_unavailable");
      expect(sentCode).toMatch(/^\d{6}$/);
      expect(failing.logs.some((line) => line.msg === "verification code not sent")).toBe(true);
      expect(JSON.stringify(failing.logs)).not.toContain(sentCode);
    } finally {
      await failing.close();
    }
  });

  it("an account without Telegram is told to use its password (409 telegram_not_linked)", async () => {
    const { accessToken } = await registerAccount(withBot.api);
    expectProblem(
      await withBot.api.post(`${me}/verification-code`, undefined, { token: accessToken }),
      409,
      "telegram_not_linked",
    );
  });
});
