import { nameKey } from "../habits/habit.js";
import { type NewUser, UniqueViolation, type UserChanges, type UserRepository } from "../ports/store.js";
import { defaultRewardOdds, defaultSummary, type User } from "../users/user.js";
import { definedOnly, deleteHabits, deleteRewards, type Scope, type State, type UserRow } from "./in-memory-state.js";

const keyOf = (value: string | null | undefined): string | null =>
  value === null || value === undefined ? null : nameKey(value);

/** The unique indexes of User, checked in the order of the schema's columns. */
function checkUnique(state: State, row: UserRow): void {
  const others = [...state.users.values()].filter((other) => other.id !== row.id);
  if (row.usernameKey !== null && others.some((other) => other.usernameKey === row.usernameKey)) {
    throw new UniqueViolation("user_username");
  }
  if (row.emailKey !== null && others.some((other) => other.emailKey === row.emailKey)) {
    throw new UniqueViolation("user_email");
  }
  const telegramId = row.telegram?.id;
  if (telegramId !== undefined && others.some((other) => other.telegram?.id === telegramId)) {
    throw new UniqueViolation("user_telegram");
  }
}

export function toUser(row: UserRow): User {
  return structuredClone({
    id: row.id,
    username: row.username,
    email: row.email,
    name: row.name,
    telegram: row.telegram,
    language: row.language,
    timezone: row.timezone,
    timezoneChosenAt: row.timezoneChosenAt,
    rewardOdds: row.rewardOdds,
    reminders: row.reminders,
    hasPassword: row.passwordHash !== null,
    telegramBlockedAt: row.telegramBlockedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

export function createUserRepository(scope: Scope): UserRepository {
  return {
    async create(user: NewUser) {
      const state = scope.state();
      const now = scope.now();
      const row: UserRow = structuredClone({
        id: "",
        username: user.username ?? null,
        usernameKey: keyOf(user.username),
        email: user.email ?? null,
        emailKey: keyOf(user.email),
        passwordHash: user.passwordHash ?? null,
        passwordChangedAt: null,
        name: user.name ?? null,
        telegram: user.telegram ?? null,
        language: user.language ?? "en",
        timezone: user.timezone ?? "UTC",
        timezoneChosenAt: null,
        rewardOdds: { ...defaultRewardOdds },
        reminders: { enabled: true, quietHours: null, summary: { ...defaultSummary } },
        telegramBlockedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      checkUnique(state, row);
      row.id = scope.newId("user");
      state.users.set(row.id, row);
      return toUser(row);
    },

    async findById(id) {
      const row = scope.state().users.get(id);
      return row && toUser(row);
    },

    async findByTelegramId(telegramId) {
      const row = [...scope.state().users.values()].find((user) => user.telegram?.id === telegramId);
      return row && toUser(row);
    },

    async findByTelegramUsername(username) {
      const key = username.toLowerCase();
      return [...scope.state().users.values()]
        .filter((user) => user.telegram?.username?.toLowerCase() === key)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map(toUser);
    },

    async findByLogin(usernameOrEmail) {
      const key = nameKey(usernameOrEmail);
      const users = [...scope.state().users.values()];
      // A username wins over someone else's identical email (the service's validation keeps them apart).
      const row = users.find((user) => user.usernameKey === key) ?? users.find((user) => user.emailKey === key);
      return row && toUser(row);
    },

    async update(id, changes: UserChanges) {
      const state = scope.state();
      const current = state.users.get(id);
      if (!current) return undefined;
      const next: UserRow = structuredClone(current);
      if (changes.username !== undefined) {
        next.username = changes.username;
        next.usernameKey = keyOf(changes.username);
      }
      if (changes.email !== undefined) {
        next.email = changes.email;
        next.emailKey = keyOf(changes.email);
      }
      if (changes.name !== undefined) next.name = changes.name;
      if (changes.telegram !== undefined) next.telegram = structuredClone(changes.telegram);
      if (changes.language !== undefined) next.language = changes.language;
      if (changes.timezone !== undefined) next.timezone = changes.timezone;
      if (changes.timezoneChosenAt !== undefined) next.timezoneChosenAt = changes.timezoneChosenAt;
      if (changes.rewardOdds) next.rewardOdds = { ...next.rewardOdds, ...definedOnly(changes.rewardOdds) };
      if (changes.reminders) {
        const { summary, ...rest } = changes.reminders;
        next.reminders = structuredClone({
          ...next.reminders,
          ...definedOnly(rest),
          summary: { ...next.reminders.summary, ...definedOnly(summary ?? {}) },
        });
      }
      if (changes.telegramBlockedAt !== undefined) next.telegramBlockedAt = structuredClone(changes.telegramBlockedAt);
      next.updatedAt = scope.now();
      checkUnique(state, next);
      state.users.set(id, next);
      return toUser(next);
    },

    async getPasswordHash(id) {
      return scope.state().users.get(id)?.passwordHash ?? null;
    },

    async setPasswordHash(id, passwordHash, changedAt) {
      const row = scope.state().users.get(id);
      if (!row) return; // an UPDATE that matches no row
      row.passwordHash = passwordHash;
      row.passwordChangedAt = new Date(changedAt.getTime());
      row.updatedAt = scope.now();
    },

    async delete(id) {
      const state = scope.state();
      if (!state.users.delete(id)) return false;
      const owned = <T extends { userId: string }>(rows: Map<string, T>) =>
        new Set([...rows].filter(([, row]) => row.userId === id).map(([key]) => key));
      deleteHabits(state, owned(state.habits));
      deleteRewards(state, owned(state.rewards));
      for (const table of [
        state.tags,
        state.completions,
        state.draws,
        state.progress,
        state.claims,
        state.reminderClaims,
        state.summaryClaims,
        state.loginCodes,
        state.apiKeys,
      ]) {
        for (const key of owned<{ userId: string }>(table)) table.delete(key);
      }
      const families = owned(state.sessionFamilies);
      for (const key of families) state.sessionFamilies.delete(key);
      for (const [key, token] of state.refreshTokens) if (families.has(token.familyId)) state.refreshTokens.delete(key);
      return true;
    },

    async lock() {
      // Transactions already run one at a time, so there is nothing to hold.
      scope.state();
    },
  };
}
