// Weekly habits live in ISO weeks (Monday to Sunday), monthly ones in calendar months.
import { Temporal } from "temporal-polyfill";
import { addDays, isoWeekday, type LocalDate } from "./local-date.js";

export type PeriodKind = "week" | "month";

export interface Period {
  kind: PeriodKind;
  /** First and last date, both included. */
  start: LocalDate;
  end: LocalDate;
}

export function periodOf(kind: PeriodKind, date: LocalDate): Period {
  if (kind === "week") {
    const start = addDays(date, 1 - isoWeekday(date));
    return { kind, start, end: addDays(start, 6) };
  }
  const month = Temporal.PlainYearMonth.from(date.slice(0, 7));
  return {
    kind,
    start: month.toPlainDate({ day: 1 }).toString(),
    end: month.toPlainDate({ day: month.daysInMonth }).toString(),
  };
}

export function nextPeriod(period: Period): Period {
  return periodOf(period.kind, addDays(period.end, 1));
}

export function previousPeriod(period: Period): Period {
  return periodOf(period.kind, addDays(period.start, -1));
}

export function periodLength(period: Period): number {
  return Temporal.PlainDate.from(period.start).until(Temporal.PlainDate.from(period.end)).days + 1;
}

/** The ISO week a date is in, as `2026-W49` (2027-01-01 is in `2026-W53`). */
export function isoWeekKey(date: LocalDate): string {
  const plain = Temporal.PlainDate.from(date);
  return `${plain.yearOfWeek}-W${String(plain.weekOfYear).padStart(2, "0")}`;
}
