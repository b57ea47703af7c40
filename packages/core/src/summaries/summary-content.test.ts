// What a daily and a weekly summary say: plain numbers and names, computed by the summaries
// service over the in-memory store with the clock standing where the test puts it.
import { describe, expect, it } from "vitest";
import { createCoreFixture, unwrap } from "../testing/core-fixture.js";
import type { LocalDate } from "../time/local-date.js";

async function setUp(now: string) {
  const f = await createCoreFixture({ now });
  const log = async (habitId: string, dates: readonly LocalDate[], value?: number) => {
    for (const date of dates) {
      unwrap(
        await f.core.completions.complete({
          userId: f.user.id,
          habitId,
          date,
          source: "api",
          ...(value === undefined ? {} : { value }),
        }),
      );
    }
  };
  return { ...f, log };
}

describe("the daily summary", () => {
  // Tuesday 2026-03-10, 21:00 UTC.
  const evening = "2026-03-10T21:00:00Z";

  it("lists the habits of the day, done or not, with live streaks: 3 of 5", async () => {
    const f = await setUp(evening);
    const read = await f.habit({ name: "Read" });
    const run = await f.habit({ name: "Run" });
    const stretch = await f.habit({ name: "Stretch" });
    const water = await f.habit({ name: "Water", type: "measurable", target: { value: 8, unit: "glasses" } });
    const gym = await f.habit({ name: "Gym", frequency: { type: "weekly", timesPerPeriod: 1 } });
    const yoga = await f.habit({ name: "Yoga", frequency: { type: "weekly", timesPerPeriod: 2 } });
    await f.habit({ name: "Rest", exemptWeekdays: [2] }); // not due on Tuesdays
    const archived = await f.habit({ name: "Old" });
    unwrap(await f.core.habits.archive(f.user.id, archived.id));
    await f.log(read.id, ["2026-03-08", "2026-03-09", "2026-03-10"]);
    await f.log(run.id, ["2026-03-10"]);
    await f.log(stretch.id, ["2026-03-09"]);
    await f.log(water.id, ["2026-03-10"], 3); // below the target: not done
    await f.log(gym.id, ["2026-03-09"]); // this week's target met on Monday
    await f.log(yoga.id, ["2026-03-10"]);

    const summary = await f.core.summaries.content({ userId: f.user.id, kind: "daily", date: "2026-03-10" });

    expect(summary).toEqual({
      kind: "daily",
      date: "2026-03-10",
      habits: [
        { habitId: read.id, name: "Read", done: true, currentStreak: 3 },
        { habitId: run.id, name: "Run", done: true, currentStreak: 1 },
        // Yesterday's streak is still alive: today is open.
        { habitId: stretch.id, name: "Stretch", done: false, currentStreak: 1 },
        { habitId: water.id, name: "Water", done: false, currentStreak: 0 },
        { habitId: yoga.id, name: "Yoga", done: true, currentStreak: 0 },
      ],
      done: 3,
      total: 5,
      // Read, Run, Stretch and Gym (whose week is complete).
      liveStreaks: 4,
      stillDueToday: 2,
    });
  });

  it("sent just after midnight, covers the day it was for: later completions do not count, nothing is still due", async () => {
    const f = await setUp(evening);
    const read = await f.habit({ name: "Read" });
    const run = await f.habit({ name: "Run" });
    await f.log(read.id, ["2026-03-10"]);
    f.clock.set("2026-03-11T00:00:30Z");
    await f.log(run.id, ["2026-03-11"]);

    const summary = await f.core.summaries.content({ userId: f.user.id, kind: "daily", date: "2026-03-10" });

    expect(summary).toMatchObject({
      date: "2026-03-10",
      habits: [
        { name: "Read", done: true, currentStreak: 1 },
        { name: "Run", done: false, currentStreak: 0 },
      ],
      done: 1,
      total: 2,
      stillDueToday: 0,
    });
  });

  it("is undefined for a user who is gone", async () => {
    const f = await setUp(evening);
    expect(await f.core.summaries.content({ userId: "user-999999", kind: "daily", date: "2026-03-10" })).toBe(
      undefined,
    );
  });
});

describe("the weekly summary", () => {
  it("gives each habit's completions against the ISO week's expectations, by the analytics rules", async () => {
    const f = await setUp("2026-03-01T08:00:00Z");
    const read = await f.habit({ name: "Read" });
    const gym = await f.habit({ name: "Gym", frequency: { type: "weekly", timesPerPeriod: 3 } });
    await f.habit({ name: "Later", startDate: "2026-04-01" }); // expects nothing this week: left out
    const archived = await f.habit({ name: "Old" });
    unwrap(await f.core.habits.archive(f.user.id, archived.id));
    // Sunday 2026-03-15, 20:00: the end of ISO week 11 (Mon 9 – Sun 15).
    f.clock.set("2026-03-15T20:00:00Z");
    await f.log(read.id, ["2026-03-08", "2026-03-09", "2026-03-10", "2026-03-12", "2026-03-13", "2026-03-14"]);
    await f.log(read.id, ["2026-03-15"]);
    await f.log(gym.id, ["2026-03-10", "2026-03-12"]);

    const summary = await f.core.summaries.content({ userId: f.user.id, kind: "weekly", date: "2026-03-15" });

    expect(summary).toEqual({
      kind: "weekly",
      week: "2026-W11",
      from: "2026-03-09",
      to: "2026-03-15",
      habits: [
        // Wednesday missed: 6 of 7, and Thursday to Sunday in a row.
        {
          habitId: read.id,
          name: "Read",
          completions: 6,
          expected: 7,
          achieved: 6,
          successRate: 6 / 7,
          currentStreak: 4,
        },
        {
          habitId: gym.id,
          name: "Gym",
          completions: 2,
          expected: 3,
          achieved: 2,
          successRate: 2 / 3,
          currentStreak: 0,
        },
      ],
      completions: 8,
      expected: 10,
      achieved: 8,
      successRate: 0.8,
      liveStreaks: 1,
    });
    // The same numbers as the statistics of that week.
    const stats = await f.core.analytics.habitStats(f.user.id, gym.id, { from: "2026-03-09", to: "2026-03-15" });
    expect(stats).toMatchObject({ expected: 3, achieved: 2, successRate: 2 / 3, totalCompletions: 2 });
  });
});
