import type { Core, Habit, Reward } from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreOnTestDatabase, type MovableClock, movableClock } from "../support/core-on-database.js";
import { dialect } from "../support/test-database.js";

// A random source whose rolls the test sets: 0 always wins (and picks the first reward), 0.99 loses.
function settableRandom() {
  let roll = 0;
  return { next: () => roll, set: (value: number) => (roll = value) };
}

describe(`the core services on ${dialect}`, () => {
  let core: Core;
  let cleanup: () => Promise<void>;
  let clock: MovableClock;
  const random = settableRandom();

  beforeAll(async () => {
    clock = movableClock("2026-03-10T09:00:00Z");
    ({ core, cleanup } = await coreOnTestDatabase({ clock, random }));
  });
  afterAll(async () => cleanup());

  async function userWithHabit(zone = "Europe/Berlin") {
    const { user } = await core.users.fromTelegram({
      id: Math.floor(Math.random() * 2 ** 40),
      firstName: "Ann",
      languageCode: "ru",
    });
    await core.users.updateProfile(user.id, { timezone: zone, rewardOdds: { guaranteeLastHabit: false } });
    const habit = await core.habits.create(user.id, { name: "Read" });
    if (!habit.ok) throw new Error("habit not created");
    return { userId: user.id, habit: habit.value as Habit };
  }

  async function rewardFor(
    userId: string,
    fields: { name?: string; piecesRequired?: number; isRecurring?: boolean } = {},
  ) {
    const reward = await core.rewards.create(userId, { name: "Coffee", weight: 1, piecesRequired: 1, ...fields });
    if (!reward.ok) throw new Error("reward not created");
    return reward.value as Reward;
  }

  it("a completion stores its streak and odds, and the user's zone decides today", async () => {
    const { userId, habit } = await userWithHabit("Asia/Tokyo");
    clock.set("2026-03-10T23:30:00Z"); // already 2026-03-11 in Tokyo
    random.set(0.99);
    const result = await core.completions.complete({ userId, habitId: habit.id, source: "api" });
    expect(result.ok && result.value.completion).toMatchObject({
      date: "2026-03-11",
      streak: 1,
      totalWeight: 10,
      winChance: 0.5,
    });
  });

  it("backdating into a gap joins the streaks after it; reverting it splits them again", async () => {
    const { userId, habit } = await userWithHabit();
    clock.set("2026-03-10T09:00:00Z");
    random.set(0.99);
    for (const date of ["2026-03-06", "2026-03-08", "2026-03-09"]) {
      expect((await core.completions.complete({ userId, habitId: habit.id, date, source: "bot" })).ok).toBe(true);
    }
    await core.completions.complete({ userId, habitId: habit.id, date: "2026-03-07", source: "bot" });
    expect(await core.completions.streakOf(userId, habit.id)).toEqual({
      current: 4,
      longest: 4,
      lastCompletedDate: "2026-03-09",
    });

    const reverted = await core.completions.revert({ userId, habitId: habit.id, date: "2026-03-07" });
    expect(reverted.ok && reverted.value.streak).toEqual({ current: 2, longest: 2, lastCompletedDate: "2026-03-09" });
  });

  it("a won piece is taken back by undo and comes back by redo without a new roll", async () => {
    const { userId, habit } = await userWithHabit();
    const reward = await rewardFor(userId, { piecesRequired: 3 });
    clock.set("2026-03-10T09:00:00Z");
    random.set(0);
    const first = await core.completions.complete({ userId, habitId: habit.id, source: "bot" });
    expect(first.ok && first.value.reward).toMatchObject({ won: true, progress: { piecesEarned: 1 } });

    const undone = await core.completions.revert({ userId, habitId: habit.id });
    expect(undone.ok && undone.value.rewardTakenBack?.progress.piecesEarned).toBe(0);

    random.set(0.99); // a new roll would lose: the kept draw must win again
    const again = await core.completions.complete({ userId, habitId: habit.id, source: "bot" });
    expect(again.ok && again.value.reward).toMatchObject({ won: true, progress: { piecesEarned: 1 } });
    expect((await core.rewards.get(userId, reward.id))?.progress.piecesEarned).toBe(1);
  });

  it("an achieved one-time reward is claimed once, then is inactive", async () => {
    const { userId, habit } = await userWithHabit();
    const reward = await rewardFor(userId, { name: "Cinema", isRecurring: false });
    random.set(0);
    await core.completions.complete({ userId, habitId: habit.id, source: "bot" });
    const claimed = await core.rewards.claim(userId, reward.id);
    expect(claimed.ok && claimed.value.reward).toMatchObject({
      active: false,
      progress: { piecesEarned: 0, claimed: true, timesClaimed: 1 },
    });
    expect(await core.rewards.claim(userId, reward.id)).toMatchObject({ ok: false, reason: "already_claimed" });
    expect((await core.rewards.claims(userId)).map((claim) => claim.rewardName)).toEqual(["Cinema"]);
  });

  it("50 concurrent completions of one habit-day: one created, 49 conflicts, at most one piece", async () => {
    const { userId, habit } = await userWithHabit();
    const reward = await rewardFor(userId, { piecesRequired: 100 });
    random.set(0);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => core.completions.complete({ userId, habitId: habit.id, source: "api" })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === "already_completed")).toHaveLength(49);
    expect((await core.rewards.get(userId, reward.id))?.progress.piecesEarned).toBe(1);
  });

  it("10 concurrent wrong login codes: 5 counted, then locked; 10 concurrent right ones: one login", async () => {
    const { userId: guessed } = await userWithHabit();
    clock.set("2026-03-10T09:00:00Z");
    const issued = await core.access.issueLoginCode(guessed);
    if (!issued.ok) throw new Error("code not issued");
    const wrong = (index: number) => String((Number(issued.value.code) + index + 1) % 1e6).padStart(6, "0");
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, index) => core.access.verifyLoginCode(guessed, wrong(index))),
    );
    const reasons = guesses.map((guess) => (guess.ok ? "ok" : guess.reason));
    expect(reasons.filter((reason) => reason === "code_invalid")).toHaveLength(5);
    expect(reasons.filter((reason) => reason === "code_locked")).toHaveLength(5);
    expect(await core.access.verifyLoginCode(guessed, issued.value.code)).toEqual({ ok: false, reason: "code_locked" });

    const { userId } = await userWithHabit();
    const fresh = await core.access.issueLoginCode(userId);
    if (!fresh.ok) throw new Error("code not issued");
    const logins = await Promise.all(
      Array.from({ length: 10 }, () => core.access.verifyLoginCode(userId, fresh.value.code)),
    );
    expect(logins.filter((login) => login.ok)).toHaveLength(1);
    expect(logins.filter((login) => !login.ok && login.reason === "code_expired")).toHaveLength(9);
  });

  it("an API key made in the bot authenticates its owner until it is revoked", async () => {
    const { userId } = await userWithHabit();
    clock.set("2026-03-10T09:00:00Z");
    const made = await core.access.createApiKey(userId, "Script");
    if (!made.ok) throw new Error("key not made");
    expect((await core.access.authenticateApiKey(made.value.key))?.user.id).toBe(userId);
    expect((await core.access.listApiKeys(userId))[0]?.lastUsedAt).toEqual(new Date("2026-03-10T09:00:00Z"));
    expect(await core.access.revokeApiKey(userId, made.value.apiKey.id)).toEqual({ ok: true, value: true });
    expect(await core.access.authenticateApiKey(made.value.key)).toBeUndefined();
  });

  it("two refreshes of one refresh token at once: one succeeds, the other is reuse and ends the session", async () => {
    const { userId } = await userWithHabit();
    clock.set("2026-03-10T09:00:00Z");
    for (let round = 0; round < 5; round++) {
      const session = await core.sessions.start(userId, { method: "password", at: clock.now() });
      if (!session.ok) throw new Error("session not started");
      const answers = await Promise.all([
        core.sessions.refresh(session.value.refreshToken),
        core.sessions.refresh(session.value.refreshToken),
      ]);
      expect(answers.map((answer) => (answer.ok ? "ok" : answer.reason)).sort()).toEqual(["ok", "token_reused"]);
      expect(await core.sessions.isActive(userId, session.value.familyId)).toBe(false);
    }
  });

  it("10 refreshes of one refresh token at once: at most one succeeds, and the session ends", async () => {
    const { userId } = await userWithHabit();
    clock.set("2026-03-10T09:00:00Z");
    const session = await core.sessions.start(userId, { method: "password", at: clock.now() });
    if (!session.ok) throw new Error("session not started");
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => core.sessions.refresh(session.value.refreshToken)),
    );
    const reasons = answers.map((answer) => (answer.ok ? "ok" : answer.reason));
    expect(reasons.filter((reason) => reason === "ok").length).toBeLessThanOrEqual(1);
    expect(reasons).toContain("token_reused");
    expect(reasons.every((reason) => ["ok", "token_reused", "session_revoked"].includes(reason))).toBe(true);
    expect(await core.sessions.isActive(userId, session.value.familyId)).toBe(false);
    const winner = answers.find((answer) => answer.ok);
    if (winner?.ok) {
      expect(await core.sessions.refresh(winner.value.refreshToken)).toEqual({ ok: false, reason: "session_revoked" });
    }
  });

  it("tags on a habit by id, renamed and deleted, as the habit reads them", async () => {
    const { userId, habit } = await userWithHabit();
    const health = await core.tags.create(userId, { name: "Health", color: "#00aa00" });
    const mind = await core.tags.create(userId, { name: "mind" });
    if (!health.ok || !mind.ok) throw new Error("tags not created");
    const tagged = await core.tags.setHabitTags(userId, habit.id, [mind.value.id, health.value.id]);
    expect(tagged.ok && tagged.value.tags).toEqual(["Health", "mind"]);
    expect(await core.tags.create(userId, { name: "HEALTH" })).toEqual({ ok: false, reason: "name_taken" });
    await core.tags.update(userId, health.value.id, { name: "Body" });
    expect((await core.habits.get(userId, habit.id))?.tags).toEqual(["Body", "mind"]);
    await core.tags.delete(userId, mind.value.id);
    expect((await core.habits.get(userId, habit.id))?.tags).toEqual(["Body"]);
    expect((await core.tags.list(userId)).map((tag) => [tag.name, tag.color, tag.habitCount])).toEqual([
      ["Body", "#00AA00", 1],
    ]);
  });
});
