// Reminder claims (ReminderClaim rows, unique on habit, date and time), and the habits reminders
// may be due for.
import { randomUUID } from "node:crypto";
import {
  type Habit,
  type ReminderRepository,
  reminderKey,
  UniqueViolation,
  type UnsentReminderClaim,
  type User,
} from "@habits/core";
import { habitInclude, toHabit } from "./habit-rows.js";
import { requireOwnHabit } from "./ownership.js";
import type { StoreScope } from "./scope.js";
import { toUser } from "./user-rows.js";

/** Binary string order, the same on every database and in the in-memory store. */
const compareText = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

/** Habit ids per claimedKeys query: far below SQLite's limit on bound parameters. */
const idsPerQuery = 500;

export function reminderRepository(scope: StoreScope): ReminderRepository {
  const { db } = scope;
  return {
    async candidates() {
      // Every active habit with a reminder, on every tick. HabitReminder.nextDueAt (indexed) can
      // narrow this to the reminders due soon once something keeps it up to date.
      const rows = await db.habit.findMany({
        where: {
          archivedAt: null,
          reminders: { some: {} },
          user: { remindersEnabled: true, telegramBlockedAt: null },
        },
        include: { ...habitInclude, user: true },
        orderBy: [{ userId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      });
      // Sorted again in code: a PostgreSQL collation must not reorder the user ids.
      rows.sort(
        (a, b) =>
          compareText(a.userId, b.userId) || a.createdAt.getTime() - b.createdAt.getTime() || compareText(a.id, b.id),
      );
      const users = new Map<string, User>();
      return rows.map(({ user: userRow, ...habitRow }): { user: User; habit: Habit } => {
        const user = users.get(userRow.id) ?? toUser(userRow);
        users.set(userRow.id, user);
        return { user, habit: toHabit(habitRow) };
      });
    },

    async claimedKeys(habitIds, dates) {
      const keys = new Set<string>();
      if (dates.length === 0) return keys;
      const ids = [...new Set(habitIds)];
      for (let start = 0; start < ids.length; start += idsPerQuery) {
        const rows = await db.reminderClaim.findMany({
          where: { habitId: { in: ids.slice(start, start + idsPerQuery) }, date: { in: [...new Set(dates)] } },
          select: { habitId: true, date: true, time: true },
        });
        for (const row of rows) keys.add(reminderKey(row.habitId, row.date, row.time));
      }
      return keys;
    },

    async claim(reminder, at) {
      try {
        await scope.write(async (tx) => {
          await requireOwnHabit(tx, reminder.userId, reminder.habitId);
          await tx.reminderClaim.create({
            data: {
              id: randomUUID(),
              userId: reminder.userId,
              habitId: reminder.habitId,
              date: reminder.date,
              time: reminder.time,
              claimedAt: at,
              attempts: 1,
            },
          });
        });
        return true;
      } catch (error) {
        // Another process (or an earlier tick) claimed it first: the unique index decided.
        if (error instanceof UniqueViolation && error.rule === "reminder_claim") return false;
        throw error;
      }
    },

    async markSent(habitId, date, time, at) {
      await scope.write((tx) => tx.reminderClaim.updateMany({ where: { habitId, date, time }, data: { sentAt: at } }));
    },

    async unsent(olderThan, maxAttempts) {
      const rows = await db.reminderClaim.findMany({
        where: { sentAt: null, claimedAt: { lt: olderThan }, attempts: { lt: maxAttempts } },
        select: { userId: true, habitId: true, date: true, time: true, claimedAt: true, attempts: true },
        orderBy: [{ claimedAt: "asc" }, { habitId: "asc" }, { date: "asc" }, { time: "asc" }],
      });
      return rows.sort(
        (a, b) =>
          a.claimedAt.getTime() - b.claimedAt.getTime() ||
          compareText(a.habitId, b.habitId) ||
          compareText(a.date, b.date) ||
          compareText(a.time, b.time),
      ) satisfies UnsentReminderClaim[];
    },

    async retry(claim, at) {
      // A compare-and-set: of two processes retrying the same claim, the second matches no row.
      const { count } = await scope.write((tx) =>
        tx.reminderClaim.updateMany({
          where: { habitId: claim.habitId, date: claim.date, time: claim.time, sentAt: null, attempts: claim.attempts },
          data: { attempts: { increment: 1 }, claimedAt: at },
        }),
      );
      return count > 0;
    },
  };
}
