// Login codes and API keys over the in-memory store, with the fixture's clock and fake secrets
// (`h:` + key is a key's hash, `c:` + code a code's keyed hash; the test picks the next code).
import { describe, expect, it } from "vitest";
import { createCoreFixture, unwrap } from "../testing/core-fixture.js";
import { accessLimits } from "./access.js";
import { equalInConstantTime } from "./constant-time.js";
import { type ApiKeyScope, credentialAllows, isFreshTelegramLogin, profileChangeAccess } from "./credentials.js";

const start = "2026-03-10T12:00:00Z";
const at = (minutes: number, extraMs = 0) => new Date(new Date(start).getTime() + minutes * 60_000 + extraMs);

describe("login codes", () => {
  it("are 6 digits, valid for 5 minutes, and stored only as the keyed code hash", async () => {
    const { core, store, user } = await createCoreFixture({ now: start });
    const issued = unwrap(await core.access.issueLoginCode(user.id));
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(issued.expiresAt).toEqual(at(5));
    const stored = await store.access.latestLoginCode(user.id);
    expect(stored).toMatchObject({ codeHash: `c:${issued.code}`, expiresAt: at(5), failedTries: 0, consumedAt: null });
    expect(JSON.stringify(stored)).not.toContain(`"${issued.code}"`);
  });

  it("the right code logs the user in, once", async () => {
    const { core, user } = await createCoreFixture({ now: start });
    const { code } = unwrap(await core.access.issueLoginCode(user.id));
    expect(await core.access.verifyLoginCode(user.id, code)).toEqual({ ok: true, value: user });
    expect(await core.access.verifyLoginCode(user.id, code)).toEqual({ ok: false, reason: "code_expired" });
  });

  it("works until just before 5 minutes and is expired at exactly 5 minutes", async () => {
    const { core, clock, secrets, user } = await createCoreFixture({ now: start });
    secrets.nextDigits("111111", "222222");
    unwrap(await core.access.issueLoginCode(user.id));
    clock.set(at(5, -1).toISOString());
    expect((await core.access.verifyLoginCode(user.id, "111111")).ok).toBe(true);

    clock.set(start);
    unwrap(await core.access.issueLoginCode(user.id));
    clock.set(at(5).toISOString());
    expect(await core.access.verifyLoginCode(user.id, "222222")).toEqual({ ok: false, reason: "code_expired" });
  });

  it("without any code issued, verifying says expired", async () => {
    const { core, user } = await createCoreFixture();
    expect(await core.access.verifyLoginCode(user.id, "123456")).toEqual({ ok: false, reason: "code_expired" });
  });

  it("a new code makes the earlier one unusable", async () => {
    const { core, secrets, user } = await createCoreFixture();
    secrets.nextDigits("111111", "222222");
    unwrap(await core.access.issueLoginCode(user.id));
    unwrap(await core.access.issueLoginCode(user.id));
    expect(await core.access.verifyLoginCode(user.id, "111111")).toEqual({
      ok: false,
      reason: "code_invalid",
      triesLeft: 4,
    });
    expect((await core.access.verifyLoginCode(user.id, "222222")).ok).toBe(true);
  });

  it("5 wrong tries lock the code: then even the right one is refused", async () => {
    const { core, secrets, user } = await createCoreFixture();
    secrets.nextDigits("424242");
    unwrap(await core.access.issueLoginCode(user.id));
    const answers = [];
    for (let guess = 0; guess < accessLimits.loginCodeMaxTries; guess++) {
      answers.push(await core.access.verifyLoginCode(user.id, `00000${guess}`));
    }
    expect(answers.map((answer) => !answer.ok && answer.reason === "code_invalid" && answer.triesLeft)).toEqual([
      4, 3, 2, 1, 0,
    ]);
    expect(await core.access.verifyLoginCode(user.id, "424242")).toEqual({ ok: false, reason: "code_locked" });
  });

  it("parallel guesses take turns, so they cannot slip past the lock", async () => {
    const { core, secrets, user } = await createCoreFixture();
    secrets.nextDigits("424242");
    unwrap(await core.access.issueLoginCode(user.id));
    const guesses = ["000000", "000001", "000002", "000003", "000004", "000005", "424242"];
    const answers = await Promise.all(guesses.map((guess) => core.access.verifyLoginCode(user.id, guess)));
    expect(answers.map((answer) => (answer.ok ? "ok" : answer.reason))).toEqual([
      ...Array(5).fill("code_invalid"),
      "code_locked",
      "code_locked",
    ]);
  });

  it("of several verifies of the right code at once, one logs in", async () => {
    const { core, user } = await createCoreFixture();
    const { code } = unwrap(await core.access.issueLoginCode(user.id));
    const answers = await Promise.all(Array.from({ length: 5 }, () => core.access.verifyLoginCode(user.id, code)));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
  });

  it("another user's code does not log me in", async () => {
    const { core, otherUser, user } = await createCoreFixture();
    const other = await otherUser();
    const { code } = unwrap(await core.access.issueLoginCode(other.id));
    expect(await core.access.verifyLoginCode(user.id, code)).toEqual({ ok: false, reason: "code_expired" });
    expect((await core.access.verifyLoginCode(other.id, code)).ok).toBe(true);
  });

  it("at most 3 in a rolling hour: the 4th is refused until the oldest ages out", async () => {
    const { core, clock, user } = await createCoreFixture({ now: start });
    for (const minute of [0, 10, 20]) {
      clock.set(at(minute).toISOString());
      unwrap(await core.access.issueLoginCode(user.id));
    }
    clock.set(at(59, 59_999).toISOString());
    expect(await core.access.issueLoginCode(user.id)).toEqual({ ok: false, reason: "too_many_codes", retryAt: at(60) });
    clock.set(at(60).toISOString());
    unwrap(await core.access.issueLoginCode(user.id));
    // Now the codes of minutes 10, 20 and 60 are in the hour: the next frees up at minute 70.
    expect(await core.access.issueLoginCode(user.id)).toEqual({ ok: false, reason: "too_many_codes", retryAt: at(70) });
  });

  it("used codes count toward the hourly limit too", async () => {
    const { core, user } = await createCoreFixture({ now: start });
    for (let issued = 0; issued < accessLimits.loginCodesPerHour; issued++) {
      const { code } = unwrap(await core.access.issueLoginCode(user.id));
      unwrap(await core.access.verifyLoginCode(user.id, code));
    }
    expect(await core.access.issueLoginCode(user.id)).toMatchObject({ ok: false, reason: "too_many_codes" });
  });

  it("is refused for an unknown user", async () => {
    const { core } = await createCoreFixture();
    expect(await core.access.issueLoginCode("user-999999")).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("API keys", () => {
  it("are hab_ and 43 base64url characters, shown once; the store keeps the hash and a 12-character prefix", async () => {
    const { core, store, user } = await createCoreFixture({ now: start });
    const { key, apiKey } = unwrap(await core.access.createApiKey(user.id, "  Laptop script "));
    expect(key).toMatch(/^hab_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toEqual({
      id: expect.any(String),
      name: "Laptop script",
      prefix: key.slice(0, 12),
      scopes: ["read", "write"],
      createdAt: at(0),
      lastUsedAt: null,
    });
    expect(await store.access.findApiKeyByHash(`h:${key}`)).toEqual({ apiKey, userId: user.id });
    expect(await core.access.listApiKeys(user.id)).toEqual([apiKey]);
  });

  it("names are trimmed and 1–50 characters", async () => {
    const { core, user } = await createCoreFixture();
    expect(await core.access.createApiKey(user.id, "   ")).toEqual({
      ok: false,
      reason: "invalid",
      errors: [{ field: "name", code: "required" }],
    });
    expect(await core.access.createApiKey(user.id, "x".repeat(51))).toEqual({
      ok: false,
      reason: "invalid",
      errors: [{ field: "name", code: "too_long", limit: 50 }],
    });
    expect(unwrap(await core.access.createApiKey(user.id, ` ${"x".repeat(50)} `)).apiKey.name).toBe("x".repeat(50));
  });

  it("at most 10 active keys: the 11th is refused until one is revoked", async () => {
    const { core, user } = await createCoreFixture();
    const keys = [];
    for (let made = 0; made < accessLimits.maxApiKeys; made++) {
      keys.push(unwrap(await core.access.createApiKey(user.id, `Key ${made}`)));
    }
    expect(await core.access.createApiKey(user.id, "One too many")).toEqual({
      ok: false,
      reason: "limit_reached",
      limit: { name: "apiKeys", max: 10 },
    });
    unwrap(await core.access.revokeApiKey(user.id, keys[0]?.apiKey.id ?? ""));
    expect((await core.access.createApiKey(user.id, "Room again")).ok).toBe(true);
  });

  it("are refused for an unknown user", async () => {
    const { core } = await createCoreFixture();
    expect(await core.access.createApiKey("user-999999", "Script")).toEqual({ ok: false, reason: "not_found" });
  });

  it("list newest first, only the user's own and not revoked", async () => {
    const { core, clock, otherUser, user } = await createCoreFixture({ now: start });
    const first = unwrap(await core.access.createApiKey(user.id, "First")).apiKey;
    clock.set(at(1).toISOString());
    const second = unwrap(await core.access.createApiKey(user.id, "Second")).apiKey;
    const gone = unwrap(await core.access.createApiKey(user.id, "Gone")).apiKey;
    unwrap(await core.access.createApiKey((await otherUser()).id, "Theirs"));
    unwrap(await core.access.revokeApiKey(user.id, gone.id));
    expect(await core.access.listApiKeys(user.id)).toEqual([second, first]);
  });

  it("authenticate the key's owner; unknown and malformed keys authenticate nobody", async () => {
    const { core, user } = await createCoreFixture();
    const { key } = unwrap(await core.access.createApiKey(user.id, "Script"));
    expect(await core.access.authenticateApiKey(key)).toEqual({ user, scopes: ["read", "write"] });
    const unknown = `hab_${"A".repeat(43)}`;
    for (const wrong of [unknown, "", "hab_", key.slice(4), `${key}x`, key.slice(0, -1), ` ${key}`]) {
      expect(await core.access.authenticateApiKey(wrong)).toBeUndefined();
    }
  });

  it("note when they were used, at most once a minute", async () => {
    const { core, clock, user } = await createCoreFixture({ now: start });
    const { key } = unwrap(await core.access.createApiKey(user.id, "Script"));
    const lastUsed = async () => (await core.access.listApiKeys(user.id))[0]?.lastUsedAt;
    clock.set(at(2).toISOString());
    await core.access.authenticateApiKey(key);
    expect(await lastUsed()).toEqual(at(2));
    clock.set(at(2, 59_999).toISOString());
    await core.access.authenticateApiKey(key);
    expect(await lastUsed()).toEqual(at(2));
    clock.set(at(3).toISOString());
    await core.access.authenticateApiKey(key);
    expect(await lastUsed()).toEqual(at(3));
  });

  it("a revoked key no longer authenticates, and is not found when revoked again", async () => {
    const { core, user } = await createCoreFixture();
    const { key, apiKey } = unwrap(await core.access.createApiKey(user.id, "Script"));
    expect(await core.access.revokeApiKey(user.id, apiKey.id)).toEqual({ ok: true, value: true });
    expect(await core.access.authenticateApiKey(key)).toBeUndefined();
    expect(await core.access.listApiKeys(user.id)).toEqual([]);
    expect(await core.access.revokeApiKey(user.id, apiKey.id)).toEqual({ ok: false, reason: "not_found" });
  });

  it("another user cannot revoke my key: it is not found, and keeps working", async () => {
    const { core, otherUser, user } = await createCoreFixture();
    const { key, apiKey } = unwrap(await core.access.createApiKey(user.id, "Script"));
    const stranger = await otherUser();
    expect(await core.access.revokeApiKey(stranger.id, apiKey.id)).toEqual({ ok: false, reason: "not_found" });
    expect((await core.access.authenticateApiKey(key))?.user).toEqual(user);
  });

  it("carry the scopes asked for, in a fixed order; none, unknown or repeated ones are refused", async () => {
    const { core, user } = await createCoreFixture();
    const reader = unwrap(await core.access.createApiKey(user.id, "Reader", ["read"]));
    expect(reader.apiKey.scopes).toEqual(["read"]);
    expect((await core.access.authenticateApiKey(reader.key))?.scopes).toEqual(["read"]);
    expect(unwrap(await core.access.createApiKey(user.id, "Both", ["write", "read"])).apiKey.scopes).toEqual([
      "read",
      "write",
    ]);
    expect(await core.access.createApiKey(user.id, "None", [])).toEqual({
      ok: false,
      reason: "invalid",
      errors: [{ field: "scopes", code: "required" }],
    });
    expect(await core.access.createApiKey(user.id, "Admin", ["read", "admin"])).toMatchObject({
      ok: false,
      errors: [{ field: "scopes", code: "invalid_choice", allowed: ["read", "write"] }],
    });
    expect(await core.access.createApiKey(user.id, "Twice", ["read", "read"])).toMatchObject({
      ok: false,
      errors: [{ field: "scopes", code: "duplicate" }],
    });
  });

  it("revokeAllApiKeys ends every key of the user, and only theirs", async () => {
    const { core, otherUser, user } = await createCoreFixture();
    const mine = [
      unwrap(await core.access.createApiKey(user.id, "One")),
      unwrap(await core.access.createApiKey(user.id, "Two")),
    ];
    const stranger = await otherUser();
    const theirs = unwrap(await core.access.createApiKey(stranger.id, "Theirs"));
    expect(await core.access.revokeAllApiKeys(user.id)).toBe(2);
    for (const { key } of mine) expect(await core.access.authenticateApiKey(key)).toBeUndefined();
    expect((await core.access.authenticateApiKey(theirs.key))?.user.id).toBe(stranger.id);
  });
});

describe("who may do what", () => {
  const session = { kind: "session", login: null } as const;
  const key = (...scopes: ApiKeyScope[]) => ({ kind: "api_key", scopes }) as const;

  it("a session may do anything; a key what its scopes say, and never account changes", () => {
    for (const access of ["read", "write", "account"] as const) expect(credentialAllows(session, access).ok).toBe(true);
    expect(credentialAllows(key("read"), "read").ok).toBe(true);
    expect(credentialAllows(key("read"), "write")).toEqual({
      ok: false,
      reason: "insufficient_scope",
      needed: "write",
    });
    expect(credentialAllows(key("write"), "read").ok).toBe(false);
    expect(credentialAllows(key("read", "write"), "account")).toEqual({
      ok: false,
      reason: "insufficient_scope",
      needed: "account",
    });
  });

  it("username and email are account changes; the other profile fields are writes", () => {
    expect(profileChangeAccess({ username: "x" })).toBe("account");
    expect(profileChangeAccess({ email: null })).toBe("account");
    expect(profileChangeAccess({})).toBe("write");
  });

  it("a Telegram login is fresh for 10 minutes; a password login or an unknown one never", () => {
    const now = at(0);
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    expect(isFreshTelegramLogin({ method: "telegram_code", at: minutesAgo(9.9) }, now)).toBe(true);
    expect(isFreshTelegramLogin({ method: "telegram_widget", at: minutesAgo(10) }, now)).toBe(false);
    expect(isFreshTelegramLogin({ method: "password", at: now }, now)).toBe(false);
    expect(isFreshTelegramLogin(null, now)).toBe(false);
  });
});

describe("proving who you are", () => {
  it("a password account: its password, nothing else", async () => {
    const { core } = await createCoreFixture({ now: start });
    const registered = unwrap(
      await core.users.register({ username: "pat", email: "pat@example.com", password: "the password" }),
    );
    const fresh = { method: "telegram_code", at: at(0) } as const;
    expect(await core.access.proveIdentity(registered.id, {}, fresh)).toEqual({
      ok: false,
      reason: "reauthentication_required",
      send: "password",
    });
    expect(await core.access.proveIdentity(registered.id, { password: "not it" }, null)).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    expect((await core.access.proveIdentity(registered.id, { password: "the password" }, null)).ok).toBe(true);
  });

  it("a Telegram-only account: a code the bot sent (once), or a fresh Telegram login", async () => {
    const { core, clock, user } = await createCoreFixture({ now: start });
    expect(await core.access.proveIdentity(user.id, {}, null)).toEqual({
      ok: false,
      reason: "reauthentication_required",
      send: "code",
    });
    const { code } = unwrap(await core.access.issueLoginCode(user.id));
    expect((await core.access.proveIdentity(user.id, { code }, null)).ok).toBe(true);
    expect(await core.access.proveIdentity(user.id, { code }, null)).toEqual({ ok: false, reason: "code_expired" });
    const login = { method: "telegram_webapp", at: at(0) } as const;
    expect((await core.access.proveIdentity(user.id, {}, login)).ok).toBe(true);
    clock.set(at(0, 10 * 60_000).toISOString());
    expect((await core.access.proveIdentity(user.id, {}, login)).ok).toBe(false);
  });
});

describe("comparing hashes", () => {
  it("is true only for equal strings of equal length", () => {
    expect(equalInConstantTime("a1b2c3", "a1b2c3")).toBe(true);
    expect(equalInConstantTime("a1b2c3", "a1b2c4")).toBe(false);
    expect(equalInConstantTime("x1b2c3", "a1b2c3")).toBe(false);
    expect(equalInConstantTime("a1b2c3", "a1b2c")).toBe(false);
    expect(equalInConstantTime("", "")).toBe(true);
  });
});
