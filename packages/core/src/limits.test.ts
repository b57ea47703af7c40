import { describe, expect, it } from "vitest";
import { defaultCoreSettings } from "./core-dependencies.js";
import { type AccountLimits, accountLimits, itemLimits } from "./limits.js";
import { createCoreFixture, unwrap } from "./testing/core-fixture.js";

/** A fixture whose account limits are low, so a test reaches them in a few creates. */
const withLimits = (limits: Partial<AccountLimits>) =>
  createCoreFixture({ settings: { limits: { ...accountLimits, ...limits } } });

const reminders = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ time: `${String(6 + index).padStart(2, "0")}:00` }));

describe("account limits", () => {
  it("the core runs with the documented limits unless told otherwise", () => {
    expect(defaultCoreSettings.limits).toBe(accountLimits);
  });

  it(`the default habit limit is ${accountLimits.habits}: the next habit is refused`, async () => {
    const { core, store, user } = await createCoreFixture();
    for (let made = 0; made < accountLimits.habits; made++)
      unwrap(await core.habits.create(user.id, { name: `H${made}` }));
    expect(await core.habits.create(user.id, { name: "One too many" })).toEqual({
      ok: false,
      reason: "limit_reached",
      limit: { name: "habits", max: accountLimits.habits },
    });
    expect(await store.habits.count(user.id)).toBe(accountLimits.habits);
  });

  it("archived habits count; deleting one makes room; other users have their own room", async () => {
    const { core, store, user, otherUser } = await withLimits({ habits: 2 });
    const first = unwrap(await core.habits.create(user.id, { name: "First" }));
    unwrap(await core.habits.archive(user.id, first.id));
    unwrap(await core.habits.create(user.id, { name: "Second" }));
    const refused = await core.habits.create(user.id, { name: "Third", tags: ["new tag"] });
    expect(refused).toEqual({ ok: false, reason: "limit_reached", limit: { name: "habits", max: 2 } });
    expect(await store.habits.count(user.id)).toBe(2);
    expect(await store.tags.list(user.id)).toEqual([]);
    const other = await otherUser();
    expect((await core.habits.create(other.id, { name: "Third" })).ok).toBe(true);
    unwrap(await core.habits.delete(user.id, first.id));
    expect((await core.habits.create(user.id, { name: "Third" })).ok).toBe(true);
  });

  it("concurrent creates at the limit never pass it", async () => {
    const { core, store, user } = await withLimits({ habits: 3 });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, index) => core.habits.create(user.id, { name: `Habit ${index}` })),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(3);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "limit_reached")).toHaveLength(7);
    expect(await store.habits.count(user.id)).toBe(3);
  });

  it("tags: made directly or by a habit's names, the limit counts them all", async () => {
    const { core, store, user } = await withLimits({ tags: 3 });
    unwrap(await core.tags.create(user.id, { name: "Health" }));
    unwrap(await core.habits.create(user.id, { name: "Run", tags: ["health", "Morning"] }));
    // Names the user already has make nothing, so they fit; one new name does not.
    const habit = unwrap(await core.habits.create(user.id, { name: "Walk", tags: ["Health", "MORNING"] }));
    expect(await core.habits.update(user.id, habit.id, { tags: ["Health", "Evening", "Night"] })).toEqual({
      ok: false,
      reason: "limit_reached",
      limit: { name: "tags", max: 3 },
    });
    unwrap(await core.tags.create(user.id, { name: "Evening" }));
    expect(await core.tags.create(user.id, { name: "Night" })).toEqual({
      ok: false,
      reason: "limit_reached",
      limit: { name: "tags", max: 3 },
    });
    expect(await core.habits.create(user.id, { name: "Swim", tags: ["Pool"] })).toMatchObject({
      ok: false,
      reason: "limit_reached",
    });
    expect((await store.tags.list(user.id)).map((tag) => tag.name)).toEqual(["Evening", "Health", "Morning"]);
    expect((await store.habits.list(user.id)).map((habit) => habit.name)).toEqual(["Run", "Walk"]);
    expect((await core.habits.get(user.id, habit.id))?.tags).toEqual(["Health", "Morning"]);
  });

  it("concurrent tag creates at the limit never pass it", async () => {
    const { core, store, user } = await withLimits({ tags: 4 });
    const outcomes = await Promise.all(
      Array.from({ length: 9 }, (_, index) => core.tags.create(user.id, { name: `Tag ${index}` })),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(4);
    expect(await store.tags.list(user.id)).toHaveLength(4);
  });

  it("rewards: inactive ones count; the next is refused and nothing is stored", async () => {
    const { core, store, user } = await withLimits({ rewards: 2 });
    const first = unwrap(await core.rewards.create(user.id, { name: "Coffee" }));
    unwrap(await core.rewards.update(user.id, first.id, { active: false }));
    unwrap(await core.rewards.create(user.id, { name: "Book" }));
    expect(await core.rewards.create(user.id, { name: "Cinema" })).toEqual({
      ok: false,
      reason: "limit_reached",
      limit: { name: "rewards", max: 2 },
    });
    expect(await store.rewards.list(user.id)).toHaveLength(2);
    const outcomes = await Promise.all([1, 2, 3].map((n) => core.rewards.create(user.id, { name: `R${n}` })));
    expect(outcomes.every((outcome) => !outcome.ok && outcome.reason === "limit_reached")).toBe(true);
  });

  it("a front end can ask first whether the user may make another habit or reward", async () => {
    const { core, user } = await withLimits({ habits: 1, rewards: 1 });
    expect(await core.habits.limitReached(user.id)).toBeUndefined();
    expect(await core.rewards.limitReached(user.id)).toBeUndefined();
    const habit = unwrap(await core.habits.create(user.id, { name: "Read" }));
    unwrap(await core.habits.archive(user.id, habit.id));
    unwrap(await core.rewards.create(user.id, { name: "Coffee", active: false }));
    expect(await core.habits.limitReached(user.id)).toEqual({
      reason: "limit_reached",
      limit: { name: "habits", max: 1 },
    });
    expect(await core.rewards.limitReached(user.id)).toEqual({
      reason: "limit_reached",
      limit: { name: "rewards", max: 1 },
    });
  });

  it("API keys follow the injected limit", async () => {
    const { core, user } = await withLimits({ apiKeys: 1 });
    unwrap(await core.access.createApiKey(user.id, "Script"));
    expect(await core.access.createApiKey(user.id, "Another")).toEqual({
      ok: false,
      reason: "limit_reached",
      limit: { name: "apiKeys", max: 1 },
    });
  });
});

describe("items per request", () => {
  it(`a habit takes ${itemLimits.remindersPerHabit} reminder times; one more refuses the whole write`, async () => {
    const { core, store, user } = await createCoreFixture();
    const tooMany = { name: "Read", reminders: reminders(itemLimits.remindersPerHabit + 1) };
    expect(await core.habits.create(user.id, tooMany)).toEqual({
      ok: false,
      reason: "too_many_items",
      limit: { name: "remindersPerHabit", max: itemLimits.remindersPerHabit },
    });
    expect(await store.habits.count(user.id)).toBe(0);
    const habit = unwrap(
      await core.habits.create(user.id, { name: "Read", reminders: reminders(itemLimits.remindersPerHabit) }),
    );
    expect(await core.habits.update(user.id, habit.id, tooMany)).toMatchObject({ ok: false, reason: "too_many_items" });
    expect((await core.habits.get(user.id, habit.id))?.reminders).toHaveLength(itemLimits.remindersPerHabit);
  });

  it(`a habit takes ${itemLimits.tagsPerHabit} tag names, repeats (any case) counted once`, async () => {
    const { core, store, user } = await createCoreFixture();
    const names = Array.from({ length: itemLimits.tagsPerHabit }, (_, index) => `Tag ${index}`);
    expect(await core.habits.create(user.id, { name: "A", tags: [...names, "One more"] })).toEqual({
      ok: false,
      reason: "too_many_items",
      limit: { name: "tagsPerHabit", max: itemLimits.tagsPerHabit },
    });
    expect(await store.tags.list(user.id)).toEqual([]);
    const habit = unwrap(await core.habits.create(user.id, { name: "A", tags: [...names, "TAG 0", " tag 1 "] }));
    expect(habit.tags).toHaveLength(itemLimits.tagsPerHabit);
  });
});
