// Account limits on a real database: concurrent creates at the limit take turns on the user's
// lock (PostgreSQL's row lock; SQLite's one writer), so the limit is never passed.
import { accountLimits, type Core } from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreOnTestDatabase, movableClock } from "../support/core-on-database.js";
import { dialect } from "../support/test-database.js";

const limits = { ...accountLimits, habits: 3, tags: 4, rewards: 2, apiKeys: 2 };

describe(`account limits on ${dialect}`, () => {
  let core: Core;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ core, cleanup } = await coreOnTestDatabase({
      clock: movableClock("2026-03-10T09:00:00Z"),
      random: { next: () => 0.99 },
      settings: { limits },
    }));
  });
  afterAll(async () => cleanup());

  let telegramIds = 1000;
  async function newUser(): Promise<string> {
    return (await core.users.fromTelegram({ id: ++telegramIds, firstName: "Ann" })).user.id;
  }

  const refusals = (outcomes: Array<{ ok: boolean; reason?: string }>) =>
    outcomes.filter((outcome) => !outcome.ok && outcome.reason === "limit_reached").length;

  it("12 habits created at once: exactly the limit is stored, the others are limit_reached", async () => {
    const userId = await newUser();
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, index) => core.habits.create(userId, { name: `Habit ${index}` })),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(limits.habits);
    expect(refusals(outcomes)).toBe(12 - limits.habits);
    expect(await core.habits.list(userId, "all")).toHaveLength(limits.habits);
  });

  it("tags made at once, directly and by habits' names, never pass the tag limit", async () => {
    const userId = await newUser();
    const outcomes = await Promise.all([
      ...Array.from({ length: 6 }, (_, index) => core.tags.create(userId, { name: `Tag ${index}` })),
      core.habits.create(userId, { name: "Run", tags: ["Morning", "Outdoors"] }),
      core.habits.create(userId, { name: "Walk", tags: ["Evening"] }),
    ]);
    expect(refusals(outcomes)).toBeGreaterThan(0);
    // Whatever the order, a one-tag create fits until the limit is full: it ends exactly full.
    expect(await core.tags.list(userId)).toHaveLength(limits.tags);
  });

  it("rewards and API keys made at once stop at their limits", async () => {
    const userId = await newUser();
    const rewards = await Promise.all(
      Array.from({ length: 8 }, (_, index) => core.rewards.create(userId, { name: `Reward ${index}` })),
    );
    expect(rewards.filter((outcome) => outcome.ok)).toHaveLength(limits.rewards);
    expect(await core.rewards.list(userId)).toHaveLength(limits.rewards);
    const keys = await Promise.all(
      Array.from({ length: 8 }, (_, index) => core.access.createApiKey(userId, `Key ${index}`)),
    );
    expect(keys.filter((outcome) => outcome.ok)).toHaveLength(limits.apiKeys);
    expect(await core.access.listApiKeys(userId)).toHaveLength(limits.apiKeys);
  });
});
