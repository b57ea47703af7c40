import { describe, expect, it } from "vitest";
import { alwaysWin, type CoreFixture, createCoreFixture, unwrap } from "../testing/core-fixture.js";
import { addDays } from "../time/local-date.js";
import { rewardFieldsOf } from "./reward.js";
import type { RewardInput } from "./reward-input.js";

async function setUp() {
  const fixture = await createCoreFixture({ random: alwaysWin });
  const rewards = fixture.core.rewards;
  const userId = fixture.user.id;
  return {
    ...fixture,
    create: (input: RewardInput) => rewards.create(userId, input),
    update: (rewardId: string, input: RewardInput) => rewards.update(userId, rewardId, input),
    claim: (rewardId: string) => rewards.claim(userId, rewardId),
    remove: (rewardId: string, options?: { force?: boolean }) => rewards.delete(userId, rewardId, options),
  };
}

/**
 * Earns `count` pieces by completing a fresh habit on `count` days up to today; the fixture's
 * random always wins and picks the first eligible reward.
 */
async function earnPieces(fixture: CoreFixture, count: number) {
  const habit = await fixture.habit();
  for (let back = count - 1; back >= 0; back -= 1) {
    const outcome = unwrap(
      await fixture.core.completions.complete({
        userId: fixture.user.id,
        habitId: habit.id,
        date: addDays(fixture.today(), -back),
        source: "api",
      }),
    );
    if (!outcome.reward.won) throw new Error("expected the completion to win a piece");
  }
}

describe("creating a reward", () => {
  it("a reward with only a name gets the defaults: weight 1, one piece, recurring, active, no daily limit", async () => {
    const f = await setUp();

    const reward = unwrap(await f.create({ name: "  Coffee " }));

    expect(reward).toMatchObject({
      userId: f.user.id,
      name: "Coffee",
      weight: 1,
      piecesRequired: 1,
      pieceValue: null,
      maxDailyClaims: null,
      isRecurring: true,
      active: true,
      progress: { piecesEarned: 0, claimed: false, timesClaimed: 0 },
    });
  });

  it("a daily limit of 0 means no limit, stored as none", async () => {
    const f = await setUp();

    expect(unwrap(await f.create({ name: "Coffee", maxDailyClaims: 0 })).maxDailyClaims).toBeNull();
  });

  it.each<{ name: string; input: RewardInput; error: Record<string, unknown> }>([
    { name: "an empty name", input: { name: "" }, error: { field: "name", code: "required" } },
    { name: "a 101-character name", input: { name: "x".repeat(101) }, error: { field: "name", code: "too_long" } },
    { name: "weight 0", input: { name: "A", weight: 0 }, error: { field: "weight", code: "too_small", limit: 0 } },
    {
      name: "weight over 1000",
      input: { name: "A", weight: 1001 },
      error: { field: "weight", code: "too_large", limit: 1000 },
    },
    {
      name: "0 pieces required",
      input: { name: "A", piecesRequired: 0 },
      error: { field: "piecesRequired", code: "too_small", limit: 1 },
    },
    {
      name: "a fraction of a piece",
      input: { name: "A", piecesRequired: 1.5 },
      error: { field: "piecesRequired", code: "not_integer" },
    },
    {
      name: "a negative piece value",
      input: { name: "A", pieceValue: -1 },
      error: { field: "pieceValue", code: "too_small", limit: 0 },
    },
    {
      name: "a daily limit over 100",
      input: { name: "A", maxDailyClaims: 101 },
      error: { field: "maxDailyClaims", code: "too_large", limit: 100 },
    },
  ])("$name is refused with a field code", async ({ input, error }) => {
    const f = await setUp();

    expect(await f.create(input)).toEqual({ ok: false, reason: "invalid", errors: [expect.objectContaining(error)] });
    expect(await f.core.rewards.list(f.user.id)).toEqual([]);
  });

  it("a name used by an active reward is name_taken, case-insensitively", async () => {
    const f = await setUp();
    unwrap(await f.create({ name: "Coffee" }));

    expect(await f.create({ name: "COFFEE" })).toEqual({ ok: false, reason: "name_taken", name: "COFFEE" });
  });

  it("an inactive reward's name can be used again", async () => {
    const f = await setUp();
    const old = unwrap(await f.create({ name: "Coffee" }));
    unwrap(await f.update(old.id, { active: false }));

    expect((await f.create({ name: "coffee" })).ok).toBe(true);
  });

  it("an update merges and validates; reactivating into a taken name is name_taken", async () => {
    const f = await setUp();
    const old = unwrap(await f.create({ name: "Coffee", weight: 5, piecesRequired: 3 }));
    unwrap(await f.update(old.id, { active: false }));
    unwrap(await f.create({ name: "Coffee" }));

    expect(await f.update(old.id, { active: true })).toEqual({ ok: false, reason: "name_taken", name: "Coffee" });
    expect(await f.update(old.id, { weight: -1 })).toMatchObject({ ok: false, reason: "invalid" });
    expect(unwrap(await f.update(old.id, { name: "Tea" }))).toMatchObject({
      name: "Tea",
      weight: 5,
      piecesRequired: 3,
      active: false,
    });
  });

  it("another user's reward is not found for update, claim and delete", async () => {
    const f = await setUp();
    const other = await f.otherUser();
    const theirs = unwrap(await f.core.rewards.create(other.id, { name: "Theirs" }));

    expect(await f.core.rewards.get(f.user.id, theirs.id)).toBeUndefined();
    expect(await f.update(theirs.id, { name: "Mine" })).toEqual({ ok: false, reason: "not_found" });
    expect(await f.claim(theirs.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await f.remove(theirs.id, { force: true })).toEqual({ ok: false, reason: "not_found" });
    expect(await f.core.rewards.get(other.id, theirs.id)).toMatchObject({ name: "Theirs" });
  });
});

describe("claiming a reward", () => {
  it("a reward without all its pieces is not_achieved and says how far it is", async () => {
    const f = await setUp();
    const reward = unwrap(await f.create({ name: "Cinema", piecesRequired: 3 }));
    await earnPieces(f, 2);

    expect(await f.claim(reward.id)).toEqual({
      ok: false,
      reason: "not_achieved",
      piecesEarned: 2,
      piecesRequired: 3,
    });
    expect(await f.core.rewards.claims(f.user.id)).toEqual([]);
  });

  it("an achieved reward is claimed: its pieces are spent, timesClaimed + 1, and a claim is recorded", async () => {
    const f = await setUp();
    const reward = unwrap(await f.create({ name: "Cinema", piecesRequired: 3 }));
    await earnPieces(f, 3);

    const { reward: claimed, claim } = unwrap(await f.claim(reward.id));

    expect(claimed.progress).toEqual({ piecesEarned: 0, claimed: true, timesClaimed: 1 });
    expect(claim).toMatchObject({ rewardId: reward.id, rewardName: "Cinema", pieces: 3, claimedAt: f.clock.now() });
    expect(await f.core.rewards.claims(f.user.id)).toEqual([claim]);
    expect((await f.core.rewards.get(f.user.id, reward.id))?.progress).toEqual(claimed.progress);
  });

  it("a one-time reward becomes claimed and inactive; a second claim is already_claimed", async () => {
    const f = await setUp();
    const reward = unwrap(await f.create({ name: "Trip", isRecurring: false }));
    await earnPieces(f, 1);

    const { reward: claimed } = unwrap(await f.claim(reward.id));

    expect(claimed).toMatchObject({ active: false, progress: { claimed: true, timesClaimed: 1 } });
    expect(await f.claim(reward.id)).toEqual({ ok: false, reason: "already_claimed" });
    expect(await f.core.rewards.claims(f.user.id)).toHaveLength(1);
    expect((await f.core.rewards.list(f.user.id, { active: false })).map((item) => item.id)).toEqual([reward.id]);
  });

  it("a claimed one-time reward is never drawn again", async () => {
    const f = await setUp();
    const reward = unwrap(await f.create({ name: "Trip", isRecurring: false }));
    await earnPieces(f, 1);
    unwrap(await f.claim(reward.id));
    const habit = await f.habit();

    const outcome = unwrap(await f.core.completions.complete({ userId: f.user.id, habitId: habit.id, source: "api" }));

    expect(outcome.reward).toEqual({ won: false });
  });

  it("a claimed one-time reward cannot be made active again, unless made recurring; it is not drawn either way while one-time", async () => {
    const f = await setUp();
    const reward = unwrap(await f.create({ name: "Trip", isRecurring: false }));
    await earnPieces(f, 1);
    unwrap(await f.claim(reward.id));

    expect(await f.update(reward.id, { active: true })).toEqual({ ok: false, reason: "already_claimed" });
    expect((await f.core.rewards.get(f.user.id, reward.id))?.active).toBe(false);
    // Made active behind the service's back (an older version allowed it): still never drawn.
    const stored = await f.store.rewards.findById(f.user.id, reward.id);
    if (!stored) throw new Error("reward missing");
    await f.store.rewards.update(f.user.id, reward.id, { ...rewardFieldsOf(stored), active: true });
    const habit = await f.habit();
    const outcome = unwrap(await f.core.completions.complete({ userId: f.user.id, habitId: habit.id, source: "api" }));
    expect(outcome.reward).toEqual({ won: false });

    // Made recurring, it may come back.
    expect(unwrap(await f.update(reward.id, { isRecurring: true, active: true })).active).toBe(true);
  });

  it("a claimed recurring reward becomes pending with its next piece", async () => {
    const f = await setUp();
    const reward = unwrap(await f.create({ name: "Coffee", piecesRequired: 2 }));
    await earnPieces(f, 2);
    unwrap(await f.claim(reward.id));
    expect(await f.claim(reward.id)).toEqual({ ok: false, reason: "already_claimed" });

    await earnPieces(f, 1);

    expect((await f.core.rewards.get(f.user.id, reward.id))?.progress).toEqual({
      piecesEarned: 1,
      claimed: false,
      timesClaimed: 1,
    });
    expect((await f.core.rewards.list(f.user.id, { status: "pending" })).map((item) => item.id)).toEqual([reward.id]);
  });
});

describe("deleting a reward", () => {
  it("a reward holding unclaimed pieces is not deleted unless forced", async () => {
    const f = await setUp();
    const reward = unwrap(await f.create({ name: "Cinema", piecesRequired: 3 }));
    await earnPieces(f, 1);

    expect(await f.remove(reward.id)).toEqual({ ok: false, reason: "has_unclaimed_pieces", piecesEarned: 1 });
    expect(await f.core.rewards.get(f.user.id, reward.id)).toBeDefined();

    expect(await f.remove(reward.id, { force: true })).toEqual({ ok: true, value: true });
    expect(await f.core.rewards.get(f.user.id, reward.id)).toBeUndefined();
  });

  it("a reward without pieces, or with its pieces claimed, is deleted without force", async () => {
    const f = await setUp();
    const fresh = unwrap(await f.create({ name: "Fresh" }));
    const claimed = unwrap(await f.create({ name: "Claimed" }));
    await earnPieces(f, 1); // the first eligible reward: Fresh
    unwrap(await f.claim(fresh.id));

    expect(await f.remove(fresh.id)).toEqual({ ok: true, value: true });
    expect(await f.remove(claimed.id)).toEqual({ ok: true, value: true });
    expect(await f.core.rewards.list(f.user.id)).toEqual([]);
  });

  it("deleting an unknown reward is not_found", async () => {
    const f = await setUp();

    expect(await f.remove("reward-999999")).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("listing rewards", () => {
  it("lists by status: pending, achieved, claimed", async () => {
    const f = await setUp();
    // Draws pick the first eligible reward: Claimed gets the first piece, then Achieved the next.
    const claimed = unwrap(await f.create({ name: "Claimed" }));
    const achieved = unwrap(await f.create({ name: "Achieved" }));
    const pending = unwrap(await f.create({ name: "Pending", piecesRequired: 5 }));
    await earnPieces(f, 1);
    unwrap(await f.claim(claimed.id));
    // Claimed is eligible again (a recurring reward), so deactivate it to let the pieces go on.
    unwrap(await f.update(claimed.id, { active: false }));
    await earnPieces(f, 2);

    const ids = async (status: "pending" | "achieved" | "claimed") =>
      (await f.core.rewards.list(f.user.id, { status })).map((reward) => reward.id);

    expect(await ids("claimed")).toEqual([claimed.id]);
    expect(await ids("achieved")).toEqual([achieved.id]);
    expect(await ids("pending")).toEqual([pending.id]);
    expect((await f.core.rewards.list(f.user.id)).map((reward) => reward.id)).toEqual([
      claimed.id,
      achieved.id,
      pending.id,
    ]);
    expect((await f.core.rewards.list(f.user.id, { active: true })).map((reward) => reward.id)).toEqual([
      achieved.id,
      pending.id,
    ]);
  });
});
