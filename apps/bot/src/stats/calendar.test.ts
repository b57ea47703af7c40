import type { ScheduleFields } from "@habits/core";
import { describe, expect, it } from "vitest";
import { type CalendarInput, calendarLines, calendarStart, drawCalendar } from "./calendar.js";

const daily: ScheduleFields = {
  frequency: { type: "daily", timesPerPeriod: 1 },
  exemptWeekdays: [],
  allowedSkipDays: 0,
  startDate: null,
  endDate: null,
};

/** 2026-03-12 is a Thursday; its week's Monday is 03-09, so the calendar starts on 02-16. */
const today = "2026-03-12";

const draw = (input: Partial<CalendarInput>) =>
  drawCalendar({ today, start: "2026-01-01", habit: daily, done: new Set(), ...input }).map((week) =>
    week.cells.join(""),
  );

describe("the stats calendar", () => {
  it("has four Monday-first rows ending with today's week", () => {
    const weeks = drawCalendar({ today, start: "2026-01-01", habit: daily, done: new Set() });
    expect(weeks.map((week) => week.monday)).toEqual(["2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09"]);
    expect(weeks.every((week) => week.cells.length === 7)).toBe(true);
    expect(calendarStart("2026-03-09")).toBe("2026-02-16");
    expect(calendarStart("2026-03-15")).toBe("2026-02-16");
  });

  it("shows done days green, missed due days white, today marked and the days to come as not due", () => {
    const done = new Set(["2026-03-09", "2026-03-11"]);
    expect(draw({ done }).at(-1)).toBe("🟩⬜🟩🔲▫️▫️▫️");
    expect(draw({ done: new Set([...done, today]) }).at(-1)).toBe("🟩⬜🟩✅▫️▫️▫️");
  });

  it("draws nothing as missed before the habit began or after it ended", () => {
    expect(draw({ start: "2026-03-04" }).slice(2)).toEqual(["▫️▫️⬜⬜⬜⬜⬜", "⬜⬜⬜🔲▫️▫️▫️"]);
    const ended = { ...daily, endDate: "2026-03-03" };
    expect(draw({ start: "2026-02-20", habit: ended })).toEqual([
      "▫️▫️▫️▫️⬜⬜⬜",
      "⬜⬜⬜⬜⬜⬜⬜",
      "⬜⬜▫️▫️▫️▫️▫️",
      "▫️▫️▫️▫️▫️▫️▫️", // ended: today is not due either
    ]);
    // A start date later than the day it began wins.
    expect(draw({ start: "2026-02-01", habit: { ...daily, startDate: "2026-03-10" } }).at(-1)).toBe("▫️⬜⬜🔲▫️▫️▫️");
  });

  it("leaves exempt weekdays not due, and a completion on one still shows", () => {
    const weekdays: ScheduleFields = { ...daily, exemptWeekdays: [6, 7] };
    const done = new Set(["2026-03-07"]);
    expect(draw({ habit: weekdays, done }).slice(2)).toEqual(["⬜⬜⬜⬜⬜🟩▫️", "⬜⬜⬜🔲▫️▫️▫️"]);
  });

  it("marks a weekly habit's days missed only in a past week that fell short", () => {
    const weekly = { ...daily, frequency: { type: "weekly" as const, timesPerPeriod: 2 } };
    const done = new Set(["2026-02-16", "2026-02-18", "2026-02-24", "2026-03-10"]);
    expect(draw({ habit: weekly, done })).toEqual(["🟩▫️🟩▫️▫️▫️▫️", "⬜🟩⬜⬜⬜⬜⬜", "⬜⬜⬜⬜⬜⬜⬜", "▫️🟩▫️🔲▫️▫️▫️"]);
  });

  it("counts a first week cut short by the start from the start only", () => {
    const weekly = { ...daily, frequency: { type: "weekly" as const, timesPerPeriod: 3 } };
    // Began on Friday 03-06: of its three days two were done, one short of the target.
    expect(draw({ habit: weekly, start: "2026-03-06", done: new Set(["2026-03-06", "2026-03-08"]) }).at(-2)).toBe(
      "▫️▫️▫️▫️🟩⬜🟩",
    );
  });

  it("judges a monthly habit by its whole month, and the current month not at all", () => {
    const monthly = { ...daily, frequency: { type: "monthly" as const, timesPerPeriod: 3 } };
    const february = new Set(["2026-02-02", "2026-02-10", "2026-02-25"]);
    expect(draw({ habit: monthly, done: february })).toEqual(["▫️▫️▫️▫️▫️▫️▫️", "▫️▫️🟩▫️▫️▫️▫️", "▫️▫️▫️▫️▫️▫️▫️", "▫️▫️▫️🔲▫️▫️▫️"]);
    expect(draw({ habit: monthly, done: new Set(["2026-02-25"]) }).slice(0, 2)).toEqual([
      "⬜⬜⬜⬜⬜⬜⬜",
      "⬜⬜🟩⬜⬜⬜▫️", // Sunday 03-01 is in the open month
    ]);
  });

  it("marks today not due on an exempt weekday, outside the range, or with the period's target met", () => {
    // Thursday 03-12: a Mon/Wed habit is not due.
    const monWed: ScheduleFields = { ...daily, exemptWeekdays: [2, 4, 5, 6, 7] };
    expect(draw({ habit: monWed }).at(-1)).toBe("⬜▫️⬜▫️▫️▫️▫️");
    expect(draw({ habit: monWed, done: new Set([today]) }).at(-1)).toBe("⬜▫️⬜✅▫️▫️▫️");
    expect(draw({ habit: { ...daily, endDate: "2026-03-11" } }).at(-1)).toBe("⬜⬜⬜▫️▫️▫️▫️");
    expect(draw({ habit: { ...daily, startDate: "2026-03-13" } }).at(-1)).toBe("▫️▫️▫️▫️▫️▫️▫️");
    const twiceAWeek = { ...daily, frequency: { type: "weekly" as const, timesPerPeriod: 2 } };
    expect(draw({ habit: twiceAWeek, done: new Set(["2026-03-09"]) }).at(-1)).toBe("🟩▫️▫️🔲▫️▫️▫️");
    expect(draw({ habit: twiceAWeek, done: new Set(["2026-03-09", "2026-03-10"]) }).at(-1)).toBe("🟩🟩▫️▫️▫️▫️▫️");
  });

  it("writes each row with its Monday as the label function writes it", () => {
    const lines = calendarLines(drawCalendar({ today, start: today, habit: daily, done: new Set() }), (monday) =>
      monday.slice(5),
    );
    expect(lines).toEqual(["▫️▫️▫️▫️▫️▫️▫️ 02-16", "▫️▫️▫️▫️▫️▫️▫️ 02-23", "▫️▫️▫️▫️▫️▫️▫️ 03-02", "▫️▫️▫️🔲▫️▫️▫️ 03-09"]);
  });
});
