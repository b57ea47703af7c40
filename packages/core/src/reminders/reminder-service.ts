// Which reminders are due at an instant, over storage, and claiming one before it is sent: what
// the worker's minute tick (and the bot, which sends them) calls. The rule itself is
// dueRemindersOf; this loads what it needs.
import type { Completion } from "../completions/completion.js";
import type { CoreDependencies } from "../core-dependencies.js";
import { fail, ok, type Result } from "../shared/result.js";
import { addDays, type LocalDate, maxDate, minDate } from "../time/local-date.js";
import type { LocalTime } from "../time/local-time.js";
import { periodOf } from "../time/periods.js";
import { localDateAt, localDateTimeAt } from "../time/zone.js";
import type { User } from "../users/user.js";
import { type DueReminder, dueRemindersOf, type ReminderWindow } from "./reminders-due.js";

const nothingClaimed: ReadonlySet<string> = new Set();

/**
 * The dates whose completions decide whether a reminder in a window ending at `until` is still
 * due: the weeks and months of the user's yesterday and today (a window may straddle midnight).
 */
export function reminderCompletionRange(until: Date, timezone: string): { from: LocalDate; to: LocalDate } {
  const today = localDateAt(until, timezone);
  const yesterday = addDays(today, -1);
  return {
    from: minDate(periodOf("week", yesterday).start, periodOf("month", yesterday).start),
    to: maxDate(periodOf("week", today).end, periodOf("month", today).end),
  };
}

export function createReminderService(deps: CoreDependencies) {
  const { store } = deps;

  return {
    /**
     * The reminders due in the window `(after, until]`, not yet claimed: ordered by user id, then
     * habit (createdAt, id), then instant.
     */
    async due(window: ReminderWindow): Promise<DueReminder[]> {
      const candidates = await store.reminders.candidates();
      // With nothing done and nothing claimed the rule can only find more reminders due, never
      // fewer: this first pass keeps the habits with a reminder in the window, so only their
      // users' completions and their claims are loaded (one query per such user, not per user).
      const possible = candidates.filter(
        ({ user, habit }) => dueRemindersOf(user, habit, window, [], nothingClaimed).length > 0,
      );
      if (possible.length === 0) return [];

      const users = new Map<string, User>();
      for (const { user } of possible) users.set(user.id, user);
      const completions = new Map<string, Completion[]>();
      const dates = new Set<LocalDate>();
      for (const user of users.values()) {
        const range = reminderCompletionRange(window.until, user.timezone);
        completions.set(user.id, await store.completions.listForUser(user.id, range));
        const today = localDateAt(window.until, user.timezone);
        dates.add(addDays(today, -1)).add(today);
      }
      const habitIds = possible.map(({ habit }) => habit.id);
      const claimed = await store.reminders.claimedKeys(habitIds, [...dates]);

      return possible.flatMap(({ user, habit }) =>
        dueRemindersOf(user, habit, window, completions.get(user.id) ?? [], claimed),
      );
    },

    /**
     * Claims a due reminder before it is sent. True when this process won the claim and should
     * send it; false when it was claimed already (by another process, or an earlier tick).
     */
    claim(reminder: DueReminder, at: Date): Promise<boolean> {
      const { userId, habitId, date, time } = reminder;
      return store.reminders.claim({ userId, habitId, date, time }, at);
    },

    /**
     * Snooze: the reminder comes again `minutes` later. Kept as a claim of that local time left
     * unsent, its attempt dated at the snooze instant, so the retry pass sends it then (and a
     * restart loses nothing).
     */
    async snooze(
      userId: string,
      habitId: string,
      date: LocalDate,
      minutes = 60,
    ): Promise<Result<{ time: LocalTime }, { reason: "not_found" } | { reason: "already_completed" }>> {
      const user = await store.users.findById(userId);
      const habit = user && (await store.habits.findById(userId, habitId));
      if (!user || !habit) return fail({ reason: "not_found" });
      // Done meanwhile: nothing to remind of.
      if (await store.completions.findByDate(habit.id, date)) return fail({ reason: "already_completed" });
      const at = new Date(deps.clock.now().getTime() + minutes * 60_000);
      const { time } = localDateTimeAt(at, user.timezone);
      await store.reminders.claim({ userId, habitId, date, time }, at);
      return ok({ time });
    },

    /**
     * Skip today: the habit's reminders left on that date are claimed as sent, so none of them
     * comes any more that day (a reminder already claimed, sent or not, is closed too).
     */
    async skipDay(userId: string, habitId: string, date: LocalDate): Promise<Result<true, { reason: "not_found" }>> {
      const habit = await store.habits.findById(userId, habitId);
      if (!habit) return fail({ reason: "not_found" });
      const now = deps.clock.now();
      for (const reminder of habit.reminders) {
        await store.reminders.claim({ userId, habitId, date, time: reminder.time }, now);
        await store.reminders.markSent(habitId, date, reminder.time, now);
      }
      return ok(true);
    },

    /**
     * Claims whose send failed, and snoozes whose time has come: taken for another attempt (at
     * most `maxAttempts` in all, none older than `maxAgeMs`) and returned to be sent. One already
     * done meanwhile is closed instead.
     */
    async retryDue(now: Date, options: { maxAttempts?: number; maxAgeMs?: number } = {}): Promise<DueReminder[]> {
      const maxAttempts = options.maxAttempts ?? 3;
      const oldest = now.getTime() - (options.maxAgeMs ?? 60 * 60_000);
      const retried: DueReminder[] = [];
      for (const claim of await store.reminders.unsent(now, maxAttempts)) {
        if (claim.claimedAt.getTime() < oldest) continue;
        // Someone who blocked the bot gets nothing until they are back (then it has aged out).
        const user = await store.users.findById(claim.userId);
        if (!user || user.telegramBlockedAt !== null) continue;
        if (await store.completions.findByDate(claim.habitId, claim.date)) {
          await store.reminders.markSent(claim.habitId, claim.date, claim.time, now);
          continue;
        }
        if (await store.reminders.retry(claim, now)) {
          const { userId, habitId, date, time } = claim;
          retried.push({ userId, habitId, date, time, at: claim.claimedAt });
        }
      }
      return retried;
    },

    /** Records that a claimed reminder went out. */
    markSent(reminder: Pick<DueReminder, "habitId" | "date" | "time">, at: Date): Promise<void> {
      return store.reminders.markSent(reminder.habitId, reminder.date, reminder.time, at);
    },
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
