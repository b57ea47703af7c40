// Which reminders are due in a window of time. A reminder fires at its local time in the user's
// current zone, only while the habit is due and not yet done that day, never inside quiet hours,
// never twice for one habit, date and time, never for archived habits or users who turned
// reminders off or blocked the bot.
import type { Completion } from "../completions/completion.js";
import { isStillDue } from "../completions/completion-service.js";
import type { Habit } from "../habits/habit.js";
import { addDays, isoWeekday, type LocalDate } from "../time/local-date.js";
import { type LocalTime, minutesOf } from "../time/local-time.js";
import { instantOf, localDateAt } from "../time/zone.js";
import type { User } from "../users/user.js";

export interface DueReminder {
  userId: string;
  habitId: string;
  date: LocalDate;
  time: LocalTime;
  /** The instant it was meant for. */
  at: Date;
}

export interface ReminderWindow {
  /** Exclusive: reminders at or before it were handled by an earlier tick. */
  after: Date;
  until: Date;
}

/** The claim key of a reminder: one send per habit, local date and time. */
export const reminderKey = (habitId: string, date: LocalDate, time: LocalTime) => `${habitId}|${date}|${time}`;

export function isQuietTime(quiet: User["reminders"]["quietHours"], time: LocalTime): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const [start, end, at] = [minutesOf(quiet.start), minutesOf(quiet.end), minutesOf(time)];
  // 22:00–07:00 wraps midnight.
  return start < end ? at >= start && at < end : at >= start || at < end;
}

/**
 * The user's reminders for `habit` whose instant falls in the window. `completions` must hold the
 * habit's completions of the weeks and months of yesterday and today (`reminderCompletionRange`);
 * `claimed` the keys already claimed.
 */
export function dueRemindersOf(
  user: User,
  habit: Habit,
  window: ReminderWindow,
  completions: readonly Completion[],
  claimed: ReadonlySet<string>,
): DueReminder[] {
  if (!user.reminders.enabled || user.telegramBlockedAt !== null || habit.archivedAt !== null) return [];
  const today = localDateAt(window.until, user.timezone);
  const due: DueReminder[] = [];
  // The window may straddle local midnight: yesterday's late reminders can still fall in it.
  for (const date of [addDays(today, -1), today]) {
    for (const reminder of habit.reminders) {
      if (reminder.weekdays.length > 0 && !reminder.weekdays.includes(isoWeekday(date))) continue;
      const at = instantOf(date, reminder.time, user.timezone);
      if (at <= window.after || at > window.until) continue;
      if (isQuietTime(user.reminders.quietHours, reminder.time)) continue;
      if (claimed.has(reminderKey(habit.id, date, reminder.time))) continue;
      if (!isStillDue(habit, date, completions)) continue;
      due.push({ userId: user.id, habitId: habit.id, date, time: reminder.time, at });
    }
  }
  return due;
}
