import { describe, expect, it } from "vitest";
import { createCore } from "../create-core.js";
import { accountLimits } from "../limits.js";
import type { PasswordHasher } from "../ports/password-hasher.js";
import { alwaysWin, createCoreFixture, fakePasswords, movableClock, unwrap } from "../testing/core-fixture.js";
import { fakeSecrets } from "../testing/fake-secrets.js";
import { createInMemoryStore } from "../testing/in-memory-store.js";
import { seededRandom } from "../testing/seeded-random.js";
import type { RegistrationInput } from "./user-service.js";

async function setUp() {
  const fixture = await createCoreFixture({ random: alwaysWin });
  return { ...fixture, users: fixture.core.users };
}

const alice: RegistrationInput = { username: "alice", email: "alice@example.com", password: "correct horse" };

describe("Telegram accounts", () => {
  it("the first contact creates the account; the next one finds it", async () => {
    const { users } = await setUp();
    const profile = { id: 4242, username: "ann", firstName: "Ann", lastName: "Lee", languageCode: "ru" };

    const first = await users.fromTelegram(profile);
    const second = await users.fromTelegram(profile);

    expect(first.created).toBe(true);
    expect(first.user).toMatchObject({
      name: "Ann Lee",
      language: "ru",
      timezone: "UTC",
      hasPassword: false,
      telegram: { id: 4242, username: "ann", firstName: "Ann", lastName: "Lee" },
    });
    expect(second).toEqual({ user: first.user, created: false });
  });

  it("finds an account by Telegram id or username without making one", async () => {
    const { users } = await setUp();
    expect(await users.findByTelegram({ id: 4242 })).toBeUndefined();
    const { user } = await users.fromTelegram({ id: 4242, username: "Ann_Lee" });

    expect(await users.findByTelegram({ id: 4242 })).toEqual(user);
    expect(await users.findByTelegram({ username: "@ann_lee" })).toEqual(user);
    expect(await users.findByTelegram({ username: "ann lee" })).toBeUndefined();
    expect(await users.findByTelegram({ id: 1 })).toBeUndefined();
    // A stale username two accounts carry names nobody.
    await users.fromTelegram({ id: 5151, username: "ann_lee" });
    expect(await users.findByTelegram({ username: "ann_lee" })).toBeUndefined();
  });

  it("two first messages at once make one account", async () => {
    const { users } = await setUp();

    const [first, second] = await Promise.all([users.fromTelegram({ id: 7 }), users.fromTelegram({ id: 7 })]);

    expect(first.user.id).toBe(second.user.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
  });

  it.each([
    { code: "ru", language: "ru" },
    { code: "kk", language: "kk" },
    { code: "en-GB", language: "en" },
    { code: "de", language: "en" },
    { code: undefined, language: "en" },
  ])("Telegram's language $code gives the account language $language", async ({ code, language }) => {
    const { users } = await setUp();

    const { user } = await users.fromTelegram({ id: 1, firstName: "A", languageCode: code });

    expect(user.language).toBe(language);
  });
});

describe("registration", () => {
  it("registers a username, email and hashed password", async () => {
    const { users, store } = await setUp();

    const user = unwrap(await users.register({ ...alice, username: " alice ", name: "Alice" }));

    expect(user).toMatchObject({ username: "alice", email: "alice@example.com", name: "Alice", hasPassword: true });
    expect(await store.users.getPasswordHash(user.id)).toBe("h:correct horse");
  });

  it.each([
    { name: "a 2-character username", input: { username: "al" }, error: { field: "username", code: "too_short" } },
    {
      name: "a username with a space",
      input: { username: "al ice" },
      error: { field: "username", code: "invalid_format" },
    },
    {
      name: "an email without a domain",
      input: { email: "alice@" },
      error: { field: "email", code: "invalid_format" },
    },
    { name: "a 7-character password", input: { password: "1234567" }, error: { field: "password", code: "too_short" } },
    {
      name: "a password of 73 ASCII bytes",
      input: { password: `${"a".repeat(72)}x` },
      error: { field: "password", code: "too_long", limit: 72, unit: "bytes" },
    },
    {
      // 19 emoji of 4 bytes each: 19 characters (38 UTF-16 units), 76 bytes.
      name: "a password of 19 emoji",
      input: { password: "😀".repeat(19) },
      error: { field: "password", code: "too_long", limit: 72, unit: "bytes" },
    },
    {
      // Two bytes each: 37 characters, 74 bytes.
      name: "a password of 37 Cyrillic letters",
      input: { password: "ж".repeat(37) },
      error: { field: "password", code: "too_long", limit: 72, unit: "bytes" },
    },
  ])("$name is refused with a field code", async ({ input, error }) => {
    const { users } = await setUp();

    expect(await users.register({ ...alice, ...input })).toEqual({
      ok: false,
      reason: "invalid",
      errors: [expect.objectContaining(error)],
    });
  });

  it.each([
    { name: "72 ASCII bytes", password: "a".repeat(72) },
    { name: "18 emoji (72 bytes)", password: "😀".repeat(18) },
    { name: "36 Cyrillic letters (72 bytes)", password: "ж".repeat(36) },
  ])("a password of $name is accepted: bcrypt reads all of it", async ({ password }) => {
    const { users } = await setUp();

    const user = unwrap(await users.register({ ...alice, password }));

    expect((await users.authenticate("alice", password))?.id).toBe(user.id);
  });

  it("a username taken in another case is username_taken; an email taken in another case is email_taken", async () => {
    const { users } = await setUp();
    unwrap(await users.register(alice));

    expect(await users.register({ ...alice, username: "ALICE", email: "other@example.com" })).toEqual({
      ok: false,
      reason: "username_taken",
    });
    expect(await users.register({ ...alice, username: "alice2", email: "Alice@Example.COM" })).toEqual({
      ok: false,
      reason: "email_taken",
    });
  });
});

describe("authentication", () => {
  it("a username or email in any case with the right password finds the account", async () => {
    const { users } = await setUp();
    const user = unwrap(await users.register(alice));

    expect((await users.authenticate("ALICE", alice.password))?.id).toBe(user.id);
    expect((await users.authenticate(" alice@example.com ", alice.password))?.id).toBe(user.id);
  });

  it("a login names its account once, by username or email in any case; an unknown name by itself", async () => {
    const { users } = await setUp();
    const user = unwrap(await users.register(alice));

    const keys = await Promise.all(
      ["alice", " ALICE ", "alice@example.com", "Alice@Example.COM"].map(
        async (login) => (await users.startLogin(login)).key,
      ),
    );
    expect(new Set(keys)).toEqual(new Set([`user:${user.id}`]));
    expect((await users.startLogin(" Nobody ")).key).toBe("name:nobody");
    expect((await (await users.startLogin("alice@example.com")).check(alice.password))?.id).toBe(user.id);
    expect(await (await users.startLogin("alice")).check("wrong password")).toBeUndefined();
  });

  it("a wrong password and an unknown user both find nothing", async () => {
    const { users } = await setUp();
    unwrap(await users.register(alice));

    expect(await users.authenticate("alice", "wrong password")).toBeUndefined();
    expect(await users.authenticate("bob", alice.password)).toBeUndefined();
  });

  it("an unknown user still costs a password comparison, so timing does not tell them apart", async () => {
    const checked: Array<string | null> = [];
    const passwords: PasswordHasher = {
      hash: fakePasswords.hash,
      async verify(password, hash) {
        checked.push(hash);
        return fakePasswords.verify(password, hash);
      },
    };
    const clock = movableClock("2026-03-10T12:00:00Z");
    const store = createInMemoryStore({ now: clock.now });
    const core = createCore({
      store,
      clock,
      random: seededRandom(1),
      settings: { backdateDays: 7, limits: accountLimits },
      passwords,
      secrets: fakeSecrets(),
    });

    expect(await core.users.authenticate("nobody", "whatever1")).toBeUndefined();
    expect(checked).toEqual([null]);
  });

  it("a Telegram account without a password cannot log in with one", async () => {
    const { users } = await setUp();
    const { user } = await users.fromTelegram({ id: 5, username: "tg" });
    unwrap(await users.updateProfile(user.id, { username: "tguser" }));

    expect(await users.authenticate("tguser", "any password")).toBeUndefined();
  });
});

describe("changing the password", () => {
  it("with the current password: the new one works and the old one no longer does", async () => {
    const { users } = await setUp();
    const user = unwrap(await users.register(alice));

    expect(await users.changePassword(user.id, alice.password, "new password!")).toEqual({ ok: true, value: true });

    expect((await users.authenticate("alice", "new password!"))?.id).toBe(user.id);
    expect(await users.authenticate("alice", alice.password)).toBeUndefined();
  });

  it("a wrong or missing current password is wrong_password, and the password stays", async () => {
    const { users } = await setUp();
    const user = unwrap(await users.register(alice));

    expect(await users.changePassword(user.id, "not it at all", "new password!")).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    expect(await users.changePassword(user.id, null, "new password!")).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    expect(await users.authenticate("alice", alice.password)).toBeDefined();
  });

  it("a new password that is too short is invalid", async () => {
    const { users } = await setUp();
    const user = unwrap(await users.register(alice));

    expect(await users.changePassword(user.id, alice.password, "short")).toEqual({
      ok: false,
      reason: "invalid",
      errors: [expect.objectContaining({ field: "newPassword", code: "too_short" })],
    });
  });

  it("a new or first password over 72 bytes is refused, and the password stays", async () => {
    const { users } = await setUp();
    const user = unwrap(await users.register(alice));
    const { user: telegramUser } = await users.fromTelegram({ id: 10 });
    const tooLong = {
      ok: false,
      reason: "invalid",
      errors: [{ field: "newPassword", code: "too_long", limit: 72, unit: "bytes" }],
    };

    expect(await users.changePassword(user.id, alice.password, `${"a".repeat(72)}x`)).toEqual(tooLong);
    expect(await users.changePassword(telegramUser.id, null, "😀".repeat(19))).toEqual(tooLong);

    expect((await users.authenticate("alice", alice.password))?.id).toBe(user.id);
    expect((await users.get(telegramUser.id))?.hasPassword).toBe(false);
  });

  it("an account without a password sets its first one without a current password", async () => {
    const { users } = await setUp();
    const { user } = await users.fromTelegram({ id: 9 });
    unwrap(await users.updateProfile(user.id, { username: "tguser" }));

    expect(await users.changePassword(user.id, null, "first password")).toEqual({ ok: true, value: true });
    expect((await users.authenticate("tguser", "first password"))?.id).toBe(user.id);
  });

  it("an unknown user is not_found", async () => {
    const { users } = await setUp();

    expect(await users.changePassword("user-999999", null, "new password!")).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("the profile", () => {
  it("an unknown zone is refused and the zone stays", async () => {
    const { users, user } = await setUp();

    expect(await users.updateProfile(user.id, { timezone: "Mars/Olympus" })).toEqual({
      ok: false,
      reason: "invalid",
      errors: [expect.objectContaining({ field: "timezone", code: "invalid_choice" })],
    });
    expect(await users.updateProfile(user.id, { timezone: "+05:00" })).toMatchObject({ ok: false, reason: "invalid" });
    expect((await users.get(user.id))?.timezone).toBe("UTC");
  });

  it("setting a zone, even UTC, records when it was chosen; other changes do not", async () => {
    const { users, user, clock } = await setUp();
    expect(user.timezoneChosenAt).toBeNull();
    expect(unwrap(await users.updateProfile(user.id, { language: "ru" })).timezoneChosenAt).toBeNull();
    expect(unwrap(await users.updateProfile(user.id, { timezone: "UTC" })).timezoneChosenAt).toEqual(clock.now());
  });

  it("a zone is stored in its canonical spelling", async () => {
    const { users, user } = await setUp();

    expect(unwrap(await users.updateProfile(user.id, { timezone: "europe/berlin" })).timezone).toBe("Europe/Berlin");
    expect((await users.get(user.id))?.timezone).toBe("Europe/Berlin");
  });

  it("a minNoRewardChance below 0.1 is refused; 0.2 is kept, and the other odds stay", async () => {
    const { users, user } = await setUp();

    expect(await users.updateProfile(user.id, { rewardOdds: { minNoRewardChance: 0.05 } })).toEqual({
      ok: false,
      reason: "invalid",
      errors: [expect.objectContaining({ field: "rewardOdds.minNoRewardChance", code: "too_small", limit: 0.1 })],
    });
    const updated = unwrap(await users.updateProfile(user.id, { rewardOdds: { minNoRewardChance: 0.2 } }));
    expect(updated.rewardOdds).toEqual({ noRewardWeight: 10, minNoRewardChance: 0.2, guaranteeLastHabit: true });
  });

  it("a language we do not speak is refused", async () => {
    const { users, user } = await setUp();

    expect(await users.updateProfile(user.id, { language: "de" })).toMatchObject({
      ok: false,
      reason: "invalid",
      errors: [{ field: "language", code: "invalid_choice" }],
    });
    expect(unwrap(await users.updateProfile(user.id, { language: "kk" })).language).toBe("kk");
  });

  it("quiet hours must be HH:MM; valid ones are kept", async () => {
    const { users, user } = await setUp();

    expect(
      await users.updateProfile(user.id, { reminders: { quietHours: { start: "22:00", end: "7:00" } } }),
    ).toMatchObject({ ok: false, errors: [{ field: "reminders.quietHours.end", code: "invalid_format" }] });
    const updated = unwrap(
      await users.updateProfile(user.id, { reminders: { quietHours: { start: "22:00", end: "07:00" } } }),
    );
    expect(updated.reminders).toEqual({
      enabled: true,
      quietHours: { start: "22:00", end: "07:00" },
      summary: { mode: "off", time: "21:00" },
    });
  });

  it("the summary is off at 21:00 by default; a mode from the list and an HH:MM time are kept, each alone", async () => {
    const { users, user } = await setUp();
    expect(user.reminders.summary).toEqual({ mode: "off", time: "21:00" });

    expect(await users.updateProfile(user.id, { reminders: { summary: { mode: "monthly", time: "9:00" } } })).toEqual({
      ok: false,
      reason: "invalid",
      errors: [
        { field: "reminders.summary.mode", code: "invalid_choice", allowed: ["off", "daily", "weekly"] },
        { field: "reminders.summary.time", code: "invalid_format", limit: "HH:MM" },
      ],
    });
    expect((await users.get(user.id))?.reminders.summary).toEqual({ mode: "off", time: "21:00" });

    const daily = unwrap(await users.updateProfile(user.id, { reminders: { summary: { mode: "daily" } } }));
    expect(daily.reminders.summary).toEqual({ mode: "daily", time: "21:00" });
    const later = unwrap(await users.updateProfile(user.id, { reminders: { summary: { time: "22:30" } } }));
    expect(later.reminders).toEqual({ enabled: true, quietHours: null, summary: { mode: "daily", time: "22:30" } });
    // Its own switch: turning habit reminders off leaves the summary as it is.
    const off = unwrap(await users.updateProfile(user.id, { reminders: { enabled: false } }));
    expect(off.reminders.summary).toEqual({ mode: "daily", time: "22:30" });
  });

  it("another account's username is username_taken, case-insensitively", async () => {
    const { users } = await setUp();
    unwrap(await users.register(alice));
    const bob = unwrap(await users.register({ username: "bob", email: "bob@example.com", password: "bob password" }));

    expect(await users.updateProfile(bob.id, { username: "Alice" })).toEqual({ ok: false, reason: "username_taken" });
  });

  it("an unknown user is not_found", async () => {
    const { users } = await setUp();

    expect(await users.updateProfile("user-999999", { name: "X" })).toEqual({ ok: false, reason: "not_found" });
  });

  it("blocking and unblocking the bot is recorded with the time", async () => {
    const { users, user, clock } = await setUp();

    await users.markTelegramBlocked(user.id, true);
    expect((await users.get(user.id))?.telegramBlockedAt).toEqual(clock.now());
    await users.markTelegramBlocked(user.id, false);
    expect((await users.get(user.id))?.telegramBlockedAt).toBeNull();
  });
});

describe("deleting an account", () => {
  it("removes the user and all their data; a second delete is not_found", async () => {
    const f = await setUp();
    const habit = await f.habit();
    const reward = await f.reward();
    unwrap(await f.core.completions.complete({ userId: f.user.id, habitId: habit.id, source: "api" }));
    unwrap(await f.core.rewards.claim(f.user.id, reward.id));
    const other = await f.otherUser();
    const theirs = unwrap(await f.core.habits.create(other.id, { name: "Theirs" }));

    expect(await f.users.delete(f.user.id)).toEqual({ ok: true, value: true });

    expect(await f.users.get(f.user.id)).toBeUndefined();
    expect(await f.store.habits.findById(f.user.id, habit.id)).toBeUndefined();
    expect(await f.store.completions.listForHabit(habit.id)).toEqual([]);
    expect(await f.store.draws.find(habit.id, f.today())).toBeUndefined();
    expect(await f.store.rewards.list(f.user.id)).toEqual([]);
    expect(await f.store.rewards.listClaims(f.user.id)).toEqual([]);
    expect(await f.core.habits.get(other.id, theirs.id)).toBeDefined();
    expect(await f.users.delete(f.user.id)).toEqual({ ok: false, reason: "not_found" });
  });
});
