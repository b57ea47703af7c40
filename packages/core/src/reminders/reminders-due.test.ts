import { describe, expect, it } from "vitest";
import type { Completion } from "../completions/completion.js";
import type { Habit } from "../habits/habit.js";
import { type HabitInput, validateHabit } from "../habits/habit-input.js";
import { unwrap } from "../testing/core-fixture.js";
import type { LocalDate } from "../time/local-date.js";
import { defaultRewardOdds, defaultSummary, type User } from "../users/user.js";
import { dueRemindersOf, type ReminderWindow, reminderKey } from "./reminders-due.js";

const created = new Date("2026-01-01T00:00:00Z");
// Wednesday 2026-06-10; Berlin is on summer time (UTC+2), Tokyo on UTC+9.
const wednesday = "2026-06-10";

function userIn(timezone: string, overrides: Partial<User> = {}): User {
  return {
    id: "user-1",
    username: "ann",
    email: null,
    name: null,
    telegram: null,
    language: "en",
    timezone,
    timezoneChosenAt: created,
    rewardOdds: defaultRewardOdds,
    reminders: { enabled: true, quietHours: null, summary: defaultSummary },
    hasPassword: false,
    telegramBlockedAt: null,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
}

/** A valid habit of user-1 with a reminder at each of `times` (every day unless `input` says otherwise). */
function habitWith(times: string[], input: HabitInput = {}): Habit {
  const fields = unwrap(validateHabit({ name: "Read", reminders: times.map((time) => ({ time })), ...input }));
  return { ...fields, id: "habit-1", userId: "user-1", archivedAt: null, createdAt: created, updatedAt: created };
}

function completion(habit: Habit, date: LocalDate, value: number | null = null): Completion {
  return {
    id: `completion-${date}`,
    habitId: habit.id,
    userId: habit.userId,
    date,
    value,
    note: null,
    source: "api",
    streak: 1,
    totalWeight: 10,
    winChance: 0.5,
    createdAt: created,
  };
}

const window = (after: string, until: string): ReminderWindow => ({ after: new Date(after), until: new Date(until) });
/** The tick that ends at 08:00 Berlin time on Wednesday. */
const berlinEight = window("2026-06-10T05:59:00Z", "2026-06-10T06:00:00Z");
/** The whole of Wednesday in UTC. */
const utcWednesday = window("2026-06-09T23:59:59Z", "2026-06-10T23:59:59Z");

const dueTimes = (user: User, habit: Habit, tick: ReminderWindow, completions: Completion[] = []) =>
  dueRemindersOf(user, habit, tick, completions, new Set()).map((reminder) => `${reminder.date} ${reminder.time}`);

describe("when a reminder is due", () => {
  it("at its local time in the user's zone: 08:00 in Berlin is 06:00Z in summer", () => {
    const habit = habitWith(["08:00"]);

    expect(dueRemindersOf(userIn("Europe/Berlin"), habit, berlinEight, [], new Set())).toEqual([
      { userId: "user-1", habitId: "habit-1", date: wednesday, time: "08:00", at: new Date("2026-06-10T06:00:00Z") },
    ]);
    expect(dueRemindersOf(userIn("UTC"), habit, berlinEight, [], new Set())).toEqual([]);
  });

  it("a window holds the reminders after its start and up to its end, so consecutive ticks send one once", () => {
    const user = userIn("Europe/Berlin");
    const habit = habitWith(["08:00"]);

    expect(dueTimes(user, habit, window("2026-06-10T06:00:00Z", "2026-06-10T06:01:00Z"))).toEqual([]);
    expect(dueTimes(user, habit, window("2026-06-10T05:58:00Z", "2026-06-10T05:59:00Z"))).toEqual([]);
    expect(dueTimes(user, habit, berlinEight)).toEqual([`${wednesday} 08:00`]);
  });

  it("02:30 in Berlin on the spring-forward day (2026-03-29), a time that does not exist, fires at 03:30 CEST", () => {
    const user = userIn("Europe/Berlin");
    const habit = habitWith(["02:30"]);

    const due = dueRemindersOf(user, habit, window("2026-03-29T01:29:00Z", "2026-03-29T01:30:00Z"), [], new Set());

    expect(due).toEqual([
      { userId: "user-1", habitId: "habit-1", date: "2026-03-29", time: "02:30", at: new Date("2026-03-29T01:30:00Z") },
    ]);
    // Not an hour early, as the winter offset applied to 02:30 would have it.
    expect(dueTimes(user, habit, window("2026-03-29T00:29:00Z", "2026-03-29T00:30:00Z"))).toEqual([]);
  });

  it("a window across local midnight holds yesterday's late reminders and today's early ones", () => {
    const user = userIn("Asia/Tokyo");
    const habit = habitWith(["23:50", "00:05"]);
    // 23:45 on Wednesday to 00:10 on Thursday, Tokyo time.
    const tick = window("2026-06-10T14:45:00Z", "2026-06-10T15:10:00Z");

    expect(dueRemindersOf(user, habit, tick, [], new Set())).toEqual([
      { userId: "user-1", habitId: "habit-1", date: wednesday, time: "23:50", at: new Date("2026-06-10T14:50:00Z") },
      { userId: "user-1", habitId: "habit-1", date: "2026-06-11", time: "00:05", at: new Date("2026-06-10T15:05:00Z") },
    ]);
    // Done on Wednesday: only Thursday's reminder is left.
    expect(dueTimes(user, habit, tick, [completion(habit, wednesday)])).toEqual(["2026-06-11 00:05"]);
  });
});

describe("when a reminder is not due", () => {
  it("not when the habit is done that day", () => {
    const habit = habitWith(["08:00"]);

    expect(dueTimes(userIn("Europe/Berlin"), habit, berlinEight, [completion(habit, wednesday)])).toEqual([]);
  });

  it("a measurable habit logged below its target is not done: the reminder still comes", () => {
    const habit = habitWith(["08:00"], { type: "measurable", target: { value: 30, unit: "minutes" } });

    expect(dueTimes(userIn("Europe/Berlin"), habit, berlinEight, [completion(habit, wednesday, 10)])).toEqual([
      `${wednesday} 08:00`,
    ]);
    expect(dueTimes(userIn("Europe/Berlin"), habit, berlinEight, [completion(habit, wednesday, 30)])).toEqual([]);
  });

  it("not for an archived habit", () => {
    const habit = { ...habitWith(["08:00"]), archivedAt: created };

    expect(dueTimes(userIn("Europe/Berlin"), habit, berlinEight)).toEqual([]);
  });

  it("not on an exempt weekday of a daily habit", () => {
    expect(dueTimes(userIn("Europe/Berlin"), habitWith(["08:00"], { exemptWeekdays: [3] }), berlinEight)).toEqual([]);
    expect(dueTimes(userIn("Europe/Berlin"), habitWith(["08:00"], { exemptWeekdays: [4] }), berlinEight)).toEqual([
      `${wednesday} 08:00`,
    ]);
  });

  it("only on the weekdays the reminder is limited to", () => {
    const user = userIn("Europe/Berlin");
    const limited = (weekdays: number[]) => habitWith([], { reminders: [{ time: "08:00", weekdays }] });

    expect(dueTimes(user, limited([1, 5]), berlinEight)).toEqual([]);
    expect(dueTimes(user, limited([3]), berlinEight)).toEqual([`${wednesday} 08:00`]);
  });

  it("not for a weekly habit already done today, though its week's target is not met yet", () => {
    const habit = habitWith(["08:00"], { frequency: { type: "weekly", timesPerPeriod: 3 } });
    const user = userIn("Europe/Berlin");
    expect(dueTimes(user, habit, berlinEight, [completion(habit, wednesday)])).toEqual([]);
  });

  it("not for a weekly habit whose target this week is met", () => {
    const habit = habitWith(["08:00"], { frequency: { type: "weekly", timesPerPeriod: 2 } });
    const user = userIn("Europe/Berlin");

    // Monday of the same ISO week, then Tuesday: two of two.
    expect(dueTimes(user, habit, berlinEight, [completion(habit, "2026-06-08")])).toEqual([`${wednesday} 08:00`]);
    expect(
      dueTimes(user, habit, berlinEight, [completion(habit, "2026-06-08"), completion(habit, "2026-06-09")]),
    ).toEqual([]);
    // Last week's completions do not count.
    expect(
      dueTimes(user, habit, berlinEight, [completion(habit, "2026-06-06"), completion(habit, "2026-06-07")]),
    ).toEqual([`${wednesday} 08:00`]);
  });

  it("not before the habit's startDate or after its endDate", () => {
    const user = userIn("Europe/Berlin");

    expect(dueTimes(user, habitWith(["08:00"], { startDate: "2026-06-11" }), berlinEight)).toEqual([]);
    expect(dueTimes(user, habitWith(["08:00"], { endDate: "2026-06-09" }), berlinEight)).toEqual([]);
  });

  it("not in quiet hours that wrap midnight (22:00–07:00); the end is no longer quiet", () => {
    const user = userIn("UTC", {
      reminders: { enabled: true, quietHours: { start: "22:00", end: "07:00" }, summary: defaultSummary },
    });
    const habit = habitWith(["06:30", "07:00", "21:59", "22:00", "23:30"]);

    expect(dueTimes(user, habit, utcWednesday)).toEqual([`${wednesday} 07:00`, `${wednesday} 21:59`]);
  });

  it("not in daytime quiet hours (12:00–14:00)", () => {
    const user = userIn("UTC", {
      reminders: { enabled: true, quietHours: { start: "12:00", end: "14:00" }, summary: defaultSummary },
    });
    const habit = habitWith(["11:59", "12:00", "13:59", "14:00"]);

    expect(dueTimes(user, habit, utcWednesday)).toEqual([`${wednesday} 11:59`, `${wednesday} 14:00`]);
  });

  it("not once claimed: only the claimed habit, date and time is left out", () => {
    const user = userIn("UTC");
    const habit = habitWith(["08:00", "09:00"]);
    const claimed = new Set([reminderKey(habit.id, wednesday, "08:00"), reminderKey(habit.id, "2026-06-09", "09:00")]);

    const due = dueRemindersOf(user, habit, utcWednesday, [], claimed);

    expect(due.map((reminder) => reminder.time)).toEqual(["09:00"]);
  });

  it("not when the user turned reminders off", () => {
    const user = userIn("Europe/Berlin", { reminders: { enabled: false, quietHours: null, summary: defaultSummary } });

    expect(dueTimes(user, habitWith(["08:00"]), berlinEight)).toEqual([]);
  });

  it("not while the user has blocked the bot", () => {
    const user = userIn("Europe/Berlin", { telegramBlockedAt: new Date("2026-06-01T00:00:00Z") });

    expect(dueTimes(user, habitWith(["08:00"]), berlinEight)).toEqual([]);
  });
});
