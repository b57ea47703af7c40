// Reminder claims, and the habits reminders may be due for.
import type { Habit } from "../habits/habit.js";
import type { ReminderRepository, UnsentReminderClaim } from "../ports/store.js";
import { reminderKey } from "../reminders/reminders-due.js";
import type { User } from "../users/user.js";
import { toHabit } from "./in-memory-habits.js";
import { byCreatedAtThenId, compareText, notFound, type ReminderClaimRow, type Scope } from "./in-memory-state.js";
import { toUser } from "./in-memory-users.js";

const sameKey = (row: ReminderClaimRow, habitId: string, date: string, time: string) =>
  row.habitId === habitId && row.date === date && row.time === time;

function toUnsent(row: ReminderClaimRow): UnsentReminderClaim {
  return structuredClone({
    userId: row.userId,
    habitId: row.habitId,
    date: row.date,
    time: row.time,
    claimedAt: row.claimedAt,
    attempts: row.attempts,
  });
}

export function createReminderRepository(scope: Scope): ReminderRepository {
  const find = (habitId: string, date: string, time: string) =>
    [...scope.state().reminderClaims.values()].find((row) => sameKey(row, habitId, date, time));

  return {
    async candidates() {
      const state = scope.state();
      const users = new Map<string, User>();
      const found: Array<{ user: User; habit: Habit }> = [];
      const habits = [...state.habits.values()]
        .filter((row) => row.archivedAt === null && row.fields.reminders.length > 0)
        .sort((a, b) => compareText(a.userId, b.userId) || byCreatedAtThenId(a, b));
      for (const row of habits) {
        const owner = state.users.get(row.userId);
        if (!owner?.reminders.enabled || owner.telegramBlockedAt !== null) continue;
        const user = users.get(owner.id) ?? toUser(owner);
        users.set(owner.id, user);
        found.push({ user, habit: toHabit(state, row) });
      }
      return found;
    },

    async claimedKeys(habitIds, dates) {
      const habits = new Set(habitIds);
      const days = new Set(dates);
      const keys = new Set<string>();
      for (const row of scope.state().reminderClaims.values()) {
        if (habits.has(row.habitId) && days.has(row.date)) keys.add(reminderKey(row.habitId, row.date, row.time));
      }
      return keys;
    },

    async claim(reminder, at) {
      const state = scope.state();
      if (!state.users.has(reminder.userId)) throw notFound("user");
      if (state.habits.get(reminder.habitId)?.userId !== reminder.userId) throw notFound("habit");
      if (find(reminder.habitId, reminder.date, reminder.time)) return false;
      const row: ReminderClaimRow = {
        id: scope.newId("reminder-claim"),
        userId: reminder.userId,
        habitId: reminder.habitId,
        date: reminder.date,
        time: reminder.time,
        claimedAt: new Date(at.getTime()),
        sentAt: null,
        attempts: 1,
      };
      state.reminderClaims.set(row.id, row);
      return true;
    },

    async markSent(habitId, date, time, at) {
      const row = find(habitId, date, time);
      if (row) row.sentAt = new Date(at.getTime());
    },

    async unsent(olderThan, maxAttempts) {
      return [...scope.state().reminderClaims.values()]
        .filter((row) => row.sentAt === null && row.claimedAt < olderThan && row.attempts < maxAttempts)
        .sort(
          (a, b) =>
            a.claimedAt.getTime() - b.claimedAt.getTime() ||
            compareText(a.habitId, b.habitId) ||
            compareText(a.date, b.date) ||
            compareText(a.time, b.time),
        )
        .map(toUnsent);
    },

    async retry(claim, at) {
      const row = find(claim.habitId, claim.date, claim.time);
      if (!row || row.sentAt !== null || row.attempts !== claim.attempts) return false;
      row.attempts += 1;
      row.claimedAt = new Date(at.getTime());
      return true;
    },
  };
}
