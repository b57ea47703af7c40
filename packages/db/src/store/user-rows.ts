// User rows <-> the domain's User. Username and email are kept as given, with lower-cased key
// columns beside them that carry the case-insensitive unique indexes; the Telegram identity, the
// reward odds and the reminder settings are flat columns.
import {
  defaultSummary,
  type Language,
  type NewUser,
  nameKey,
  type SummaryMode,
  type User,
  type UserChanges,
} from "@habits/core";
import type { Prisma, User as UserRow } from "../generated/sqlite/client.ts";

/** The key a username or email is unique by, and found by at login. */
const loginKey = (value: string | null): string | null => (value === null ? null : nameKey(value));

export function toUser(row: UserRow): User {
  const { quietHoursStart: start, quietHoursEnd: end } = row;
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    name: row.name,
    telegram:
      row.telegramId === null
        ? null
        : {
            // Telegram ids fit in 52 bits, so a number holds them exactly.
            id: Number(row.telegramId),
            username: row.telegramUsername,
            firstName: row.telegramFirstName,
            lastName: row.telegramLastName,
          },
    language: row.language as Language,
    timezone: row.timezone,
    timezoneChosenAt: row.timezoneChosenAt,
    rewardOdds: {
      noRewardWeight: row.noRewardWeight,
      minNoRewardChance: row.minNoRewardChance,
      guaranteeLastHabit: row.guaranteeLastReward,
    },
    reminders: {
      enabled: row.remindersEnabled,
      quietHours: start !== null && end !== null ? { start, end } : null,
      // A NULL time is the default one, so changing the default moves every user who never chose.
      summary: { mode: row.summaryMode as SummaryMode, time: row.summaryTime ?? defaultSummary.time },
    },
    hasPassword: row.passwordHash !== null,
    telegramBlockedAt: row.telegramBlockedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function telegramColumns(telegram: NewUser["telegram"]) {
  return {
    telegramId: telegram ? BigInt(telegram.id) : null,
    telegramUsername: telegram?.username ?? null,
    telegramFirstName: telegram?.firstName ?? null,
    telegramLastName: telegram?.lastName ?? null,
  };
}

/** A new user's columns; the rest take the schema's defaults (which are the domain's). */
export function newUserRow(id: string, user: NewUser): Prisma.UserUncheckedCreateInput {
  return {
    id,
    username: user.username ?? null,
    usernameKey: loginKey(user.username ?? null),
    email: user.email ?? null,
    emailKey: loginKey(user.email ?? null),
    passwordHash: user.passwordHash ?? null,
    name: user.name ?? null,
    ...telegramColumns(user.telegram),
    ...(user.language !== undefined && { language: user.language }),
    ...(user.timezone !== undefined && { timezone: user.timezone }),
  };
}

/** The columns a change touches: an undefined field (or sub-field) is left as it is. */
export function userChangeColumns(changes: UserChanges): Prisma.UserUpdateManyMutationInput {
  const { rewardOdds: odds, reminders } = changes;
  const quietHours = reminders?.quietHours;
  const summary = reminders?.summary;
  return {
    ...(changes.username !== undefined && { username: changes.username, usernameKey: loginKey(changes.username) }),
    ...(changes.email !== undefined && { email: changes.email, emailKey: loginKey(changes.email) }),
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.telegram !== undefined && telegramColumns(changes.telegram)),
    ...(changes.language !== undefined && { language: changes.language }),
    ...(changes.timezone !== undefined && { timezone: changes.timezone }),
    ...(changes.timezoneChosenAt !== undefined && { timezoneChosenAt: changes.timezoneChosenAt }),
    ...(odds?.noRewardWeight !== undefined && { noRewardWeight: odds.noRewardWeight }),
    ...(odds?.minNoRewardChance !== undefined && { minNoRewardChance: odds.minNoRewardChance }),
    ...(odds?.guaranteeLastHabit !== undefined && { guaranteeLastReward: odds.guaranteeLastHabit }),
    ...(reminders?.enabled !== undefined && { remindersEnabled: reminders.enabled }),
    ...(quietHours !== undefined && {
      quietHoursStart: quietHours?.start ?? null,
      quietHoursEnd: quietHours?.end ?? null,
    }),
    ...(summary?.mode !== undefined && { summaryMode: summary.mode }),
    ...(summary?.time !== undefined && { summaryTime: summary.time }),
    ...(changes.telegramBlockedAt !== undefined && { telegramBlockedAt: changes.telegramBlockedAt }),
  };
}
