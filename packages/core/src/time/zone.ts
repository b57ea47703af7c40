import { Temporal } from "temporal-polyfill";
import type { LocalDate } from "./local-date.js";
import type { LocalTime } from "./local-time.js";

/**
 * True for a zone the IANA database knows (`Europe/Berlin`, `UTC`), checked by the same library
 * that computes local dates; offsets (`+05:00`) are refused.
 */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    zoneId(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's canonical spelling (`europe/berlin` → `Europe/Berlin`), keeping the name chosen: not
 * Intl's `resolvedOptions()`, which on some runtimes swaps a current name for an old alias
 * (`Asia/Kathmandu` → `Asia/Katmandu`, `Europe/Kyiv` → `Europe/Kiev`, `Asia/Kolkata` → `Asia/Calcutta`).
 */
export function canonicalTimeZone(zone: string): string {
  return zoneId(zone);
}

function zoneId(zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId;
}

/** The local date in `zone` at `instant`: the user's "today" when the instant is now. */
export function localDateAt(instant: Date, zone: string): LocalDate {
  return toZoned(instant, zone).toPlainDate().toString();
}

/** The local date and time of day (`HH:MM`) in `zone` at `instant`. */
export function localDateTimeAt(instant: Date, zone: string): { date: LocalDate; time: LocalTime } {
  const zoned = toZoned(instant, zone);
  return { date: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString().slice(0, 5) };
}

/**
 * The instant of a local date and time in `zone`. A time skipped by a DST change (02:30 on the
 * spring-forward day) moves forward by the gap; a repeated one (the autumn hour) takes the first.
 */
export function instantOf(date: LocalDate, time: LocalTime, zone: string): Date {
  const zoned = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone, { disambiguation: "compatible" });
  return new Date(zoned.epochMilliseconds);
}

function toZoned(instant: Date, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone);
}
