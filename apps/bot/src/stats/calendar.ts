// The 4-week calendar of 📊 Stats: one row per ISO week (Monday first), one emoji square per day.
// Pure, so every rule of which day shows which square is tested without Telegram.
import {
  addDays,
  isDueDay,
  isoWeekday,
  isWithinRange,
  type LocalDate,
  maxDate,
  minDate,
  periodKindOf,
  periodOf,
  type ScheduleFields,
} from "@habits/core";

const calendarCell = {
  done: "🟩",
  missed: "⬜",
  notDue: "▫️",
  todayDone: "✅",
  todayOpen: "🔲",
} as const;

export interface CalendarInput {
  today: LocalDate;
  /** The first day the habit counts from: its start date, or the day it began. */
  start: LocalDate;
  habit: ScheduleFields;
  /**
   * Dates with a counted completion. For weekly and monthly habits it must cover every period the
   * calendar touches (whole months), since a period's target decides whether its days were missed.
   */
  done: ReadonlySet<LocalDate>;
  /** Rows to draw, the current week last. */
  weeks?: number;
}

/** The days the habit counts on: from its start (or the day it began) to its end, if any. */
type Range = { startDate: LocalDate; endDate: LocalDate | null };

export interface CalendarWeek {
  monday: LocalDate;
  /** Seven squares, Monday to Sunday. */
  cells: string[];
}

/** The Monday of the first row of a calendar of `weeks` rows ending with today's week. */
export function calendarStart(today: LocalDate, weeks = 4): LocalDate {
  return addDays(today, 1 - isoWeekday(today) - (weeks - 1) * 7);
}

/**
 * Today: ✅ done, 🔲 due and not done yet, ▫️ not due (an exempt weekday, outside the habit's range,
 * or a weekly or monthly habit whose period's target is met). Other days: 🟩 done; ⬜ a due day
 * missed; ▫️ not due, outside the habit's range, or still to come. A weekly or monthly habit has no
 * fixed due days: its days count as missed only in a closed period that fell short of its target.
 */
export function drawCalendar(input: CalendarInput): CalendarWeek[] {
  const { today, habit } = input;
  const weeks = input.weeks ?? 4;
  const range: Range = { startDate: maxDate(input.start, habit.startDate ?? input.start), endDate: habit.endDate };
  const rows: CalendarWeek[] = [];
  for (let week = 0; week < weeks; week++) {
    const monday = addDays(calendarStart(today, weeks), week * 7);
    const cells: string[] = [];
    for (let day = 0; day < 7; day++) cells.push(cellOf(addDays(monday, day), input, range));
    rows.push({ monday, cells });
  }
  return rows;
}

function cellOf(date: LocalDate, input: CalendarInput, range: Range): string {
  const { today, done, habit } = input;
  if (date === today) {
    if (done.has(date)) return calendarCell.todayDone;
    return isDueToday(input, range) ? calendarCell.todayOpen : calendarCell.notDue;
  }
  if (done.has(date)) return calendarCell.done;
  if (date > today || !isWithinRange(range, date)) return calendarCell.notDue;
  const kind = periodKindOf(habit);
  if (kind === null) return isDueDay(habit, date) ? calendarCell.missed : calendarCell.notDue;
  const period = periodOf(kind, date);
  // The open period can still reach its target: nothing in it is missed yet.
  if (period.end >= today) return calendarCell.notDue;
  // A period cut short by the habit's range needs no more than its days (the streak rule); with
  // all of them done there is no day left to mark, so the plain target decides the rest.
  return completedIn(period, input, range) >= habit.frequency.timesPerPeriod
    ? calendarCell.notDue
    : calendarCell.missed;
}

/** Counted completions in a period, within the habit's range. */
function completedIn(period: { start: LocalDate; end: LocalDate }, input: CalendarInput, range: Range): number {
  const from = maxDate(period.start, range.startDate);
  const to = range.endDate === null ? period.end : minDate(period.end, range.endDate);
  let completed = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (input.done.has(day)) completed += 1;
  return completed;
}

/** Is the habit (not done today) still to be done today? As Done today decides it. */
function isDueToday(input: CalendarInput, range: Range): boolean {
  const { today, habit } = input;
  if (!isWithinRange(range, today)) return false;
  const kind = periodKindOf(habit);
  if (kind === null) return isDueDay(habit, today);
  return completedIn(periodOf(kind, today), input, range) < habit.frequency.timesPerPeriod;
}

/** The calendar as lines: the squares, then the Monday as `label` writes it (`🟩⬜… Mar 9`). */
export function calendarLines(weeks: readonly CalendarWeek[], label: (monday: LocalDate) => string): string[] {
  return weeks.map((week) => `${week.cells.join("")} ${label(week.monday)}`);
}
