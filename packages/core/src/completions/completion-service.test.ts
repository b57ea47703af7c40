import { describe, expect, it } from "vitest";
import type { HabitInput } from "../habits/habit-input.js";
import {
  alwaysWin,
  type CoreFixture,
  type CoreFixtureOptions,
  createCoreFixture,
  unwrap,
} from "../testing/core-fixture.js";
import { scriptedRandom, seededRandom } from "../testing/seeded-random.js";
import type { CompleteInput } from "./completion-service.js";

// The fixture's today: Tuesday 2026-03-10 (UTC unless a test says otherwise).
const today = "2026-03-10";
const yesterday = "2026-03-09";
const minutes: HabitInput = { type: "measurable", target: { value: 30, unit: "minutes" } };

async function setUp(options: CoreFixtureOptions = {}) {
  const fixture = await createCoreFixture(options);
  const complete = (habitId: string, input: Partial<CompleteInput> = {}) =>
    fixture.core.completions.complete({ userId: fixture.user.id, habitId, source: "api", ...input });
  const revert = (habitId: string, date?: string) =>
    fixture.core.completions.revert({ userId: fixture.user.id, habitId, ...(date === undefined ? {} : { date }) });
  return { ...fixture, complete, revert };
}

/** The stored streak of each of the habit's completions, by date. */
async function storedStreaks(fixture: CoreFixture, habitId: string) {
  const completions = await fixture.store.completions.listForHabit(habitId);
  return Object.fromEntries(completions.map((completion) => [completion.date, completion.streak]));
}

async function progressOf(fixture: CoreFixture, rewardId: string) {
  return (await fixture.core.rewards.get(fixture.user.id, rewardId))?.progress;
}

describe("completing a habit", () => {
  it("completing today stores the completion with streak 1 and the day-one odds: totalWeight 10, winChance 0.5", async () => {
    const f = await setUp();
    const habit = await f.habit();

    const outcome = unwrap(await f.complete(habit.id, { note: "  felt good  " }));

    expect(outcome.completion).toMatchObject({
      habitId: habit.id,
      date: today,
      value: null,
      note: "felt good",
      source: "api",
      streak: 1,
      totalWeight: 10,
      winChance: 0.5,
    });
    expect(outcome.odds).toEqual({ totalWeight: 10, winChance: 0.5 });
    expect(outcome.streak).toEqual({ current: 1, longest: 1, lastCompletedDate: today });
    expect(await f.store.completions.findByDate(habit.id, today)).toEqual(outcome.completion);
  });

  it("the odds use the streak the completion continues: day two of a weight-10 habit has totalWeight 11", async () => {
    const f = await setUp();
    const habit = await f.habit();
    unwrap(await f.complete(habit.id, { date: yesterday }));

    const outcome = unwrap(await f.complete(habit.id));

    expect(outcome.completion.streak).toBe(2);
    expect(outcome.odds.totalWeight).toBeCloseTo(11, 10);
    expect(outcome.odds.winChance).toBeCloseTo(11 / 21, 10);
  });

  it("a heavier habit gets better odds: weight 30 on day one wins three times in four", async () => {
    const f = await setUp();
    const habit = await f.habit({ weight: 30 });

    const outcome = unwrap(await f.complete(habit.id));

    expect(outcome.odds).toEqual({ totalWeight: 30, winChance: 0.75 });
  });

  it("the day the habit was created does not limit backdating", async () => {
    const f = await setUp();
    const habit = await f.habit();

    const outcome = unwrap(await f.complete(habit.id, { date: "2026-03-03" }));

    expect(outcome.completion.date).toBe("2026-03-03");
  });
});

describe("refusals, each its own outcome", () => {
  it("an unknown habit is not_found", async () => {
    const f = await setUp();
    expect(await f.complete("habit-999999")).toEqual({ ok: false, reason: "not_found" });
  });

  it("another user's habit is not_found, and nothing is logged on it", async () => {
    const f = await setUp();
    const other = await f.otherUser();
    const theirs = unwrap(await f.core.habits.create(other.id, { name: "Theirs" }));

    expect(await f.complete(theirs.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await f.store.completions.listForHabit(theirs.id)).toEqual([]);
  });

  it.each([
    { name: "an impossible date", input: { date: "2026-02-30" }, field: "date", code: "invalid_format" },
    { name: "a date in another format", input: { date: "10.03.2026" }, field: "date", code: "invalid_format" },
    { name: "a value on a binary habit", input: { value: 1 }, field: "value", code: "not_allowed" },
    { name: "a note over 500 characters", input: { note: "x".repeat(501) }, field: "note", code: "too_long" },
  ])("$name is invalid ($field: $code)", async ({ input, field, code }) => {
    const f = await setUp();
    const habit = await f.habit();

    const result = await f.complete(habit.id, input);

    expect(result).toEqual({ ok: false, reason: "invalid", errors: [expect.objectContaining({ field, code })] });
    expect(await f.store.completions.listForHabit(habit.id)).toEqual([]);
  });

  it.each([
    { name: "a missing value", value: undefined, code: "required" },
    { name: "a zero value", value: 0, code: "too_small" },
    { name: "a negative value", value: -5, code: "too_small" },
  ])("$name on a measurable habit is invalid ($code)", async ({ value, code }) => {
    const f = await setUp();
    const habit = await f.habit(minutes);

    const result = await f.complete(habit.id, { value });

    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      errors: [expect.objectContaining({ field: "value", code })],
    });
  });

  it("a note of exactly 500 characters is accepted", async () => {
    const f = await setUp();
    const habit = await f.habit();

    expect((await f.complete(habit.id, { note: "x".repeat(500) })).ok).toBe(true);
  });

  it("an archived habit is habit_archived", async () => {
    const f = await setUp();
    const habit = await f.habit();
    unwrap(await f.core.habits.archive(f.user.id, habit.id));

    expect(await f.complete(habit.id)).toEqual({ ok: false, reason: "habit_archived" });
  });

  it("tomorrow is future_date and says what today is", async () => {
    const f = await setUp();
    const habit = await f.habit();

    expect(await f.complete(habit.id, { date: "2026-03-11" })).toEqual({
      ok: false,
      reason: "future_date",
      today,
    });
  });

  it("eight days back is outside_backdate_window and says the earliest date; seven days back is allowed", async () => {
    const f = await setUp();
    const habit = await f.habit();

    expect(await f.complete(habit.id, { date: "2026-03-02" })).toEqual({
      ok: false,
      reason: "outside_backdate_window",
      earliest: "2026-03-03",
    });
    expect((await f.complete(habit.id, { date: "2026-03-03" })).ok).toBe(true);
  });

  it("the backdating window is a setting", async () => {
    const f = await setUp({ settings: { backdateDays: 2 } });
    const habit = await f.habit();

    expect(await f.complete(habit.id, { date: "2026-03-07" })).toEqual({
      ok: false,
      reason: "outside_backdate_window",
      earliest: "2026-03-08",
    });
    expect((await f.complete(habit.id, { date: "2026-03-08" })).ok).toBe(true);
  });

  it("a date before the habit's startDate is before_start_date", async () => {
    const f = await setUp();
    const habit = await f.habit({ startDate: yesterday });

    expect(await f.complete(habit.id, { date: "2026-03-08" })).toEqual({
      ok: false,
      reason: "before_start_date",
      startDate: yesterday,
    });
    expect((await f.complete(habit.id, { date: yesterday })).ok).toBe(true);
  });

  it("a date after the habit's endDate is after_end_date", async () => {
    const f = await setUp();
    const habit = await f.habit({ endDate: "2026-03-08" });

    expect(await f.complete(habit.id)).toEqual({ ok: false, reason: "after_end_date", endDate: "2026-03-08" });
    expect((await f.complete(habit.id, { date: "2026-03-08" })).ok).toBe(true);
  });

  it("a second completion of the same date is already_completed, and the first stays", async () => {
    const f = await setUp();
    const habit = await f.habit();
    const first = unwrap(await f.complete(habit.id, { note: "first" }));

    expect(await f.complete(habit.id, { note: "second" })).toEqual({
      ok: false,
      reason: "already_completed",
      date: today,
    });
    expect(await f.store.completions.listForHabit(habit.id)).toEqual([first.completion]);
  });
});

describe("today is the user's local date", () => {
  it("at 2026-03-01T23:30Z a user in Asia/Tokyo completes on 2026-03-02, while UTC is still on 2026-03-01", async () => {
    const f = await setUp({ now: "2026-03-01T23:30:00Z", timezone: "Asia/Tokyo" });
    const habit = await f.habit();
    const utcUser = await f.otherUser("UTC");
    const utcHabit = unwrap(await f.core.habits.create(utcUser.id, { name: "Read" }));

    const tokyo = unwrap(await f.complete(habit.id));
    const utc = await f.core.completions.complete({
      userId: utcUser.id,
      habitId: utcHabit.id,
      date: "2026-03-02",
      source: "api",
    });

    expect(tokyo.completion.date).toBe("2026-03-02");
    expect(utc).toEqual({ ok: false, reason: "future_date", today: "2026-03-01" });
  });

  it("after a change of zone, today follows the new zone", async () => {
    const f = await setUp({ now: "2026-03-01T23:30:00Z" });
    const habit = await f.habit();
    unwrap(await f.core.users.updateProfile(f.user.id, { timezone: "Asia/Tokyo" }));

    const outcome = unwrap(await f.complete(habit.id));

    expect(outcome.completion.date).toBe("2026-03-02");
  });
});

describe("imports", () => {
  it("an import may go further back than the backdating window", async () => {
    const f = await setUp();
    const habit = await f.habit();

    const outcome = unwrap(await f.complete(habit.id, { date: "2025-12-01", source: "import" }));

    expect(outcome.completion).toMatchObject({ date: "2025-12-01", source: "import" });
  });

  it("an import is still refused in the future, on an archived habit and before the startDate", async () => {
    const f = await setUp();
    const habit = await f.habit();
    const started = await f.habit({ startDate: "2026-01-01" });
    const archived = await f.habit();
    unwrap(await f.core.habits.archive(f.user.id, archived.id));

    expect(await f.complete(habit.id, { date: "2026-03-11", source: "import" })).toMatchObject({
      reason: "future_date",
    });
    expect(await f.complete(archived.id, { date: "2025-12-01", source: "import" })).toEqual({
      ok: false,
      reason: "habit_archived",
    });
    expect(await f.complete(started.id, { date: "2025-12-31", source: "import" })).toMatchObject({
      reason: "before_start_date",
    });
  });
});

describe("stored streaks follow every change of history", () => {
  it("backdating into a gap joins the streaks: the later completion's stored streak is rewritten", async () => {
    const f = await setUp();
    const habit = await f.habit();
    unwrap(await f.complete(habit.id, { date: "2026-03-08" }));
    unwrap(await f.complete(habit.id, { date: today }));
    expect(await storedStreaks(f, habit.id)).toEqual({ "2026-03-08": 1, [today]: 1 });

    const outcome = unwrap(await f.complete(habit.id, { date: yesterday }));

    expect(outcome.completion.streak).toBe(2);
    expect(outcome.streak).toEqual({ current: 3, longest: 3, lastCompletedDate: today });
    expect(await storedStreaks(f, habit.id)).toEqual({ "2026-03-08": 1, [yesterday]: 2, [today]: 3 });
  });

  it("reverting the middle completion splits the streak: the later stored streaks are rewritten", async () => {
    const f = await setUp();
    const habit = await f.habit();
    for (const date of ["2026-03-08", yesterday, today]) unwrap(await f.complete(habit.id, { date }));

    const outcome = unwrap(await f.revert(habit.id, yesterday));

    expect(outcome.reverted.date).toBe(yesterday);
    expect(outcome.streak).toEqual({ current: 1, longest: 1, lastCompletedDate: today });
    expect(await storedStreaks(f, habit.id)).toEqual({ "2026-03-08": 1, [today]: 1 });
  });

  it("revert without a date undoes the latest completion", async () => {
    const f = await setUp();
    const habit = await f.habit();
    unwrap(await f.complete(habit.id, { date: yesterday }));
    unwrap(await f.complete(habit.id, { date: today }));

    const outcome = unwrap(await f.revert(habit.id));

    expect(outcome.reverted.date).toBe(today);
    expect(outcome.streak).toEqual({ current: 1, longest: 1, lastCompletedDate: yesterday });
    expect(await storedStreaks(f, habit.id)).toEqual({ [yesterday]: 1 });
  });

  it("reverting with nothing logged, or a date without a completion, is nothing_to_revert", async () => {
    const f = await setUp();
    const habit = await f.habit();

    expect(await f.revert(habit.id)).toEqual({ ok: false, reason: "nothing_to_revert" });
    unwrap(await f.complete(habit.id));
    expect(await f.revert(habit.id, yesterday)).toEqual({ ok: false, reason: "nothing_to_revert" });
    expect(await f.store.completions.listForHabit(habit.id)).toHaveLength(1);
  });

  it("reverting another user's habit is not_found, and a malformed date is invalid", async () => {
    const f = await setUp();
    const other = await f.otherUser();
    const theirs = unwrap(await f.core.habits.create(other.id, { name: "Theirs" }));
    unwrap(await f.core.completions.complete({ userId: other.id, habitId: theirs.id, source: "api" }));
    const habit = await f.habit();

    expect(await f.revert(theirs.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await f.store.completions.listForHabit(theirs.id)).toHaveLength(1);
    expect(await f.revert(habit.id, "2026-3-1")).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("revert is allowed on an archived habit and outside the backdating window: it only removes data", async () => {
    const f = await setUp();
    const habit = await f.habit();
    unwrap(await f.complete(habit.id, { date: "2025-12-01", source: "import" }));
    unwrap(await f.core.habits.archive(f.user.id, habit.id));

    const outcome = unwrap(await f.revert(habit.id, "2025-12-01"));

    expect(outcome.reverted.date).toBe("2025-12-01");
    expect(await f.store.completions.listForHabit(habit.id)).toEqual([]);
  });
});

describe("measurable habits", () => {
  it("a log below the target is kept, but has streak 0, no odds and makes no draw", async () => {
    // No numbers: any roll would throw.
    const f = await setUp({ random: scriptedRandom() });
    const habit = await f.habit(minutes);
    const reward = await f.reward();

    const outcome = unwrap(await f.complete(habit.id, { value: 10 }));

    expect(outcome.completion).toMatchObject({ value: 10, streak: 0, totalWeight: 0, winChance: 0 });
    expect(outcome.reward).toEqual({ won: false });
    expect(outcome.streak.current).toBe(0);
    expect(await f.store.draws.find(habit.id, today)).toBeUndefined();
    expect(await progressOf(f, reward.id)).toMatchObject({ piecesEarned: 0 });
  });

  it("a log that reaches the target counts: streak 1, odds and a draw", async () => {
    const f = await setUp({ random: scriptedRandom(0.99) });
    const habit = await f.habit(minutes);
    await f.habit(); // still due, so the draw is not guaranteed
    await f.reward();

    const outcome = unwrap(await f.complete(habit.id, { value: 30 }));

    expect(outcome.completion).toMatchObject({ value: 30, streak: 1, totalWeight: 10, winChance: 0.5 });
    expect(await f.store.draws.find(habit.id, today)).toMatchObject({ won: false });
  });

  it("a log below the target is a missed day for the streak", async () => {
    const f = await setUp();
    const habit = await f.habit(minutes);

    unwrap(await f.complete(habit.id, { date: "2026-03-08", value: 30 }));
    unwrap(await f.complete(habit.id, { date: yesterday, value: 10 }));
    const outcome = unwrap(await f.complete(habit.id, { value: 45 }));

    expect(outcome.completion.streak).toBe(1);
    expect(await storedStreaks(f, habit.id)).toEqual({ "2026-03-08": 1, [yesterday]: 0, [today]: 1 });
  });
});

describe("the reward draw", () => {
  it("a roll under the chance wins a piece of the reward, and the draw is kept", async () => {
    const f = await setUp({ random: scriptedRandom(0.2, 0) });
    const habit = await f.habit();
    await f.habit();
    const reward = await f.reward({ piecesRequired: 3 });

    const outcome = unwrap(await f.complete(habit.id));

    expect(outcome.reward).toMatchObject({
      won: true,
      reward: { id: reward.id },
      progress: { piecesEarned: 1, claimed: false, timesClaimed: 0 },
    });
    expect(await progressOf(f, reward.id)).toEqual({ piecesEarned: 1, claimed: false, timesClaimed: 0 });
    expect(await f.store.draws.find(habit.id, today)).toMatchObject({
      won: true,
      rewardId: reward.id,
      pieceHeld: true,
    });
  });

  it("a roll at the chance wins nothing", async () => {
    const f = await setUp({ random: scriptedRandom(0.5) });
    const habit = await f.habit();
    await f.habit();
    const reward = await f.reward();

    const outcome = unwrap(await f.complete(habit.id));

    expect(outcome.reward).toEqual({ won: false });
    expect(await progressOf(f, reward.id)).toMatchObject({ piecesEarned: 0 });
  });

  it("undo takes the piece back; redo gives the same piece without rolling again", async () => {
    // Exactly the numbers of one winning draw: a second roll would throw.
    const f = await setUp({ random: scriptedRandom(0.2, 0) });
    const habit = await f.habit();
    await f.habit();
    const reward = await f.reward({ piecesRequired: 3 });
    unwrap(await f.complete(habit.id));

    const undone = unwrap(await f.revert(habit.id));
    expect(undone.rewardTakenBack?.id).toBe(reward.id);
    expect(await progressOf(f, reward.id)).toMatchObject({ piecesEarned: 0 });
    expect(await f.store.draws.find(habit.id, today)).toMatchObject({ won: true, pieceHeld: false });

    const redone = unwrap(await f.complete(habit.id));
    expect(redone.reward).toMatchObject({ won: true, reward: { id: reward.id }, progress: { piecesEarned: 1 } });
    expect(await progressOf(f, reward.id)).toMatchObject({ piecesEarned: 1 });
    expect(await f.store.draws.find(habit.id, today)).toMatchObject({ won: true, pieceHeld: true });
  });

  it("a lost draw stays lost after undo and redo", async () => {
    const f = await setUp({ random: scriptedRandom(0.9) });
    const habit = await f.habit();
    await f.habit();
    const reward = await f.reward();
    unwrap(await f.complete(habit.id));
    unwrap(await f.revert(habit.id));
    f.random.use(alwaysWin);

    const redone = unwrap(await f.complete(habit.id));

    expect(redone.reward).toEqual({ won: false });
    expect(await progressOf(f, reward.id)).toMatchObject({ piecesEarned: 0 });
  });

  it("undo and redo after the piece was spent in a claim gives no second piece", async () => {
    const f = await setUp({ random: scriptedRandom(0.2, 0) });
    const habit = await f.habit();
    const reward = await f.reward({ piecesRequired: 1 });
    unwrap(await f.complete(habit.id));
    unwrap(await f.core.rewards.claim(f.user.id, reward.id));

    const undone = unwrap(await f.revert(habit.id));
    unwrap(await f.complete(habit.id));

    expect(undone.rewardTakenBack).toBeUndefined();
    expect(await progressOf(f, reward.id)).toEqual({ piecesEarned: 0, claimed: true, timesClaimed: 1 });
    expect(await f.core.rewards.claim(f.user.id, reward.id)).toEqual({ ok: false, reason: "already_claimed" });
  });

  it("with maxDailyClaims 1, a second piece of that reward the same local day is impossible; the next day it is possible", async () => {
    const f = await setUp({ random: alwaysWin });
    const [first, second, third] = [await f.habit(), await f.habit(), await f.habit()];
    const reward = await f.reward({ maxDailyClaims: 1, piecesRequired: 10 });

    const won = unwrap(await f.complete(first.id));
    const refused = unwrap(await f.complete(second.id));
    f.clock.advanceDays(1);
    const nextDay = unwrap(await f.complete(third.id));

    expect(won.reward).toMatchObject({ won: true, reward: { id: reward.id } });
    expect(refused.reward).toEqual({ won: false });
    expect(nextDay.reward).toMatchObject({ won: true, reward: { id: reward.id } });
    expect(await progressOf(f, reward.id)).toMatchObject({ piecesEarned: 2 });
  });

  it("a piece taken back by undo no longer counts against the daily limit", async () => {
    const f = await setUp({ random: alwaysWin });
    const [first, second] = [await f.habit(), await f.habit()];
    const reward = await f.reward({ maxDailyClaims: 1, piecesRequired: 10 });
    unwrap(await f.complete(first.id));
    unwrap(await f.revert(first.id));

    const outcome = unwrap(await f.complete(second.id));

    expect(outcome.reward).toMatchObject({ won: true, reward: { id: reward.id } });
  });

  it("an achieved but unclaimed reward is not eligible: the draw picks among the others", async () => {
    const f = await setUp({ random: alwaysWin });
    const [first, second] = [await f.habit(), await f.habit()];
    const achieved = await f.reward({ piecesRequired: 1 });
    const other = await f.reward({ piecesRequired: 5 });
    unwrap(await f.complete(first.id));
    expect(await progressOf(f, achieved.id)).toMatchObject({ piecesEarned: 1 });

    // A pick roll of 0 takes the first eligible reward: the achieved one, were it eligible.
    const outcome = unwrap(await f.complete(second.id));

    expect(outcome.reward).toMatchObject({ won: true, reward: { id: other.id } });
    expect(await progressOf(f, achieved.id)).toMatchObject({ piecesEarned: 1 });
  });

  it("an inactive reward is never drawn", async () => {
    const f = await setUp({ random: alwaysWin });
    const habit = await f.habit();
    const reward = await f.reward({ active: false });

    const outcome = unwrap(await f.complete(habit.id));

    expect(outcome.reward).toEqual({ won: false });
    expect(await progressOf(f, reward.id)).toMatchObject({ piecesEarned: 0 });
  });
});

describe("completing the last habit due today guarantees a reward", () => {
  it("a losing roll still wins when it completes the last habit due today", async () => {
    const f = await setUp({ random: scriptedRandom(0.99, 0) });
    const habit = await f.habit();
    const reward = await f.reward();

    const outcome = unwrap(await f.complete(habit.id));

    expect(outcome.reward).toMatchObject({ won: true, reward: { id: reward.id } });
  });

  it("no guarantee while another habit is still due; completing that one is guaranteed", async () => {
    const f = await setUp({ random: scriptedRandom(0.99, 0.99, 0) });
    const [first, last] = [await f.habit(), await f.habit()];
    await f.reward();

    const lost = unwrap(await f.complete(first.id));
    const won = unwrap(await f.complete(last.id));

    expect(lost.reward).toEqual({ won: false });
    expect(won.reward.won).toBe(true);
  });

  it("habits not due today do not stand in the way: exempt today, not started, archived, weekly target met", async () => {
    const f = await setUp({ random: scriptedRandom(0.99, 0) });
    const habit = await f.habit();
    await f.habit({ exemptWeekdays: [2] }); // today is a Tuesday
    await f.habit({ startDate: "2026-03-11" });
    const archived = await f.habit();
    unwrap(await f.core.habits.archive(f.user.id, archived.id));
    const weekly = await f.habit({ frequency: { type: "weekly", timesPerPeriod: 1 } });
    unwrap(await f.complete(weekly.id, { date: yesterday })); // the reward is created after, so no roll
    await f.reward();

    const outcome = unwrap(await f.complete(habit.id));

    expect(outcome.reward.won).toBe(true);
  });

  it("a measurable habit logged below its target today is still due", async () => {
    const f = await setUp({ random: scriptedRandom(0.99) });
    const habit = await f.habit();
    const measurable = await f.habit(minutes);
    unwrap(await f.complete(measurable.id, { value: 10 }));
    await f.reward();

    const outcome = unwrap(await f.complete(habit.id));

    expect(outcome.reward).toEqual({ won: false });
  });

  it("a backdated completion is not guaranteed", async () => {
    const f = await setUp({ random: scriptedRandom(0.99) });
    const habit = await f.habit();
    await f.reward();

    const outcome = unwrap(await f.complete(habit.id, { date: yesterday }));

    expect(outcome.reward).toEqual({ won: false });
  });

  it("no guarantee when the user turned the setting off", async () => {
    const f = await setUp({ random: scriptedRandom(0.99) });
    const habit = await f.habit();
    await f.reward();
    unwrap(await f.core.users.updateProfile(f.user.id, { rewardOdds: { guaranteeLastHabit: false } }));

    const outcome = unwrap(await f.complete(habit.id));

    expect(outcome.reward).toEqual({ won: false });
  });
});

describe("milestones", () => {
  it("the seventh day in a row reaches the streak milestone 7", async () => {
    const f = await setUp();
    const habit = await f.habit();
    const outcomes = [];
    for (const date of ["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", yesterday, today]) {
      outcomes.push(unwrap(await f.complete(habit.id, { date })));
    }

    expect(outcomes.map((outcome) => outcome.milestone)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      { kind: "streak", value: 7 },
    ]);
  });

  it("the completion that reaches the habit's milestoneTarget reports it, the next one does not", async () => {
    const f = await setUp();
    const habit = await f.habit({ milestoneTarget: 3 });
    // Not in a row, so only the count can reach a milestone.
    for (const date of ["2026-03-03", "2026-03-05"]) {
      expect(unwrap(await f.complete(habit.id, { date })).milestone).toBeUndefined();
    }

    const third = unwrap(await f.complete(habit.id, { date: "2026-03-07" }));
    const fourth = unwrap(await f.complete(habit.id, { date: yesterday }));

    expect(third.milestone).toEqual({ kind: "target", value: 3 });
    expect(fourth.milestone).toBeUndefined();
  });

  it("a measurable log below its target does not count toward the milestoneTarget", async () => {
    const f = await setUp();
    const habit = await f.habit({ ...minutes, milestoneTarget: 1 });

    const below = unwrap(await f.complete(habit.id, { date: yesterday, value: 5 }));
    const reached = unwrap(await f.complete(habit.id, { value: 30 }));

    expect(below.milestone).toBeUndefined();
    expect(reached.milestone).toEqual({ kind: "target", value: 1 });
  });
});

describe("batches", () => {
  it("an atomic batch rolls everything back on one failure and reports the earlier items rolled_back", async () => {
    const f = await setUp({ random: alwaysWin });
    const [first, second] = [await f.habit(), await f.habit()];
    const reward = await f.reward({ piecesRequired: 10 });
    const item = (habitId: string): CompleteInput => ({ userId: f.user.id, habitId, source: "batch" });

    const results = await f.core.completions.completeMany([item(first.id), item(second.id), item(first.id)], {
      atomic: true,
    });

    expect(results).toEqual([
      { ok: false, reason: "rolled_back" },
      { ok: false, reason: "rolled_back" },
      { ok: false, reason: "already_completed", date: today },
    ]);
    expect(await f.store.completions.listForUser(f.user.id, { from: "2026-01-01", to: today })).toEqual([]);
    expect(await f.store.draws.find(first.id, today)).toBeUndefined();
    expect(await progressOf(f, reward.id)).toMatchObject({ piecesEarned: 0 });
  });

  it("an atomic batch answers every item: those after the failure are not_attempted", async () => {
    const f = await setUp();
    const habit = await f.habit();
    const item = (habitId: string): CompleteInput => ({ userId: f.user.id, habitId, source: "batch" });

    const results = await f.core.completions.completeMany([item("missing"), item(habit.id), item(habit.id)], {
      atomic: true,
    });

    expect(results).toEqual([
      { ok: false, reason: "not_found" },
      { ok: false, reason: "not_attempted" },
      { ok: false, reason: "not_attempted" },
    ]);
    expect(await f.store.completions.listForHabit(habit.id)).toEqual([]);
  });

  it("an atomic batch without failures keeps every item", async () => {
    const f = await setUp();
    const [first, second] = [await f.habit(), await f.habit()];

    const results = await f.core.completions.completeMany(
      [first.id, second.id].map((habitId) => ({ userId: f.user.id, habitId, source: "batch" as const })),
      { atomic: true },
    );

    expect(results.map((result) => result.ok)).toEqual([true, true]);
    expect(await f.store.completions.listForUser(f.user.id, { from: today, to: today })).toHaveLength(2);
  });

  it("a non-atomic batch keeps the good items and reports each failure", async () => {
    const f = await setUp();
    const [first, second] = [await f.habit(), await f.habit()];
    const item = (habitId: string, date?: string): CompleteInput => ({
      userId: f.user.id,
      habitId,
      source: "batch",
      ...(date ? { date } : {}),
    });

    const results = await f.core.completions.completeMany(
      [item(first.id), item(first.id, "2026-03-11"), item(second.id)],
      { atomic: false },
    );

    expect(results.map((result) => (result.ok ? "ok" : result.reason))).toEqual(["ok", "future_date", "ok"]);
    const stored = await f.store.completions.listForUser(f.user.id, { from: today, to: today });
    expect(stored.map((completion) => completion.habitId)).toEqual([first.id, second.id]);
  });
});

describe("concurrency", () => {
  it("50 simultaneous completions of one habit-day: exactly one succeeds, 49 are already_completed, one draw at most", async () => {
    const f = await setUp({ random: seededRandom(7) });
    const habit = await f.habit();
    const reward = await f.reward({ piecesRequired: 100 });

    const results = await Promise.all(Array.from({ length: 50 }, () => f.complete(habit.id)));

    const succeeded = results.filter((result) => result.ok);
    const refused = results.filter((result) => !result.ok && result.reason === "already_completed");
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(49);
    expect(await f.store.completions.listForHabit(habit.id)).toHaveLength(1);
    const drawn = await f.store.draws.find(habit.id, today);
    const pieces = (await progressOf(f, reward.id))?.piecesEarned;
    expect(pieces).toBe(drawn?.won ? 1 : 0);
  });
});

describe("streakOf", () => {
  it("reports the current and longest streak today; a missed day ends the current one", async () => {
    const f = await setUp();
    const habit = await f.habit();
    for (const date of ["2026-03-08", yesterday]) unwrap(await f.complete(habit.id, { date }));

    expect(await f.core.completions.streakOf(f.user.id, habit.id)).toEqual({
      current: 2,
      longest: 2,
      lastCompletedDate: yesterday,
    });
    f.clock.advanceDays(1);
    expect(await f.core.completions.streakOf(f.user.id, habit.id)).toEqual({
      current: 0,
      longest: 2,
      lastCompletedDate: yesterday,
    });
  });

  it("is undefined for another user's habit", async () => {
    const f = await setUp();
    const other = await f.otherUser();
    const theirs = unwrap(await f.core.habits.create(other.id, { name: "Theirs" }));

    expect(await f.core.completions.streakOf(f.user.id, theirs.id)).toBeUndefined();
  });
});

describe("list", () => {
  it("returns a habit's completions oldest first, within the dates asked, and nothing of another user's habit", async () => {
    const f = await setUp();
    const habit = await f.habit();
    unwrap(await f.complete(habit.id));
    unwrap(await f.complete(habit.id, { date: "2026-03-05" }));
    unwrap(await f.complete(habit.id, { date: yesterday }));
    const other = await f.otherUser();
    const theirs = unwrap(await f.core.habits.create(other.id, { name: "Theirs" }));

    const dates = (list: Array<{ date: string }> | undefined) => list?.map((completion) => completion.date);
    expect(dates(await f.core.completions.list(f.user.id, habit.id))).toEqual(["2026-03-05", yesterday, today]);
    expect(dates(await f.core.completions.list(f.user.id, habit.id, { from: yesterday }))).toEqual([yesterday, today]);
    expect(await f.core.completions.list(f.user.id, theirs.id)).toBeUndefined();
  });
});

describe("what is due today", () => {
  it("a weekly habit done today is done for today though its week is not complete; a habit not due today is neither", async () => {
    const f = await setUp();
    const gym = await f.habit({ name: "Gym", frequency: { type: "weekly", timesPerPeriod: 3 } });
    // Tuesday: a Mon/Wed habit is not due.
    await f.habit({ name: "Swim", exemptWeekdays: [2, 4, 5, 6, 7] });
    await f.habit({ name: "Read" });
    const walk = await f.habit({ name: "Walk", ...minutes });
    unwrap(await f.complete(gym.id));
    unwrap(await f.complete(walk.id, { value: 10 }));

    const found = await f.core.completions.dueToday(f.user.id);
    // Walk was logged below its target: still to do, and not done.
    expect(found?.due.map((habit) => habit.name)).toEqual(["Read", "Walk"]);
    expect(found?.doneToday.map((habit) => habit.name)).toEqual(["Gym"]);
    expect(found?.habits.map((habit) => habit.name)).toEqual(["Gym", "Swim", "Read", "Walk"]);
  });
});
