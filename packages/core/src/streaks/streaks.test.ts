// The streak rules of DOMAIN.md, case by case. June 2026 starts on a Monday: 06-01 Mon ... 06-07 Sun,
// 06-08 Mon. Weekends (6 = Saturday, 7 = Sunday) are the usual exempt weekdays below.
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { dueDaysBetween, isDueDay, isWithinRange, type ScheduleFields } from "../habits/schedule.js";
import { consecutiveDates, dailyHabit, monthlyHabit, weeklyHabit } from "../testing/habit-fixtures.js";
import { addDays, type LocalDate } from "../time/local-date.js";
import { localDateAt } from "../time/zone.js";
import { nextDailyStreak, streaksOf, summarizeStreaks } from "./streaks.js";

const weekends = { exemptWeekdays: [6, 7] } satisfies Partial<ScheduleFields>;

describe("due days (the gaps the daily rule counts)", () => {
  it.each<{ name: string; habit: ScheduleFields; after: LocalDate; before: LocalDate; expected: number }>([
    {
      name: "consecutive dates have no day between them",
      habit: dailyHabit(),
      after: "2026-06-01",
      before: "2026-06-02",
      expected: 0,
    },
    {
      name: "the same date has no day between",
      habit: dailyHabit(),
      after: "2026-06-01",
      before: "2026-06-01",
      expected: 0,
    },
    {
      name: "reversed dates have no day between",
      habit: dailyHabit(),
      after: "2026-06-05",
      before: "2026-06-01",
      expected: 0,
    },
    {
      name: "every day between counts without exemptions",
      habit: dailyHabit(),
      after: "2026-06-01",
      before: "2026-06-05",
      expected: 3,
    },
    {
      name: "a weekend between is not due",
      habit: dailyHabit(weekends),
      after: "2026-06-05",
      before: "2026-06-08",
      expected: 0,
    },
    {
      name: "exempt days are left out of long gaps",
      habit: dailyHabit(weekends),
      after: "2026-06-01",
      before: "2026-06-29",
      expected: 19,
    },
    {
      name: "days before startDate are not due",
      habit: dailyHabit({ startDate: "2026-06-04" }),
      after: "2026-06-01",
      before: "2026-06-06",
      expected: 2,
    },
    {
      name: "days after endDate are not due",
      habit: dailyHabit({ endDate: "2026-06-03" }),
      after: "2026-06-01",
      before: "2026-06-30",
      expected: 2,
    },
    {
      name: "a range wholly outside the gap leaves nothing due",
      habit: dailyHabit({ startDate: "2026-07-01" }),
      after: "2026-06-01",
      before: "2026-06-30",
      expected: 0,
    },
    {
      name: "a weekday listed twice is still left out once a week",
      habit: dailyHabit({ exemptWeekdays: [7, 7] }),
      after: "2026-05-31",
      before: "2026-06-15",
      expected: 12,
    },
  ])("$name", ({ habit, after, before, expected }) => {
    expect(dueDaysBetween(habit, after, before)).toBe(expected);
  });

  it("a day is due only inside [startDate, endDate] and not on an exempt weekday", () => {
    const habit = dailyHabit({ ...weekends, startDate: "2026-06-02", endDate: "2026-06-10" });
    expect(isWithinRange(habit, "2026-06-02")).toBe(true);
    expect(isWithinRange(habit, "2026-06-10")).toBe(true);
    expect(isWithinRange(habit, "2026-06-01")).toBe(false);
    expect(isWithinRange(habit, "2026-06-11")).toBe(false);
    expect(isDueDay(habit, "2026-06-05")).toBe(true);
    expect(isDueDay(habit, "2026-06-06")).toBe(false);
    expect(isDueDay(habit, "2026-06-01")).toBe(false);
    expect(isDueDay(habit, "2026-06-11")).toBe(false);
  });
});

describe("daily streak of one completion", () => {
  it.each<{
    name: string;
    habit: ScheduleFields;
    previous: { date: LocalDate; streak: number } | undefined;
    date: LocalDate;
    expected: number;
  }>([
    {
      name: "the first completion starts at 1",
      habit: dailyHabit(),
      previous: undefined,
      date: "2026-06-03",
      expected: 1,
    },
    {
      name: "the day after the previous completion adds one",
      habit: dailyHabit(),
      previous: { date: "2026-06-02", streak: 4 },
      date: "2026-06-03",
      expected: 5,
    },
    {
      name: "a missed due day with no allowance starts again at 1",
      habit: dailyHabit(),
      previous: { date: "2026-06-01", streak: 3 },
      date: "2026-06-03",
      expected: 1,
    },
    {
      name: "a missed exempt weekend keeps the streak",
      habit: dailyHabit(weekends),
      previous: { date: "2026-06-05", streak: 3 },
      date: "2026-06-08",
      expected: 4,
    },
    {
      name: "the same weekend missed without exemptions breaks the streak",
      habit: dailyHabit(),
      previous: { date: "2026-06-05", streak: 3 },
      date: "2026-06-08",
      expected: 1,
    },
    {
      name: "missed days exactly at allowedSkipDays keep the streak",
      habit: dailyHabit({ allowedSkipDays: 2 }),
      previous: { date: "2026-06-01", streak: 3 },
      date: "2026-06-04",
      expected: 4,
    },
    {
      name: "one missed day over allowedSkipDays breaks the streak",
      habit: dailyHabit({ allowedSkipDays: 2 }),
      previous: { date: "2026-06-01", streak: 3 },
      date: "2026-06-05",
      expected: 1,
    },
    {
      name: "exempt weekdays in a gap do not use up the allowance",
      habit: dailyHabit({ ...weekends, allowedSkipDays: 1 }),
      previous: { date: "2026-06-05", streak: 2 },
      date: "2026-06-09",
      expected: 3,
    },
    {
      name: "a due day missed beside exempt ones still counts against the allowance",
      habit: dailyHabit({ ...weekends, allowedSkipDays: 1 }),
      previous: { date: "2026-06-04", streak: 2 },
      date: "2026-06-09",
      expected: 1,
    },
    {
      name: "the largest allowance (7) tolerates a missed week",
      habit: dailyHabit({ allowedSkipDays: 7 }),
      previous: { date: "2026-06-01", streak: 5 },
      date: "2026-06-09",
      expected: 6,
    },
    {
      name: "a completion on an exempt weekday counts",
      habit: dailyHabit(weekends),
      previous: { date: "2026-06-05", streak: 2 },
      date: "2026-06-06",
      expected: 3,
    },
    {
      name: "the day after a completion on an exempt weekday continues",
      habit: dailyHabit(weekends),
      previous: { date: "2026-06-06", streak: 3 },
      date: "2026-06-08",
      expected: 4,
    },
  ])("$name", ({ habit, previous, date, expected }) => {
    expect(nextDailyStreak(habit, previous, date)).toBe(expected);
  });
});

describe("daily streaks over a history", () => {
  it.each<{ name: string; habit: ScheduleFields; dates: LocalDate[]; expected: number[] }>([
    { name: "no completions have no streaks", habit: dailyHabit(), dates: [], expected: [] },
    {
      name: "consecutive days count up",
      habit: dailyHabit(),
      dates: consecutiveDates("2026-06-01", 5),
      expected: [1, 2, 3, 4, 5],
    },
    {
      name: "the allowance applies per gap: two gaps each within it keep the streak",
      habit: dailyHabit({ allowedSkipDays: 1 }),
      dates: ["2026-06-01", "2026-06-03", "2026-06-05"],
      expected: [1, 2, 3],
    },
    {
      name: "a single gap over the allowance breaks even when the total missed is the same",
      habit: dailyHabit({ allowedSkipDays: 1 }),
      dates: ["2026-06-01", "2026-06-04", "2026-06-05"],
      expected: [1, 1, 2],
    },
    {
      name: "workdays only run across weekends",
      habit: dailyHabit(weekends),
      dates: ["2026-06-04", "2026-06-05", "2026-06-08", "2026-06-09"],
      expected: [1, 2, 3, 4],
    },
    {
      name: "a weekend completion of a workdays habit counts",
      habit: dailyHabit(weekends),
      dates: ["2026-06-05", "2026-06-06", "2026-06-08"],
      expected: [1, 2, 3],
    },
    {
      name: "a break starts again at 1 and counts up from there",
      habit: dailyHabit(),
      dates: ["2026-06-01", "2026-06-02", "2026-06-04", "2026-06-05", "2026-06-06"],
      expected: [1, 2, 1, 2, 3],
    },
    {
      name: "a streak runs across the year end",
      habit: dailyHabit(),
      dates: ["2026-12-30", "2026-12-31", "2027-01-01"],
      expected: [1, 2, 3],
    },
    {
      name: "a streak runs across Feb 29 of a leap year",
      habit: dailyHabit(),
      dates: ["2028-02-28", "2028-02-29", "2028-03-01"],
      expected: [1, 2, 3],
    },
  ])("$name", ({ habit, dates, expected }) => {
    expect(streaksOf(habit, dates)).toEqual(expected);
  });

  it.each<{ name: string; habit: ScheduleFields; before: LocalDate[]; inserted: LocalDate; expected: number[] }>([
    {
      name: "backdating the missed day joins the two runs",
      habit: dailyHabit(),
      before: ["2026-06-01", "2026-06-02", "2026-06-04", "2026-06-05"],
      inserted: "2026-06-03",
      expected: [1, 2, 3, 4, 5],
    },
    {
      name: "backdating before the first completion raises every later streak",
      habit: dailyHabit(),
      before: ["2026-06-02", "2026-06-03"],
      inserted: "2026-06-01",
      expected: [1, 2, 3],
    },
    {
      name: "backdating into a gap over the allowance brings it within the allowance",
      habit: dailyHabit({ allowedSkipDays: 1 }),
      before: ["2026-06-01", "2026-06-05", "2026-06-06"],
      inserted: "2026-06-03",
      expected: [1, 2, 3, 4],
    },
  ])("$name", ({ habit, before, inserted, expected }) => {
    const after = [...before, inserted].sort();
    const streaks = streaksOf(habit, after);
    expect(streaks).toEqual(expected);
    // Completions before the inserted date keep what they had.
    const index = after.indexOf(inserted);
    expect(streaks.slice(0, index)).toEqual(streaksOf(habit, before).slice(0, index));
  });

  it.each<{ name: string; habit: ScheduleFields; before: LocalDate[]; reverted: LocalDate; expected: number[] }>([
    {
      name: "reverting a middle completion splits the run",
      habit: dailyHabit(),
      before: consecutiveDates("2026-06-01", 5),
      reverted: "2026-06-03",
      expected: [1, 2, 1, 2],
    },
    {
      name: "reverting a middle completion within the allowance keeps the run",
      habit: dailyHabit({ allowedSkipDays: 1 }),
      before: consecutiveDates("2026-06-01", 5),
      reverted: "2026-06-03",
      expected: [1, 2, 3, 4],
    },
    {
      name: "reverting the first completion lowers every later streak",
      habit: dailyHabit(),
      before: consecutiveDates("2026-06-01", 4),
      reverted: "2026-06-01",
      expected: [1, 2, 3],
    },
    {
      name: "reverting the Friday of a workdays habit breaks at Monday",
      habit: dailyHabit(weekends),
      before: ["2026-06-04", "2026-06-05", "2026-06-08"],
      reverted: "2026-06-05",
      expected: [1, 1],
    },
  ])("$name", ({ habit, before, reverted, expected }) => {
    expect(
      streaksOf(
        habit,
        before.filter((date) => date !== reverted),
      ),
    ).toEqual(expected);
  });
});

describe("current and longest daily streak", () => {
  const threeDays = consecutiveDates("2026-06-01", 3); // Mon..Wed, streak 3

  it("current is the latest run while longest is the best run", () => {
    const dates = [...consecutiveDates("2026-06-01", 5), ...consecutiveDates("2026-06-10", 2)];
    expect(summarizeStreaks(dailyHabit(), dates, "2026-06-11")).toEqual({
      current: 2,
      longest: 5,
      lastCompletedDate: "2026-06-11",
    });
  });

  it("a broken streak has no current streak but keeps its longest", () => {
    const dates = consecutiveDates("2026-06-01", 5);
    expect(summarizeStreaks(dailyHabit(), dates, "2026-06-20")).toEqual({
      current: 0,
      longest: 5,
      lastCompletedDate: "2026-06-05",
    });
  });

  it("no completions: no streaks and no last date", () => {
    expect(summarizeStreaks(dailyHabit(), [], "2026-06-20")).toEqual({
      current: 0,
      longest: 0,
      lastCompletedDate: null,
    });
  });

  it.each<{ name: string; habit: ScheduleFields; dates: LocalDate[]; today: LocalDate; current: number }>([
    {
      name: "alive when the latest completion is today",
      habit: dailyHabit(),
      dates: threeDays,
      today: "2026-06-03",
      current: 3,
    },
    {
      name: "alive when the latest completion is yesterday (today is still open)",
      habit: dailyHabit(),
      dates: threeDays,
      today: "2026-06-04",
      current: 3,
    },
    {
      name: "dead once a due day was missed with no allowance",
      habit: dailyHabit(),
      dates: threeDays,
      today: "2026-06-05",
      current: 0,
    },
    {
      name: "alive with missed days exactly at the allowance",
      habit: dailyHabit({ allowedSkipDays: 2 }),
      dates: threeDays,
      today: "2026-06-06",
      current: 3,
    },
    {
      name: "dead with one missed day over the allowance",
      habit: dailyHabit({ allowedSkipDays: 2 }),
      dates: threeDays,
      today: "2026-06-07",
      current: 0,
    },
    {
      name: "alive across exempt days between the latest completion and today",
      habit: dailyHabit(weekends),
      dates: consecutiveDates("2026-06-03", 3),
      today: "2026-06-08",
      current: 3,
    },
    {
      name: "dead once a due day after the exempt days was missed",
      habit: dailyHabit(weekends),
      dates: consecutiveDates("2026-06-03", 3),
      today: "2026-06-09",
      current: 0,
    },
    {
      name: "alive after endDate: the days after it are not due",
      habit: dailyHabit({ endDate: "2026-06-03" }),
      dates: threeDays,
      today: "2026-07-20",
      current: 3,
    },
    {
      name: "alive when the latest completion is after today (the user moved west)",
      habit: dailyHabit(),
      dates: threeDays,
      today: "2026-06-02",
      current: 3,
    },
  ])("$name", ({ habit, dates, today, current }) => {
    expect(summarizeStreaks(habit, dates, today).current).toBe(current);
  });
});

describe("the alive rule at local midnight", () => {
  // The local day `date` runs from `start` to `end` (UTC instants). A daily habit done on the two
  // days before it is alive all through `date` and dead from the first instant of the next day.
  it.each<{ name: string; zone: string; date: LocalDate; start: string; end: string; hours: number }>([
    {
      name: "Pacific/Kiritimati (UTC+14)",
      zone: "Pacific/Kiritimati",
      date: "2026-05-01",
      start: "2026-04-30T10:00:00Z",
      end: "2026-05-01T10:00:00Z",
      hours: 24,
    },
    {
      name: "Pacific/Pago_Pago (UTC−11)",
      zone: "Pacific/Pago_Pago",
      date: "2026-05-01",
      start: "2026-05-01T11:00:00Z",
      end: "2026-05-02T11:00:00Z",
      hours: 24,
    },
    {
      name: "Asia/Kathmandu (UTC+5:45)",
      zone: "Asia/Kathmandu",
      date: "2026-05-01",
      start: "2026-04-30T18:15:00Z",
      end: "2026-05-01T18:15:00Z",
      hours: 24,
    },
    {
      name: "Europe/Berlin on the spring-forward day (23 hours)",
      zone: "Europe/Berlin",
      date: "2026-03-29",
      start: "2026-03-28T23:00:00Z",
      end: "2026-03-29T22:00:00Z",
      hours: 23,
    },
    {
      name: "Europe/Berlin on the fall-back day (25 hours)",
      zone: "Europe/Berlin",
      date: "2026-10-25",
      start: "2026-10-24T22:00:00Z",
      end: "2026-10-25T23:00:00Z",
      hours: 25,
    },
  ])("$name: the current streak drops exactly at local midnight", ({ zone, date, start, end, hours }) => {
    const startsAt = new Date(start);
    const endsAt = new Date(end);
    const justBefore = (instant: Date) => new Date(instant.getTime() - 1);
    expect((endsAt.getTime() - startsAt.getTime()) / 3_600_000).toBe(hours);

    expect(localDateAt(justBefore(startsAt), zone)).toBe(addDays(date, -1));
    expect(localDateAt(startsAt, zone)).toBe(date);
    expect(localDateAt(justBefore(endsAt), zone)).toBe(date);
    expect(localDateAt(endsAt, zone)).toBe(addDays(date, 1));

    const habit = dailyHabit();
    const doneUntilYesterday = [addDays(date, -2), addDays(date, -1)];
    const current = (instant: Date) => summarizeStreaks(habit, doneUntilYesterday, localDateAt(instant, zone)).current;
    expect(current(startsAt)).toBe(2);
    expect(current(justBefore(endsAt))).toBe(2);
    expect(current(endsAt)).toBe(0);

    // Done on the day itself, it stays alive into the next one.
    const doneToday = [...doneUntilYesterday, date];
    expect(summarizeStreaks(habit, doneToday, localDateAt(endsAt, zone)).current).toBe(3);
  });

  it("the same instant is a different today in Kiritimati and Pago Pago", () => {
    const instant = new Date("2026-05-01T10:30:00Z");
    const dates = ["2026-04-29", "2026-04-30"];
    expect(localDateAt(instant, "Pacific/Kiritimati")).toBe("2026-05-02");
    expect(localDateAt(instant, "Pacific/Pago_Pago")).toBe("2026-04-30");
    expect(summarizeStreaks(dailyHabit(), dates, localDateAt(instant, "Pacific/Kiritimati")).current).toBe(0);
    expect(summarizeStreaks(dailyHabit(), dates, localDateAt(instant, "Pacific/Pago_Pago")).current).toBe(2);
  });
});

describe("weekly and monthly streaks count periods", () => {
  it("2026-12-28 .. 2027-01-03 is ISO week 53 of 2026", () => {
    for (const date of ["2026-12-28", "2027-01-03"]) {
      const plain = Temporal.PlainDate.from(date);
      expect([plain.yearOfWeek, plain.weekOfYear]).toEqual([2026, 53]);
    }
  });

  it.each<{ name: string; habit: ScheduleFields; dates: LocalDate[]; expected: number[] }>([
    {
      name: "consecutive complete weeks count up, with completions short of the target carrying the chain",
      habit: weeklyHabit(2),
      dates: ["2026-06-01", "2026-06-02", "2026-06-08", "2026-06-09", "2026-06-15", "2026-06-16"],
      expected: [0, 1, 1, 2, 2, 3],
    },
    {
      name: "a completion beyond the target keeps the week's streak",
      habit: weeklyHabit(2),
      dates: ["2026-06-01", "2026-06-02", "2026-06-08", "2026-06-09", "2026-06-10"],
      expected: [0, 1, 1, 2, 2],
    },
    {
      name: "once a week counts every week done",
      habit: weeklyHabit(1),
      dates: ["2026-06-03", "2026-06-12", "2026-06-14"],
      expected: [1, 2, 2],
    },
    {
      name: "an incomplete closed week breaks the chain",
      habit: weeklyHabit(2),
      dates: ["2026-06-01", "2026-06-02", "2026-06-08", "2026-06-15", "2026-06-16"],
      expected: [0, 1, 1, 0, 1],
    },
    {
      name: "an empty week breaks the chain",
      habit: weeklyHabit(1),
      dates: ["2026-06-01", "2026-06-15"],
      expected: [1, 1],
    },
    {
      name: "Sunday and the next Monday are consecutive weeks",
      habit: weeklyHabit(1),
      dates: ["2026-06-07", "2026-06-08"],
      expected: [1, 2],
    },
    {
      name: "Sunday and the next Monday are not the same week",
      habit: weeklyHabit(2),
      dates: ["2026-06-07", "2026-06-08"],
      expected: [0, 0],
    },
    {
      name: "Monday and Sunday are the same week",
      habit: weeklyHabit(2),
      dates: ["2026-06-01", "2026-06-07"],
      expected: [0, 1],
    },
    {
      name: "ISO week 53 spans the year end and chains with the weeks around it",
      habit: weeklyHabit(2),
      dates: ["2026-12-21", "2026-12-27", "2026-12-28", "2027-01-03", "2027-01-04", "2027-01-05"],
      expected: [0, 1, 1, 2, 2, 3],
    },
    {
      name: "December 31 and January 1 of the same ISO week do not restart the count",
      habit: weeklyHabit(2),
      dates: ["2026-12-31", "2027-01-01"],
      expected: [0, 1],
    },
    {
      name: "consecutive months of 31, 28 and 31 days count up",
      habit: monthlyHabit(1),
      dates: ["2027-01-31", "2027-02-01", "2027-03-31"],
      expected: [1, 2, 3],
    },
    {
      name: "the last day of a 30-day month and the first of the next are consecutive months",
      habit: monthlyHabit(1),
      dates: ["2026-04-30", "2026-05-01"],
      expected: [1, 2],
    },
    {
      name: "twice a month across a 28-day February",
      habit: monthlyHabit(2),
      dates: ["2027-01-30", "2027-01-31", "2027-02-27", "2027-02-28", "2027-03-01", "2027-03-02"],
      expected: [0, 1, 1, 2, 2, 3],
    },
    {
      name: "Feb 29 2028 belongs to February",
      habit: monthlyHabit(2),
      dates: ["2028-02-01", "2028-02-29", "2028-03-01", "2028-03-31"],
      expected: [0, 1, 1, 2],
    },
    {
      name: "an incomplete closed month breaks the chain",
      habit: monthlyHabit(2),
      dates: ["2026-01-05", "2026-01-06", "2026-02-10", "2026-03-02", "2026-03-03"],
      expected: [0, 1, 1, 0, 1],
    },
    {
      name: "a skipped month breaks the chain",
      habit: monthlyHabit(1),
      dates: ["2026-01-31", "2026-03-01"],
      expected: [1, 1],
    },
  ])("$name", ({ habit, dates, expected }) => {
    expect(streaksOf(habit, dates)).toEqual(expected);
  });

  it("the grace allowance is for daily habits only", () => {
    const dates = ["2026-06-01", "2026-06-15"];
    expect(streaksOf(weeklyHabit(1, { allowedSkipDays: 7 }), dates)).toEqual([1, 1]);
  });
});

describe("current and longest period streak", () => {
  // Weeks of June 2026: 06-01, 06-08, 06-15, 06-22 (Mondays). Twice a week.
  const twoWeeksDone = ["2026-06-01", "2026-06-02", "2026-06-08", "2026-06-09"];

  it.each<{ name: string; habit: ScheduleFields; dates: LocalDate[]; today: LocalDate; current: number }>([
    {
      name: "the open week with no completion yet neither adds nor breaks",
      habit: weeklyHabit(2),
      dates: twoWeeksDone,
      today: "2026-06-15",
      current: 2,
    },
    {
      name: "the open week short of its target neither adds nor breaks",
      habit: weeklyHabit(2),
      dates: [...twoWeeksDone, "2026-06-15"],
      today: "2026-06-21",
      current: 2,
    },
    {
      name: "the open week counts once it reaches its target",
      habit: weeklyHabit(2),
      dates: [...twoWeeksDone, "2026-06-15", "2026-06-16"],
      today: "2026-06-16",
      current: 3,
    },
    {
      name: "on Monday the unfinished previous week closes and breaks the streak",
      habit: weeklyHabit(2),
      dates: [...twoWeeksDone, "2026-06-15"],
      today: "2026-06-22",
      current: 0,
    },
    {
      name: "an empty closed week breaks the streak",
      habit: weeklyHabit(2),
      dates: twoWeeksDone,
      today: "2026-06-22",
      current: 0,
    },
    {
      name: "on the Sunday of ISO week 53 the week is still open",
      habit: weeklyHabit(2),
      dates: ["2026-12-21", "2026-12-22", "2026-12-28"],
      today: "2027-01-03",
      current: 1,
    },
    {
      name: "on the Monday after ISO week 53 the unfinished week breaks the streak",
      habit: weeklyHabit(2),
      dates: ["2026-12-21", "2026-12-22", "2026-12-28"],
      today: "2027-01-04",
      current: 0,
    },
    {
      name: "on Feb 29 2028 February is still open",
      habit: monthlyHabit(2),
      dates: ["2028-01-10", "2028-01-11", "2028-02-29"],
      today: "2028-02-29",
      current: 1,
    },
    {
      name: "on March 1 2028 the unfinished February breaks the streak",
      habit: monthlyHabit(2),
      dates: ["2028-01-10", "2028-01-11", "2028-02-29"],
      today: "2028-03-01",
      current: 0,
    },
    {
      name: "a completed February carries into March",
      habit: monthlyHabit(2),
      dates: ["2028-01-10", "2028-01-11", "2028-02-01", "2028-02-29"],
      today: "2028-03-31",
      current: 2,
    },
    {
      name: "weeks after endDate are not due and do not break the streak",
      habit: weeklyHabit(2, { endDate: "2026-06-14" }),
      dates: twoWeeksDone,
      today: "2026-07-20",
      current: 2,
    },
    {
      name: "the last week in range, left unfinished, breaks the streak after endDate",
      habit: weeklyHabit(2, { endDate: "2026-06-21" }),
      dates: [...twoWeeksDone, "2026-06-15"],
      today: "2026-07-20",
      current: 0,
    },
    {
      name: "months after endDate are not due and do not break the streak",
      habit: monthlyHabit(1, { endDate: "2026-02-28" }),
      dates: ["2026-01-15", "2026-02-15"],
      today: "2026-06-01",
      current: 2,
    },
  ])("$name", ({ habit, dates, today, current }) => {
    expect(summarizeStreaks(habit, dates, today).current).toBe(current);
  });

  it("longest is the best chain of periods, current the live one", () => {
    const dates = [...twoWeeksDone, "2026-06-15", "2026-06-16", "2026-06-29", "2026-06-30"];
    expect(summarizeStreaks(weeklyHabit(2), dates, "2026-07-01")).toEqual({
      current: 1,
      longest: 3,
      lastCompletedDate: "2026-06-30",
    });
  });
});

describe("periods that are shorter than the target", () => {
  it("a monthly habit of 30 times completes February with its 28 days", () => {
    const habit = monthlyHabitFor(30);
    const february = Array.from({ length: 28 }, (_, index) => `2027-02-${String(index + 1).padStart(2, "0")}`);
    expect(streaksOf(habit, february).at(-1)).toBe(1);
    expect(summarizeStreaks(habit, february, "2027-03-05").current).toBe(1);
  });

  it("a weekly habit of 5 times completes a first week cut to 3 days by its start date", () => {
    const habit = {
      ...monthlyHabitFor(5),
      frequency: { type: "weekly" as const, timesPerPeriod: 5 },
      startDate: "2026-06-05",
    };
    expect(streaksOf(habit, ["2026-06-05", "2026-06-06", "2026-06-07"])).toEqual([0, 0, 1]);
  });
});

function monthlyHabitFor(timesPerPeriod: number) {
  return {
    frequency: { type: "monthly" as const, timesPerPeriod },
    exemptWeekdays: [],
    allowedSkipDays: 0,
    startDate: null,
    endDate: null,
  };
}
