import type { LocalDate } from "@habits/core";

/** A local date read at noon UTC, so no zone can move it a day. */
const noon = (date: LocalDate) => new Date(`${date}T12:00:00Z`);

/**
 * A local date in the person's language: "Mon, Mar 9" (short) or "Monday, March 9" (long). Intl
 * knows every language we speak.
 */
export function dayLabel(language: string, date: LocalDate, style: "short" | "long" = "short"): string {
  return new Intl.DateTimeFormat(language, {
    weekday: style,
    day: "numeric",
    month: style,
    timeZone: "UTC",
  }).format(noon(date));
}

/** A date with its year, for lists that reach back: "Dec 1, 2026", "1 дек. 2026 г.". */
export function dateLabel(language: string, date: LocalDate): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(noon(date));
}

/** Day and month, short: "Mar 9", "9 мар.", "9 нау." (the stats calendar's week labels). */
export function monthDayLabel(language: string, date: LocalDate): string {
  return new Intl.DateTimeFormat(language, { day: "numeric", month: "short", timeZone: "UTC" }).format(noon(date));
}
