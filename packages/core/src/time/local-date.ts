// A habit day is a local calendar date, `YYYY-MM-DD`, in the user's zone: never a server date or a
// UTC midnight. Strings sort and compare like the dates they name.
import { Temporal } from "temporal-polyfill";

export type LocalDate = string;
/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const shape = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-29 is not). */
export function isLocalDate(value: string): value is LocalDate {
  if (!shape.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" }).toString() === value;
  } catch {
    return false;
  }
}

const plain = (date: LocalDate) => Temporal.PlainDate.from(date);

export function addDays(date: LocalDate, days: number): LocalDate {
  return plain(date).add({ days }).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return plain(from).until(plain(to), { largestUnit: "days" }).days;
}

export function isoWeekday(date: LocalDate): IsoWeekday {
  return plain(date).dayOfWeek as IsoWeekday;
}

/** Every date from `from` to `to`, both included (empty when `to` < `from`). */
export function eachDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}
