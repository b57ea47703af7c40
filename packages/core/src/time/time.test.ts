// Local dates, periods and zones. Instants are fixed UTC strings: nothing here reads the clock.
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, eachDate, isLocalDate, isoWeekday, maxDate, minDate } from "./local-date.js";
import { isLocalTime, minutesOf } from "./local-time.js";
import { isoWeekKey, nextPeriod, type PeriodKind, periodLength, periodOf, previousPeriod } from "./periods.js";
import { canonicalTimeZone, instantOf, isTimeZone, localDateAt, localDateTimeAt } from "./zone.js";

describe("isLocalDate", () => {
  it.each([
    ["Feb 29 of a leap year", "2028-02-29"],
    ["Feb 29 of a century leap year", "2000-02-29"],
    ["the last day of the year", "2026-12-31"],
    ["the first day of the year", "2027-01-01"],
    ["a 31st in a 31-day month", "2026-05-31"],
  ])("accepts %s (%s)", (_name, value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each([
    ["Feb 29 of a common year", "2026-02-29"],
    ["Feb 29 of a century common year", "2100-02-29"],
    ["Feb 30", "2028-02-30"],
    ["April 31", "2026-04-31"],
    ["month 13", "2026-13-01"],
    ["month 00", "2026-00-10"],
    ["day 00", "2026-06-00"],
    ["unpadded month and day", "2026-6-1"],
    ["no separators", "20260601"],
    ["slashes", "2026/06/01"],
    ["a date and time", "2026-06-01T00:00"],
    ["a leading space", " 2026-06-01"],
    ["a trailing newline", "2026-06-01\n"],
    ["an expanded year", "+002026-06-01"],
    ["the empty string", ""],
    ["words", "today"],
  ])("rejects %s (%j)", (_name, value) => {
    expect(isLocalDate(value)).toBe(false);
  });
});

describe("calendar arithmetic", () => {
  it.each<{ name: string; date: string; days: number; expected: string }>([
    { name: "onto the Berlin spring-forward day", date: "2026-03-28", days: 1, expected: "2026-03-29" },
    { name: "off the Berlin spring-forward day (23 hours long)", date: "2026-03-29", days: 1, expected: "2026-03-30" },
    { name: "off the Berlin fall-back day (25 hours long)", date: "2026-10-25", days: 1, expected: "2026-10-26" },
    { name: "back across the fall-back day", date: "2026-10-26", days: -1, expected: "2026-10-25" },
    { name: "over the year end", date: "2026-12-31", days: 1, expected: "2027-01-01" },
    { name: "back over the year end", date: "2027-01-01", days: -1, expected: "2026-12-31" },
    { name: "onto Feb 29 of a leap year", date: "2028-02-28", days: 1, expected: "2028-02-29" },
    { name: "past Feb 28 of a common year", date: "2027-02-28", days: 1, expected: "2027-03-01" },
    { name: "a common year of days", date: "2026-01-01", days: 365, expected: "2027-01-01" },
    { name: "a leap year of days", date: "2028-01-01", days: 366, expected: "2029-01-01" },
    { name: "zero days", date: "2026-06-01", days: 0, expected: "2026-06-01" },
  ])("addDays $name", ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each<{ name: string; from: string; to: string; expected: number }>([
    { name: "across the Berlin spring-forward day", from: "2026-03-28", to: "2026-03-30", expected: 2 },
    { name: "across the Berlin fall-back day", from: "2026-10-24", to: "2026-10-26", expected: 2 },
    { name: "over the year end", from: "2026-12-31", to: "2027-01-01", expected: 1 },
    { name: "backwards over the year end", from: "2027-01-01", to: "2026-12-31", expected: -1 },
    { name: "through a leap February", from: "2028-02-01", to: "2028-03-01", expected: 29 },
    { name: "through a common February", from: "2027-02-01", to: "2027-03-01", expected: 28 },
    { name: "from a date to itself", from: "2026-06-01", to: "2026-06-01", expected: 0 },
    { name: "over several years", from: "2026-01-01", to: "2030-01-01", expected: 365 * 4 + 1 },
  ])("daysBetween $name", ({ from, to, expected }) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it("isoWeekday numbers Monday 1 to Sunday 7", () => {
    expect(eachDate("2026-06-01", "2026-06-08").map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7, 1]);
  });

  it("eachDate includes both ends and is empty when reversed", () => {
    expect(eachDate("2028-02-28", "2028-03-01")).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
    expect(eachDate("2026-06-01", "2026-06-01")).toEqual(["2026-06-01"]);
    expect(eachDate("2026-06-02", "2026-06-01")).toEqual([]);
  });

  it("minDate and maxDate compare dates", () => {
    expect(minDate("2026-12-31", "2027-01-01")).toBe("2026-12-31");
    expect(maxDate("2026-12-31", "2027-01-01")).toBe("2027-01-01");
  });
});

describe("periods", () => {
  it.each<{ name: string; kind: PeriodKind; date: string; start: string; end: string; length: number }>([
    {
      name: "a Monday starts its ISO week",
      kind: "week",
      date: "2026-06-08",
      start: "2026-06-08",
      end: "2026-06-14",
      length: 7,
    },
    {
      name: "a Sunday ends its ISO week",
      kind: "week",
      date: "2026-06-07",
      start: "2026-06-01",
      end: "2026-06-07",
      length: 7,
    },
    {
      name: "New Year 2027 is in ISO week 53 of 2026",
      kind: "week",
      date: "2027-01-01",
      start: "2026-12-28",
      end: "2027-01-03",
      length: 7,
    },
    {
      name: "New Year 2026 is in a week starting in 2025",
      kind: "week",
      date: "2026-01-01",
      start: "2025-12-29",
      end: "2026-01-04",
      length: 7,
    },
    {
      name: "the week of the Berlin spring-forward day",
      kind: "week",
      date: "2026-03-29",
      start: "2026-03-23",
      end: "2026-03-29",
      length: 7,
    },
    { name: "a leap February", kind: "month", date: "2028-02-10", start: "2028-02-01", end: "2028-02-29", length: 29 },
    { name: "Feb 29 itself", kind: "month", date: "2028-02-29", start: "2028-02-01", end: "2028-02-29", length: 29 },
    {
      name: "a common February",
      kind: "month",
      date: "2027-02-28",
      start: "2027-02-01",
      end: "2027-02-28",
      length: 28,
    },
    { name: "a 30-day month", kind: "month", date: "2026-04-01", start: "2026-04-01", end: "2026-04-30", length: 30 },
    { name: "December", kind: "month", date: "2026-12-31", start: "2026-12-01", end: "2026-12-31", length: 31 },
  ])("periodOf: $name", ({ kind, date, start, end, length }) => {
    const period = periodOf(kind, date);
    expect(period).toEqual({ kind, start, end });
    expect(periodLength(period)).toBe(length);
  });

  it("nextPeriod and previousPeriod step over the year end", () => {
    const week53 = periodOf("week", "2026-12-31");
    expect(nextPeriod(week53)).toEqual({ kind: "week", start: "2027-01-04", end: "2027-01-10" });
    expect(previousPeriod(week53)).toEqual({ kind: "week", start: "2026-12-21", end: "2026-12-27" });
    const december = periodOf("month", "2026-12-15");
    expect(nextPeriod(december)).toEqual({ kind: "month", start: "2027-01-01", end: "2027-01-31" });
    expect(previousPeriod(periodOf("month", "2028-03-01"))).toEqual({
      kind: "month",
      start: "2028-02-01",
      end: "2028-02-29",
    });
  });

  it.each([
    ["a mid-year Sunday", "2026-12-06", "2026-W49"],
    ["the Monday of that week", "2026-11-30", "2026-W49"],
    ["New Year 2027, in week 53 of 2026", "2027-01-01", "2026-W53"],
    ["New Year 2026, in week 1 of 2026 though the week starts in 2025", "2025-12-29", "2026-W01"],
  ])("isoWeekKey: %s (%s → %s)", (_name, date, key) => {
    expect(isoWeekKey(date)).toBe(key);
  });
});

describe("local time of day", () => {
  it.each(["00:00", "07:30", "23:59"])("accepts %s", (value) => {
    expect(isLocalTime(value)).toBe(true);
  });

  it.each(["24:00", "7:30", "07:60", "07:30:00", "", "0730"])("rejects %j", (value) => {
    expect(isLocalTime(value)).toBe(false);
  });

  it("minutesOf counts from local midnight", () => {
    expect(minutesOf("00:00")).toBe(0);
    expect(minutesOf("07:30")).toBe(450);
    expect(minutesOf("23:59")).toBe(1439);
  });
});

describe("time zones", () => {
  it.each(["Europe/Berlin", "UTC", "Asia/Kathmandu", "Pacific/Kiritimati", "Pacific/Pago_Pago"])(
    "isTimeZone accepts %s",
    (zone) => {
      expect(isTimeZone(zone)).toBe(true);
    },
  );

  it.each(["Mars/Base", "+05:00", "-11:00", "", "EST5EDT;drop", "Europe/Berlin;drop", "../etc/passwd"])(
    "isTimeZone rejects %j",
    (zone) => {
      expect(isTimeZone(zone)).toBe(false);
    },
  );

  it.each([
    ["europe/berlin", "Europe/Berlin"],
    ["utc", "UTC"],
    ["asia/kathmandu", "Asia/Kathmandu"],
    ["Asia/Kathmandu", "Asia/Kathmandu"],
    ["Europe/Kyiv", "Europe/Kyiv"],
    ["Asia/Kolkata", "Asia/Kolkata"],
  ])("canonicalTimeZone spells %j as %j, not as an old alias", (zone, expected) => {
    expect(canonicalTimeZone(zone)).toBe(expected);
  });

  it.each<{ name: string; zone: string; instant: string; date: string; time: string }>([
    {
      name: "Kiritimati just before midnight",
      zone: "Pacific/Kiritimati",
      instant: "2026-05-01T09:59:00Z",
      date: "2026-05-01",
      time: "23:59",
    },
    {
      name: "Kiritimati at midnight",
      zone: "Pacific/Kiritimati",
      instant: "2026-05-01T10:00:00Z",
      date: "2026-05-02",
      time: "00:00",
    },
    {
      name: "Pago Pago just before midnight",
      zone: "Pacific/Pago_Pago",
      instant: "2026-05-02T10:59:00Z",
      date: "2026-05-01",
      time: "23:59",
    },
    {
      name: "Pago Pago at midnight",
      zone: "Pacific/Pago_Pago",
      instant: "2026-05-02T11:00:00Z",
      date: "2026-05-02",
      time: "00:00",
    },
    {
      name: "Kathmandu just before midnight",
      zone: "Asia/Kathmandu",
      instant: "2026-05-01T18:14:00Z",
      date: "2026-05-01",
      time: "23:59",
    },
    {
      name: "Kathmandu at midnight",
      zone: "Asia/Kathmandu",
      instant: "2026-05-01T18:15:00Z",
      date: "2026-05-02",
      time: "00:00",
    },
    { name: "UTC at midnight", zone: "UTC", instant: "2026-12-31T23:59:00Z", date: "2026-12-31", time: "23:59" },
    {
      name: "Berlin at the last minute of CET before spring forward",
      zone: "Europe/Berlin",
      instant: "2026-03-29T00:59:00Z",
      date: "2026-03-29",
      time: "01:59",
    },
    {
      name: "Berlin at the first minute of CEST",
      zone: "Europe/Berlin",
      instant: "2026-03-29T01:00:00Z",
      date: "2026-03-29",
      time: "03:00",
    },
    {
      name: "Berlin at the first 02:30 of fall back (CEST)",
      zone: "Europe/Berlin",
      instant: "2026-10-25T00:30:00Z",
      date: "2026-10-25",
      time: "02:30",
    },
    {
      name: "Berlin at the second 02:30 of fall back (CET)",
      zone: "Europe/Berlin",
      instant: "2026-10-25T01:30:00Z",
      date: "2026-10-25",
      time: "02:30",
    },
    {
      name: "Berlin just before midnight after fall back",
      zone: "Europe/Berlin",
      instant: "2026-10-25T22:59:00Z",
      date: "2026-10-25",
      time: "23:59",
    },
    {
      name: "Berlin at midnight after fall back",
      zone: "Europe/Berlin",
      instant: "2026-10-25T23:00:00Z",
      date: "2026-10-26",
      time: "00:00",
    },
  ])("localDateTimeAt: $name", ({ zone, instant, date, time }) => {
    expect(localDateTimeAt(new Date(instant), zone)).toEqual({ date, time });
    expect(localDateAt(new Date(instant), zone)).toBe(date);
  });

  it("the same instant is a different local date on each side of the date line", () => {
    const instant = new Date("2026-05-01T10:30:00Z");
    expect(localDateAt(instant, "Pacific/Kiritimati")).toBe("2026-05-02");
    expect(localDateAt(instant, "UTC")).toBe("2026-05-01");
    expect(localDateAt(instant, "Pacific/Pago_Pago")).toBe("2026-04-30");
  });

  it.each<{ name: string; zone: string; date: string; time: string; instant: string }>([
    {
      name: "midnight in Kiritimati",
      zone: "Pacific/Kiritimati",
      date: "2026-05-02",
      time: "00:00",
      instant: "2026-05-01T10:00:00.000Z",
    },
    {
      name: "late evening in Pago Pago",
      zone: "Pacific/Pago_Pago",
      date: "2026-05-01",
      time: "23:30",
      instant: "2026-05-02T10:30:00.000Z",
    },
    {
      name: "midnight in Kathmandu",
      zone: "Asia/Kathmandu",
      date: "2026-05-02",
      time: "00:00",
      instant: "2026-05-01T18:15:00.000Z",
    },
    {
      name: "midnight in Berlin on the spring-forward day",
      zone: "Europe/Berlin",
      date: "2026-03-29",
      time: "00:00",
      instant: "2026-03-28T23:00:00.000Z",
    },
    {
      name: "03:00 in Berlin, the first minute of CEST",
      zone: "Europe/Berlin",
      date: "2026-03-29",
      time: "03:00",
      instant: "2026-03-29T01:00:00.000Z",
    },
    {
      name: "the repeated 02:30 in Berlin takes the first (CEST)",
      zone: "Europe/Berlin",
      date: "2026-10-25",
      time: "02:30",
      instant: "2026-10-25T00:30:00.000Z",
    },
    {
      name: "03:00 in Berlin after fall back (CET)",
      zone: "Europe/Berlin",
      date: "2026-10-25",
      time: "03:00",
      instant: "2026-10-25T02:00:00.000Z",
    },
  ])("instantOf: $name", ({ zone, date, time, instant }) => {
    const found = instantOf(date, time, zone);
    expect(found.toISOString()).toBe(instant);
    expect(localDateTimeAt(found, zone)).toEqual({ date, time });
  });

  it("instantOf moves a time skipped by spring forward on by the gap: 02:30 → 03:30 local", () => {
    const instant = instantOf("2026-03-29", "02:30", "Europe/Berlin");
    expect(instant.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(localDateTimeAt(instant, "Europe/Berlin")).toEqual({ date: "2026-03-29", time: "03:30" });
  });
});
