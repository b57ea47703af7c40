// Weekday sets are stored as comma-separated ISO weekdays ("6,7"; "" for none), the same text on
// SQLite and PostgreSQL; the domain uses arrays. Order is kept as given.
import type { IsoWeekday } from "@habits/core";

export const weekdaysToText = (weekdays: readonly IsoWeekday[]): string => weekdays.join(",");

export const weekdaysFromText = (text: string): IsoWeekday[] =>
  text === "" ? [] : text.split(",").map((day) => Number(day) as IsoWeekday);
