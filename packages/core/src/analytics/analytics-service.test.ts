import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompleteInput } from "../completions/completion-service.js";
import type { HabitInput } from "../habits/habit-input.js";
import { type CoreFixture, createCoreFixture, unwrap } from "../testing/core-fixture.js";
import { seededRandom } from "../testing/seeded-random.js";
import { addDays, eachDate, type LocalDate } from "../time/local-date.js";

// Habits are made on Sunday 2026-03-01 (so expectations start then); "today" is set per test.
const created = "2026-03-01T08:00:00Z";

async function setUp() {
  const fixture = await createCoreFixture({ now: created });
  const userId = fixture.user.id;
  /** Logs completions, each on its own day (the clock stands there meanwhile, then comes back). */
  const log = async (habitId: string, dates: readonly LocalDate[], extra: Partial<CompleteInput> = {}) => {
    const now = fixture.clock.now().toISOString();
    for (const date of dates) {
      fixture.clock.set(`${date}T12:00:00Z`);
      unwrap(await fixture.core.completions.complete({ userId, habitId, source: "api", ...extra }));
    }
    fixture.clock.set(now);
  };
  const at = (date: LocalDate) => fixture.clock.set(`${date}T12:00:00Z`);
  const stats = async (habitId: string, range?: { from: LocalDate; to: LocalDate }) => {
    const found = await fixture.core.analytics.habitStats(userId, habitId, range);
    if (!found) throw new Error("expected statistics");
    return found;
  };
  return { ...fixture, log, at, stats };
}

describe("habit statistics", () => {
  it("a daily habit off at weekends: expected counts due days since it began, achieved the due days done", async () => {
    const f = await setUp();
    const habit = await f.habit({ exemptWeekdays: [6, 7] });
    // Mon, Tue, Wed, and a Saturday (exempt: allowed, counted, but not expected).
    await f.log(habit.id, ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-07"]);
    f.at("2026-03-15");

    const stats = await f.stats(habit.id);

    expect(stats).toMatchObject({
      range: { from: "2026-02-14", to: "2026-03-15" },
      // Due: Mar 2–6 and 9–13; not before Mar 1, when the habit was made.
      expected: 10,
      achieved: 3,
      successRate: 0.3,
      totalCompletions: 4,
      byWeekday: [1, 1, 1, 0, 0, 1, 0],
      lastCompletedDate: "2026-03-07",
      streak: { current: 0, longest: 3, lastCompletedDate: "2026-03-07" },
      milestone: null,
    });
  });

  it.each<{ name: string; input: HabitInput; dates: LocalDate[]; expected: number; achieved: number }>([
    {
      // Week of Mar 2: Mar 5–8 is 4 of 7 days → ceil(3 × 4/7) = 2; week of Mar 9 whole → 3.
      name: "a weekly habit 3 times a week, starting on a Thursday",
      input: { frequency: { type: "weekly", timesPerPeriod: 3 }, startDate: "2026-03-05" },
      dates: ["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-10"],
      expected: 5,
      achieved: 3, // the first week's third completion is over its expectation
    },
    {
      // Mar 1–15 is 15 of 31 days → ceil(10 × 15/31) = 5.
      name: "a monthly habit 10 times a month, half a month in",
      input: { frequency: { type: "monthly", timesPerPeriod: 10 } },
      dates: ["2026-03-02", "2026-03-09"],
      expected: 5,
      achieved: 2,
    },
  ])(
    "$name expects ceil(timesPerPeriod × overlap / period) per period",
    async ({ input, dates, expected, achieved }) => {
      const f = await setUp();
      const habit = await f.habit(input);
      await f.log(habit.id, dates);
      f.at("2026-03-15");

      const stats = await f.stats(habit.id, { from: "2026-03-01", to: "2026-03-15" });

      expect(stats).toMatchObject({ expected, achieved, successRate: achieved / expected });
    },
  );

  it("nothing expected gives success rate 0: a habit not started yet, a range before it began", async () => {
    const f = await setUp();
    const later = await f.habit({ startDate: "2026-03-20" });
    const habit = await f.habit();
    f.at("2026-03-15");

    expect(await f.stats(later.id)).toMatchObject({ expected: 0, achieved: 0, successRate: 0 });
    expect(await f.stats(habit.id, { from: "2026-02-01", to: "2026-02-20" })).toMatchObject({
      expected: 0,
      successRate: 0,
    });
  });

  it("a measurable log below its target is not achieved and not counted", async () => {
    const f = await setUp();
    const habit = await f.habit({ type: "measurable", target: { value: 30, unit: "minutes" } });
    await f.log(habit.id, ["2026-03-01"], { value: 45 });
    await f.log(habit.id, ["2026-03-02"], { value: 10 });
    f.at("2026-03-02");

    expect(await f.stats(habit.id)).toMatchObject({
      expected: 2,
      achieved: 1,
      successRate: 0.5,
      totalCompletions: 1,
      lastCompletedDate: "2026-03-01",
    });
  });

  it("milestone progress counts every counted completion toward the target", async () => {
    const f = await setUp();
    const habit = await f.habit({ milestoneTarget: 5 });
    await f.log(habit.id, ["2026-03-01", "2026-03-02", "2026-03-04"]);
    f.at("2026-03-10");

    expect((await f.stats(habit.id)).milestone).toEqual({ target: 5, current: 3, reached: false });
    await f.log(habit.id, ["2026-03-05", "2026-03-08"]);
    expect((await f.stats(habit.id)).milestone).toEqual({ target: 5, current: 5, reached: true });
  });

  it("strength rises with each completion and decays with each miss, as Loop's score", async () => {
    const f = await setUp();
    const habit = await f.habit();
    await f.log(habit.id, eachDate("2026-03-01", "2026-03-10"));
    // Daily: m = 0.5^(1/13); from 0, n completions give 1 − m^n, then k misses multiply by m^k.
    const m = 0.5 ** (1 / 13);

    f.at("2026-03-05");
    const early = (await f.stats(habit.id)).strength;
    f.at("2026-03-10");
    const peak = (await f.stats(habit.id)).strength;
    f.at("2026-03-15");
    const decayed = (await f.stats(habit.id)).strength;

    expect(early).toBeCloseTo(1 - m ** 5, 10);
    expect(peak).toBeCloseTo(1 - m ** 10, 10);
    expect(decayed).toBeCloseTo((1 - m ** 10) * m ** 5, 10);
    expect(early).toBeLessThan(peak);
    expect(decayed).toBeLessThan(peak);
  });

  it("strength is 0 for a habit never done", async () => {
    const f = await setUp();
    const habit = await f.habit();
    f.at("2026-03-15");

    expect((await f.stats(habit.id)).strength).toBe(0);
  });

  it("another user's habit, or an unknown user, has no statistics", async () => {
    const f = await setUp();
    const other = await f.otherUser();
    const theirs = unwrap(await f.core.habits.create(other.id, { name: "Theirs" }));

    expect(await f.core.analytics.habitStats(f.user.id, theirs.id)).toBeUndefined();
    expect(await f.core.analytics.overview("user-999999")).toBeUndefined();
  });
});

describe("overview", () => {
  it("totals the active habits: completions, live streaks, rewards, overall success rate, top habits", async () => {
    const f = await setUp();
    const strong = await f.habit({ name: "Strong" });
    const weak = await f.habit({ name: "Weak" });
    const archived = await f.habit({ name: "Archived" });
    await f.log(strong.id, eachDate("2026-03-01", "2026-03-04"));
    await f.log(weak.id, ["2026-03-01"]);
    await f.log(archived.id, ["2026-03-02"]);
    unwrap(await f.core.habits.archive(f.user.id, archived.id));
    const achieved = await f.reward();
    const claimed = await f.reward();
    await f.store.rewards.setProgress(achieved.id, { piecesEarned: 1, claimed: false, timesClaimed: 2 });
    await f.store.rewards.setProgress(claimed.id, { piecesEarned: 0, claimed: true, timesClaimed: 1 });
    f.at("2026-03-04");

    const result = await f.core.analytics.overview(f.user.id);

    expect(result?.overview).toMatchObject({
      habits: 2,
      completions: 5,
      liveStreaks: 1,
      rewardsAchieved: 1,
      rewardsClaimed: 3,
      expected: 8,
      achieved: 5,
      successRate: 5 / 8,
      topHabits: [
        { habitId: strong.id, name: "Strong", successRate: 1, currentStreak: 4 },
        { habitId: weak.id, name: "Weak", successRate: 0.25, currentStreak: 0 },
      ],
    });
    expect(result?.habits.map((stats) => stats.habitId)).toEqual([strong.id, weak.id]);
  });
});

describe("month grid", () => {
  it.each([
    { year: 2026, month: 2, days: 28 },
    { year: 2028, month: 2, days: 29 },
    { year: 2026, month: 4, days: 30 },
    { year: 2026, month: 12, days: 31 },
  ])("$year-$month has one entry per day: $days", async ({ year, month, days }) => {
    const f = await setUp();
    await f.habit();

    const grid = await f.core.analytics.monthGrid(f.user.id, year, month);

    expect(grid?.[0]?.data).toHaveLength(days);
  });

  it("each active habit is a row: 1/0 for binary, the logged value for measurable", async () => {
    const f = await setUp();
    const read = await f.habit({ name: "Read", color: "#112233" });
    const run = await f.habit({ name: "Run", type: "measurable", target: { value: 5, unit: "km" } });
    const archived = await f.habit({ name: "Old" });
    await f.log(read.id, ["2026-03-01", "2026-03-03", "2026-03-31"]);
    await f.log(read.id, ["2026-02-28", "2026-04-01"]); // other months
    await f.log(run.id, ["2026-03-02"], { value: 7.5 });
    await f.log(run.id, ["2026-03-03"], { value: 2 }); // below target: still its value
    unwrap(await f.core.habits.archive(f.user.id, archived.id));
    f.at("2026-04-05");

    const grid = await f.core.analytics.monthGrid(f.user.id, 2026, 3);

    const empty = () => Array.from({ length: 31 }, () => 0);
    const readData = empty();
    readData[0] = 1;
    readData[2] = 1;
    readData[30] = 1;
    const runData = empty();
    runData[1] = 7.5;
    runData[2] = 2;
    expect(grid).toEqual([
      { id: read.id, name: "Read", color: "#112233", data: readData },
      { id: run.id, name: "Run", color: run.color, data: runData },
    ]);
  });
});

describe("trends", () => {
  it("per ISO week: completions, expected, achieved and success rate of each week in the range", async () => {
    const f = await setUp();
    const habit = await f.habit();
    await f.log(habit.id, ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09"]);
    f.at("2026-03-15");

    const points = await f.core.analytics.trends(f.user.id, "week", { from: "2026-03-04", to: "2026-03-15" });

    expect(points).toEqual([
      { start: "2026-03-04", end: "2026-03-08", completions: 3, expected: 5, achieved: 3, successRate: 3 / 5 },
      { start: "2026-03-09", end: "2026-03-15", completions: 1, expected: 7, achieved: 1, successRate: 1 / 7 },
    ]);
  });

  it("per month: a month before any habit began expects nothing", async () => {
    const f = await setUp();
    const habit = await f.habit();
    await f.log(habit.id, ["2026-03-01", "2026-03-02"]);
    f.at("2026-03-10");

    const points = await f.core.analytics.trends(f.user.id, "month", { from: "2026-02-01", to: "2026-03-10" });

    expect(points).toEqual([
      { start: "2026-02-01", end: "2026-02-28", completions: 0, expected: 0, achieved: 0, successRate: 0 },
      { start: "2026-03-01", end: "2026-03-10", completions: 2, expected: 10, achieved: 2, successRate: 0.2 },
    ]);
  });
});

describe("invariants under any history (property)", () => {
  type Command =
    | { kind: "complete"; habit: number; daysBack: number; value: number }
    | { kind: "revert"; habit: number; daysBack: number | null }
    | { kind: "claim" }
    | { kind: "advance"; days: number };

  const command: fc.Arbitrary<Command> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant("complete" as const),
        habit: fc.nat(2),
        daysBack: fc.nat(7),
        value: fc.integer({ min: 1, max: 60 }),
      }),
    },
    // Undoing the latest completion is the common case, and the one that meets a fresh draw.
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("revert" as const),
        habit: fc.nat(2),
        daysBack: fc.option(fc.nat(7), { nil: null, freq: 2 }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("claim" as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 3 }) }),
    },
  );

  const habitInputs: HabitInput[] = [
    { exemptWeekdays: [6, 7], allowedSkipDays: 1 },
    { frequency: { type: "weekly", timesPerPeriod: 3 } },
    { type: "measurable", target: { value: 30, unit: "minutes" } },
  ];

  /** Winning draws of a reward whose piece is still held, over every habit and date the run touched. */
  async function heldPieces(
    f: CoreFixture,
    habitIds: readonly string[],
    dates: ReadonlySet<LocalDate>,
    rewardId: string,
  ) {
    let held = 0;
    for (const habitId of habitIds) {
      for (const date of dates) {
        const drawn = await f.store.draws.find(habitId, date);
        if (drawn?.won && drawn.pieceHeld && drawn.rewardId === rewardId) held += 1;
      }
    }
    return held;
  }

  it("success rates stay within [0, 1], piecesEarned never goes negative, and no piece appears from nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { maxLength: 25 }),
        fc.integer(),
        fc.constantFrom("UTC", "Asia/Tokyo", "America/Los_Angeles"),
        async (commands, seed, timezone) => {
          const f = await createCoreFixture({ random: seededRandom(seed), timezone });
          const userId = f.user.id;
          const habits = [];
          for (const input of habitInputs) habits.push(await f.habit(input));
          const rewards = [
            await f.reward({ piecesRequired: 1, maxDailyClaims: 1 }),
            await f.reward({ piecesRequired: 1, isRecurring: false }),
            await f.reward({ piecesRequired: 3, weight: 2 }),
          ];
          const habitIds = habits.map((habit) => habit.id);
          const touched = new Set<LocalDate>();

          for (const step of commands) {
            const habit = habits[step.kind === "complete" || step.kind === "revert" ? step.habit : 0];
            if (!habit) throw new Error("no such habit");
            if (step.kind === "complete") {
              const date = addDays(f.today(), -step.daysBack);
              touched.add(date);
              const value = habit.type === "measurable" ? step.value : null;
              await f.core.completions.complete({ userId, habitId: habit.id, date, value, source: "api" });
            } else if (step.kind === "revert") {
              const date = step.daysBack === null ? undefined : addDays(f.today(), -step.daysBack);
              await f.core.completions.revert({ userId, habitId: habit.id, ...(date ? { date } : {}) });
            } else if (step.kind === "claim") {
              // Claims whatever can be claimed; the others are refused and change nothing.
              for (const reward of rewards) await f.core.rewards.claim(userId, reward.id);
            } else {
              f.clock.advanceDays(step.days);
            }

            const claims = await f.core.rewards.claims(userId);
            for (const reward of await f.core.rewards.list(userId)) {
              expect(reward.progress.piecesEarned).toBeGreaterThanOrEqual(0);
              const spent = claims
                .filter((claim) => claim.rewardId === reward.id)
                .reduce((sum, claim) => sum + claim.pieces, 0);
              expect(reward.progress.piecesEarned + spent).toBe(await heldPieces(f, habitIds, touched, reward.id));
            }
            const overview = await f.core.analytics.overview(userId);
            for (const stats of [overview?.overview, ...(overview?.habits ?? [])]) {
              expect(stats?.successRate).toBeGreaterThanOrEqual(0);
              expect(stats?.successRate).toBeLessThanOrEqual(1);
              expect(stats?.achieved).toBeLessThanOrEqual(stats?.expected ?? 0);
            }
          }
          for (const point of (await f.core.analytics.trends(userId, "week")) ?? []) {
            expect(point.successRate).toBeGreaterThanOrEqual(0);
            expect(point.successRate).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
