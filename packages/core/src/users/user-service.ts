// Accounts: made from a Telegram profile on /start, or registered with a username, email and
// password; settings (language, zone, reward odds, reminders); deletion with all their data.
import type { CoreDependencies } from "../core-dependencies.js";
import type { PasswordHasher } from "../ports/password-hasher.js";
import { type UniqueRule, UniqueViolation, type UserChanges } from "../ports/store.js";
import { fail, ok, type Result } from "../shared/result.js";
import { type FieldError, FieldErrors, type Invalid } from "../shared/validation.js";
import { isLocalTime } from "../time/local-time.js";
import { canonicalTimeZone, isTimeZone } from "../time/zone.js";
import { type Language, languages, type SummaryMode, summaryModes, type User } from "./user.js";

export interface TelegramProfile {
  id: number;
  username?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  /** Telegram's IETF tag (`ru`, `en-GB`); the account's language when we speak it. */
  languageCode?: string | undefined;
}

export interface RegistrationInput {
  username: string;
  email: string;
  password: string;
  name?: string | null;
}

export interface ProfileInput {
  username?: string | null;
  email?: string | null;
  name?: string | null;
  language?: string;
  timezone?: string;
  rewardOdds?: { noRewardWeight?: number; minNoRewardChance?: number; guaranteeLastHabit?: boolean };
  reminders?: {
    enabled?: boolean;
    quietHours?: { start: string; end: string } | null;
    summary?: { mode?: string; time?: string };
  };
}

/** A login whose account was looked up and whose password is not checked yet (`startLogin`). */
export interface LoginAttempt {
  /** Names the account the attempt is for, as the login limits count it. */
  key: string;
  /** The account when the password is its password; undefined otherwise. */
  check(password: string): Promise<User | undefined>;
}

export type AccountConflict = { reason: "username_taken" } | { reason: "email_taken" } | { reason: "telegram_taken" };

const conflictFor: Partial<Record<UniqueRule, AccountConflict>> = {
  user_username: { reason: "username_taken" },
  user_email: { reason: "email_taken" },
  user_telegram: { reason: "telegram_taken" },
};

/**
 * A password is 8 characters to 72 bytes of UTF-8: bcrypt reads only its first 72 bytes, so a
 * longer one would log in with anything after them. Refused rather than pre-hashed (docs/domain.md).
 */
export const passwordLimits = { min: 8, maxBytes: 72 };

const utf8 = new TextEncoder();

/** The language we speak closest to Telegram's code; English otherwise. */
export function languageFrom(code: string | undefined): Language {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return (languages as readonly string[]).includes(base ?? "") ? (base as Language) : "en";
}

export function createUserService(deps: CoreDependencies & { passwords: PasswordHasher }) {
  const { store } = deps;

  async function guardConflicts<T>(write: () => Promise<T>): Promise<Result<T, AccountConflict>> {
    try {
      return ok(await write());
    } catch (error) {
      const conflict = error instanceof UniqueViolation ? conflictFor[error.rule] : undefined;
      if (conflict) return fail(conflict);
      throw error;
    }
  }

  /**
   * A login by username or email, found before its password is checked, so the login limits can
   * count an account once however it is named (`key`: the account's id; for a name no account
   * has, the name lower-cased, so an unknown name counts like an account and the limits reveal
   * nothing). `check` then compares the password, spending a real comparison for an unknown name.
   */
  async function startLogin(login: string): Promise<LoginAttempt> {
    const name = login.trim();
    const user = await store.users.findByLogin(name);
    return {
      key: user ? `user:${user.id}` : `name:${name.toLowerCase()}`,
      async check(password) {
        const hash = user ? await store.users.getPasswordHash(user.id) : null;
        const matches = await deps.passwords.verify(password, hash);
        return user && matches ? user : undefined;
      },
    };
  }

  return {
    /** The account of a Telegram user, created on first contact. */
    async fromTelegram(profile: TelegramProfile): Promise<{ user: User; created: boolean }> {
      const existing = await store.users.findByTelegramId(profile.id);
      if (existing) return { user: existing, created: false };
      const created = await guardConflicts(() =>
        store.users.create({
          telegram: {
            id: profile.id,
            username: profile.username ?? null,
            firstName: profile.firstName ?? null,
            lastName: profile.lastName ?? null,
          },
          name: [profile.firstName, profile.lastName].filter(Boolean).join(" ") || null,
          language: languageFrom(profile.languageCode),
        }),
      );
      if (created.ok) return { user: created.value, created: true };
      // Two first messages raced: the other one created the account.
      const raced = await store.users.findByTelegramId(profile.id);
      if (!raced) throw new Error("telegram account vanished during creation");
      return { user: raced, created: false };
    },

    /**
     * The account of a Telegram user, without creating one: by id, or by the username last seen
     * (`@` optional, any case). A username that several accounts carry (a stale one) finds none.
     */
    async findByTelegram(who: { id: number } | { username: string }): Promise<User | undefined> {
      if ("id" in who) return store.users.findByTelegramId(who.id);
      const username = who.username.trim().replace(/^@/, "");
      if (!/^\w{1,64}$/.test(username)) return undefined;
      const found = await store.users.findByTelegramUsername(username);
      return found.length === 1 ? found[0] : undefined;
    },

    async register(input: RegistrationInput): Promise<Result<User, Invalid | AccountConflict>> {
      const errors = new FieldErrors();
      const username = input.username.trim();
      const email = input.email.trim();
      checkUsername(errors, username);
      checkEmail(errors, email);
      checkPassword(errors, "password", input.password);
      const name = input.name?.trim() || null;
      errors.text("name", name, { max: 100 });
      if (!errors.isEmpty) return fail({ reason: "invalid", errors: errors.errors });
      const passwordHash = await deps.passwords.hash(input.password);
      return guardConflicts(() => store.users.create({ username, email, passwordHash, name }));
    },

    startLogin,

    /** The account matching a username or email and password; undefined when either is wrong. */
    async authenticate(login: string, password: string): Promise<User | undefined> {
      return (await startLogin(login)).check(password);
    },

    async changePassword(
      userId: string,
      current: string | null,
      next: string,
    ): Promise<Result<true, Invalid | { reason: "not_found" } | { reason: "wrong_password" }>> {
      const user = await store.users.findById(userId);
      if (!user) return fail({ reason: "not_found" });
      const errors = new FieldErrors();
      checkPassword(errors, "newPassword", next);
      if (!errors.isEmpty) return fail({ reason: "invalid", errors: errors.errors });
      const hash = await store.users.getPasswordHash(userId);
      if (hash !== null && !(current !== null && (await deps.passwords.verify(current, hash)))) {
        return fail({ reason: "wrong_password" });
      }
      await store.users.setPasswordHash(userId, await deps.passwords.hash(next), deps.clock.now());
      return ok(true);
    },

    get(userId: string): Promise<User | undefined> {
      return store.users.findById(userId);
    },

    async updateProfile(
      userId: string,
      input: ProfileInput,
    ): Promise<Result<User, Invalid | AccountConflict | { reason: "not_found" }>> {
      const changes = validateProfile(input, deps.clock.now());
      if (!changes.ok) return changes;
      const updated = await guardConflicts(() => store.users.update(userId, changes.value));
      if (!updated.ok) return updated;
      return updated.value ? ok(updated.value) : fail({ reason: "not_found" });
    },

    /** Telegram refused a message (403): no sends until the user writes again. */
    async markTelegramBlocked(userId: string, blocked: boolean): Promise<void> {
      await store.users.update(userId, { telegramBlockedAt: blocked ? deps.clock.now() : null });
    },

    /** Deletes the account and everything it owns. */
    async delete(userId: string): Promise<Result<true, { reason: "not_found" }>> {
      return (await store.users.delete(userId)) ? ok(true) : fail({ reason: "not_found" });
    },
  };
}

function checkUsername(errors: FieldErrors, username: string): void {
  errors.text("username", username, { min: 3, max: 32, required: true });
  if (username && !/^[A-Za-z0-9_.-]+$/.test(username)) errors.add({ field: "username", code: "invalid_format" });
}

function checkEmail(errors: FieldErrors, email: string): void {
  errors.text("email", email, { max: 254, required: true });
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.add({ field: "email", code: "invalid_format" });
}

function checkPassword(errors: FieldErrors, field: string, password: string): void {
  if ([...password].length < passwordLimits.min) errors.add({ field, code: "too_short", limit: passwordLimits.min });
  if (utf8.encode(password).length > passwordLimits.maxBytes)
    errors.add({ field, code: "too_long", limit: passwordLimits.maxBytes, unit: "bytes" });
}

function validateProfile(input: ProfileInput, now: Date): Result<UserChanges, Invalid> {
  const errors = new FieldErrors();
  const changes: UserChanges = {};
  if (input.username !== undefined) {
    const username = input.username?.trim() || null;
    if (username !== null) checkUsername(errors, username);
    changes.username = username;
  }
  if (input.email !== undefined) {
    const email = input.email?.trim() || null;
    if (email !== null) checkEmail(errors, email);
    changes.email = email;
  }
  if (input.name !== undefined) {
    changes.name = input.name?.trim() || null;
    errors.text("name", changes.name, { max: 100 });
  }
  if (input.language !== undefined) {
    errors.choice("language", input.language, languages);
    changes.language = input.language as Language;
  }
  if (input.timezone !== undefined) {
    if (isTimeZone(input.timezone)) {
      changes.timezone = canonicalTimeZone(input.timezone);
      changes.timezoneChosenAt = now;
    } else errors.add({ field: "timezone", code: "invalid_choice" });
  }
  if (input.rewardOdds) {
    const odds = input.rewardOdds;
    if (odds.noRewardWeight !== undefined)
      errors.number("rewardOdds.noRewardWeight", odds.noRewardWeight, { min: 0, max: 1000 });
    if (odds.minNoRewardChance !== undefined) {
      // The 10 % floor is the rule; a user may only keep more of their completions reward-free.
      errors.number("rewardOdds.minNoRewardChance", odds.minNoRewardChance, { min: 0.1, max: 1 });
    }
    changes.rewardOdds = odds;
  }
  if (input.reminders) {
    const quiet = input.reminders.quietHours;
    const quietErrors: FieldError[] = [];
    if (quiet) {
      if (!isLocalTime(quiet.start))
        quietErrors.push({ field: "reminders.quietHours.start", code: "invalid_format", limit: "HH:MM" });
      if (!isLocalTime(quiet.end))
        quietErrors.push({ field: "reminders.quietHours.end", code: "invalid_format", limit: "HH:MM" });
    }
    for (const error of quietErrors) errors.add(error);
    const { summary, ...rest } = input.reminders;
    changes.reminders = rest;
    if (summary) {
      if (summary.mode !== undefined) errors.choice("reminders.summary.mode", summary.mode, summaryModes);
      if (summary.time !== undefined && !isLocalTime(summary.time))
        errors.add({ field: "reminders.summary.time", code: "invalid_format", limit: "HH:MM" });
      changes.reminders.summary = { mode: summary.mode as SummaryMode | undefined, time: summary.time };
    }
  }
  if (!errors.isEmpty) return fail({ reason: "invalid", errors: errors.errors });
  return ok(changes);
}
