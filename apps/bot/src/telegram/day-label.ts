import type { LocalDate } from "@habits/core";

/**
 * A local date in the person's language: "Mon, Mar 9" (short) or "Monday, March 9" (long). Intl
 * knows every language we speak; the date is read at noon UTC so no zone can move it a day.
 */
export function dayLabel(language: string, date: LocalDate, style: "short" | "long" = "short"): string {
  return new Intl.DateTimeFormat(language, {
    weekday: style,
    day: "numeric",
    month: style,
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}
