// Which summaries are due in a window of time. A daily summary goes at its local time in the
// user's current zone and covers that local day; a weekly one goes on Sundays at its time and
// covers that ISO week. Quiet hours and the habit-reminder switch do not touch it (it has its own
// switch and its own chosen time); a user who blocked the bot gets none; never twice per period.
import type { SummaryKind, SummaryToClaim } from "../ports/store.js";
import type { ReminderWindow } from "../reminders/reminders-due.js";
import { addDays, isoWeekday, type LocalDate } from "../time/local-date.js";
import { isoWeekKey } from "../time/periods.js";
import { instantOf, localDateAt } from "../time/zone.js";
import type { User } from "../users/user.js";

export interface DueSummary extends SummaryToClaim {
  /** The local date it is sent on: the day a daily one covers, the Sunday ending a weekly one's week. */
  date: LocalDate;
  /** The instant it was meant for. */
  at: Date;
}

/** The claim key of a summary: one send per user, kind and period. */
export const summaryKey = (userId: string, kind: SummaryKind, period: string) => `${userId}|${kind}|${period}`;

/** The period a summary sent on `date` covers: the date itself, or its ISO week (`2026-W49`). */
export function summaryPeriodOf(kind: SummaryKind, date: LocalDate): string {
  return kind === "daily" ? date : isoWeekKey(date);
}

/**
 * The user's summary whose instant falls in the window `(after, until]`, unless its period was
 * claimed already (`claimed` holds summaryKey values). At most one: a window is minutes long.
 */
export function dueSummaryOf(user: User, window: ReminderWindow, claimed: ReadonlySet<string>): DueSummary[] {
  const { mode, time } = user.reminders.summary;
  if (mode === "off" || user.telegramBlockedAt !== null) return [];
  const today = localDateAt(window.until, user.timezone);
  const due: DueSummary[] = [];
  // The window may straddle local midnight: yesterday's late summary can still fall in it.
  for (const date of [addDays(today, -1), today]) {
    if (mode === "weekly" && isoWeekday(date) !== 7) continue;
    const at = instantOf(date, time, user.timezone);
    if (at <= window.after || at > window.until) continue;
    const period = summaryPeriodOf(mode, date);
    if (claimed.has(summaryKey(user.id, mode, period))) continue;
    due.push({ userId: user.id, kind: mode, period, date, at });
  }
  return due;
}
