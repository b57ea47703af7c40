import { describe, expect, it } from "vitest";
import type { HabitFields } from "../habits/habit.js";
import type { NewCompletion, NewDraw, Repositories, Store } from "../ports/store.js";
import { UniqueViolation } from "../ports/store.js";
import type { RewardFields } from "../rewards/reward.js";
import { createInMemoryStore } from "./in-memory-store.js";

function habitFields(name: string, changes: Partial<HabitFields> = {}): HabitFields {
  return {
    name,
    description: null,
    color: "#4F46E5",
    emoji: null,
    category: null,
    type: "binary",
    target: null,
    frequency: { type: "daily", timesPerPeriod: 1 },
    exemptWeekdays: [],
    allowedSkipDays: 0,
    weight: 10,
    startDate: null,
    endDate: null,
    milestoneTarget: null,
    reminders: [],
    tags: [],
    ...changes,
  };
}

function rewardFields(name: string, changes: Partial<RewardFields> = {}): RewardFields {
  return {
    name,
    weight: 1,
    piecesRequired: 3,
    pieceValue: null,
    maxDailyClaims: null,
    isRecurring: true,
    active: true,
    ...changes,
  };
}

function completion(userId: string, habitId: string, date: string): NewCompletion {
  return { userId, habitId, date, value: null, note: null, source: "api", streak: 1, totalWeight: 10, winChance: 0.5 };
}

function draw(userId: string, habitId: string, date: string, rewardId: string | null): NewDraw {
  return { userId, habitId, date, won: rewardId !== null, rewardId, awardedOn: date, pieceHeld: rewardId !== null };
}

/** A user with one habit, one completion, one won draw, one reward with progress and one claim. */
async function seedUser(repositories: Repositories, username: string) {
  const user = await repositories.users.create({ username });
  const habit = await repositories.habits.create(user.id, habitFields("Read", { tags: ["Books"] }));
  const reward = await repositories.rewards.create(user.id, rewardFields("Cake"));
  const done = await repositories.completions.insert(completion(user.id, habit.id, "2026-01-01"));
  const won = await repositories.draws.insert(draw(user.id, habit.id, "2026-01-01", reward.id));
  await repositories.rewards.setProgress(reward.id, { piecesEarned: 1, claimed: false, timesClaimed: 0 });
  const claim = await repositories.rewards.recordClaim(user.id, reward.id, 1, new Date("2026-01-01T10:00:00Z"));
  return { user, habit, reward, done, won, claim };
}

/** Everything the store holds for a user, read through the port. */
async function dump(store: Store, userId: string) {
  const habits = await store.habits.list(userId, { status: "all" });
  return {
    user: await store.users.findById(userId),
    passwordHash: await store.users.getPasswordHash(userId),
    habits,
    habitCount: await store.habits.count(userId),
    completions: await store.completions.listForUser(userId, { from: "2000-01-01", to: "2100-01-01" }),
    draws: await Promise.all(habits.map((habit) => store.draws.find(habit.id, "2026-01-01"))),
    rewards: await store.rewards.list(userId),
    claims: await store.rewards.listClaims(userId),
  };
}

/** Lets every pending promise callback run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 50; turn++) await Promise.resolve();
}

async function expectViolation(write: Promise<unknown>, rule: UniqueViolation["rule"]): Promise<void> {
  const error = await write.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UniqueViolation);
  expect((error as UniqueViolation).rule).toBe(rule);
}

describe("in-memory store: ids, clock and copies", () => {
  it("numbers ids per kind and stamps rows with the injected clock", async () => {
    let instant = new Date("2026-03-01T08:00:00Z");
    const store = createInMemoryStore({ now: () => instant });
    const first = await store.users.create({ username: "ann" });
    instant = new Date("2026-03-02T08:00:00Z");
    const second = await store.users.create({ username: "bob" });
    const habit = await store.habits.create(second.id, habitFields("Run"));

    expect([first.id, second.id, habit.id]).toEqual(["user-000001", "user-000002", "habit-000001"]);
    expect(first.createdAt).toEqual(new Date("2026-03-01T08:00:00Z"));
    expect(habit.createdAt).toEqual(new Date("2026-03-02T08:00:00Z"));
  });

  it("stands on a fixed instant without a clock", async () => {
    const user = await createInMemoryStore().users.create({});
    expect(user.createdAt).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(user).toMatchObject({ language: "en", timezone: "UTC", hasPassword: false, telegram: null });
  });

  it("hands out copies: changing what went in or came out changes nothing stored", async () => {
    const store = createInMemoryStore();
    const user = await store.users.create({});
    const fields = habitFields("Read", { reminders: [{ time: "08:00", weekdays: [1] }], tags: ["Books"] });
    const habit = await store.habits.create(user.id, fields);
    fields.reminders[0]?.weekdays.push(2);
    habit.tags.push("Sneaky");
    habit.frequency.timesPerPeriod = 5;

    const stored = await store.habits.findById(user.id, habit.id);
    expect(stored?.reminders).toEqual([{ time: "08:00", weekdays: [1] }]);
    expect(stored?.tags).toEqual(["Books"]);
    expect(stored?.frequency.timesPerPeriod).toBe(1);
  });

  it("keeps only the columns of the data model, not extra properties of the argument", async () => {
    const store = createInMemoryStore();
    const user = await store.users.create({});
    const habit = await store.habits.create(user.id, habitFields("Read"));
    const archived = { ...habit, archivedAt: new Date("2026-01-02T00:00:00Z"), name: "Read more" };

    const updated = await store.habits.update(user.id, habit.id, archived);

    expect(updated).toMatchObject({ id: habit.id, name: "Read more", archivedAt: null });
  });
});

describe("in-memory store: uniqueness rules refuse the write and change nothing", () => {
  it("refuses a username, email or Telegram id already taken, whatever the case", async () => {
    const store = createInMemoryStore();
    const ann = await store.users.create({
      username: "Ann",
      email: "ann@example.com",
      telegram: { id: 42, username: null, firstName: null, lastName: null },
    });

    await expectViolation(store.users.create({ username: " ann " }), "user_username");
    await expectViolation(store.users.create({ email: "ANN@example.com" }), "user_email");
    await expectViolation(
      store.users.create({ telegram: { id: 42, username: "x", firstName: null, lastName: null } }),
      "user_telegram",
    );
    const bob = await store.users.create({ username: "bob" });
    await expectViolation(store.users.update(bob.id, { name: "Bob", email: "Ann@Example.com" }), "user_email");

    expect(await store.users.findById(bob.id)).toEqual(bob);
    expect(await store.users.findByLogin("ANN@EXAMPLE.COM")).toEqual(ann);
    expect(await store.users.findByTelegramId(42)).toEqual(ann);
    // Nulls never collide, and a user's own key is no conflict.
    await store.users.create({});
    await store.users.create({});
    expect((await store.users.update(ann.id, { username: "ANN" }))?.username).toBe("ANN");
  });

  it("refuses a second active habit name; archiving frees it; unarchiving into a taken name is refused", async () => {
    const store = createInMemoryStore();
    const user = await store.users.create({});
    const first = await store.habits.create(user.id, habitFields("Read"));
    await expectViolation(store.habits.create(user.id, habitFields(" READ ", { tags: ["New"] })), "habit_active_name");

    await store.habits.setArchivedAt(user.id, first.id, new Date("2026-01-05T00:00:00Z"));
    const second = await store.habits.create(user.id, habitFields("read"));
    await expectViolation(store.habits.setArchivedAt(user.id, first.id, null), "habit_active_name");
    const other = await store.habits.create(user.id, habitFields("Walk"));
    await expectViolation(
      store.habits.update(user.id, other.id, habitFields("Read", { tags: ["Leaked"] })),
      "habit_active_name",
    );

    expect((await store.habits.findById(user.id, first.id))?.archivedAt).toEqual(new Date("2026-01-05T00:00:00Z"));
    expect(await store.habits.findById(user.id, other.id)).toEqual(other);
    // The refused writes created no tag: a later habit gets the spelling it asks for.
    const tagged = await store.habits.create(user.id, habitFields("Swim", { tags: ["leaked", "NEW"] }));
    expect(tagged.tags).toEqual(["leaked", "NEW"]);
    // Another user may use the name, and an archived habit may be renamed into it.
    const bob = await store.users.create({});
    await store.habits.create(bob.id, habitFields("Read"));
    expect((await store.habits.update(user.id, first.id, habitFields("Read")))?.name).toBe("Read");
    expect((await store.habits.list(user.id)).map((habit) => habit.id)).toEqual([second.id, other.id, tagged.id]);
  });

  it("refuses a second completion or draw of a habit on one date", async () => {
    const store = createInMemoryStore();
    const user = await store.users.create({});
    const habit = await store.habits.create(user.id, habitFields("Read"));
    const done = await store.completions.insert(completion(user.id, habit.id, "2026-01-01"));
    await store.draws.insert(draw(user.id, habit.id, "2026-01-01", null));

    await expectViolation(store.completions.insert(completion(user.id, habit.id, "2026-01-01")), "completion_date");
    await expectViolation(store.draws.insert(draw(user.id, habit.id, "2026-01-01", null)), "draw_date");
    expect(await store.completions.listForHabit(habit.id)).toEqual([done]);
  });

  it("refuses a second active reward name; an inactive reward frees it", async () => {
    const store = createInMemoryStore();
    const user = await store.users.create({});
    const cake = await store.rewards.create(user.id, rewardFields("Cake"));
    await expectViolation(store.rewards.create(user.id, rewardFields("CAKE")), "reward_active_name");

    const retired = await store.rewards.create(user.id, rewardFields("cake", { active: false }));
    await expectViolation(store.rewards.update(user.id, retired.id, rewardFields("cake")), "reward_active_name");
    await store.rewards.update(user.id, cake.id, rewardFields("Cake", { active: false }));
    const again = await store.rewards.update(user.id, retired.id, rewardFields("cake"));

    expect(again?.active).toBe(true);
    expect((await store.rewards.list(user.id, { active: true })).map((reward) => reward.id)).toEqual([retired.id]);
  });
});

describe("in-memory store: tags", () => {
  it("creates a user's tags on demand and keeps the first spelling of a name", async () => {
    const store = createInMemoryStore();
    const user = await store.users.create({});
    const bob = await store.users.create({});
    await store.habits.create(user.id, habitFields("Read", { tags: ["Books", "evening"] }));
    const later = await store.habits.create(user.id, habitFields("Write", { tags: ["EVENING", "books", "Desk"] }));
    const bobs = await store.habits.create(bob.id, habitFields("Read", { tags: ["BOOKS"] }));

    expect(later.tags).toEqual(["Books", "Desk", "evening"]);
    expect(bobs.tags).toEqual(["BOOKS"]);
    const retagged = await store.habits.update(user.id, later.id, habitFields("Write", { tags: [] }));
    expect(retagged?.tags).toEqual([]);
  });
});

describe("in-memory store: another user's data is not found", () => {
  it("answers undefined or false for another user's habit and reward, and changes nothing", async () => {
    const store = createInMemoryStore();
    const ann = await seedUser(store, "ann");
    const bob = await store.users.create({ username: "bob" });
    const before = await dump(store, ann.user.id);

    expect(await store.habits.findById(bob.id, ann.habit.id)).toBeUndefined();
    expect(await store.habits.update(bob.id, ann.habit.id, habitFields("Mine"))).toBeUndefined();
    expect(await store.habits.setArchivedAt(bob.id, ann.habit.id, new Date("2026-01-02T00:00:00Z"))).toBeUndefined();
    expect(await store.habits.delete(bob.id, ann.habit.id)).toBe(false);
    expect(await store.habits.list(bob.id, { status: "all" })).toEqual([]);
    expect(await store.rewards.findById(bob.id, ann.reward.id)).toBeUndefined();
    expect(await store.rewards.update(bob.id, ann.reward.id, rewardFields("Mine"))).toBeUndefined();
    expect(await store.rewards.delete(bob.id, ann.reward.id)).toBe(false);
    expect(await store.rewards.listClaims(bob.id)).toEqual([]);
    await expect(store.completions.insert(completion(bob.id, ann.habit.id, "2026-01-02"))).rejects.toThrow(/not found/);
    await expect(store.rewards.recordClaim(bob.id, ann.reward.id, 1, new Date("2026-01-02T00:00:00Z"))).rejects.toThrow(
      /not found/,
    );

    expect(await dump(store, ann.user.id)).toEqual(before);
  });
});

describe("in-memory store: deletes cascade like the database", () => {
  it("deleting a user removes all of their data and nobody else's", async () => {
    const store = createInMemoryStore();
    const ann = await seedUser(store, "ann");
    const bob = await seedUser(store, "bob");
    const bobsData = await dump(store, bob.user.id);

    expect(await store.users.delete(ann.user.id)).toBe(true);

    expect(await dump(store, ann.user.id)).toEqual({
      user: undefined,
      passwordHash: null,
      habits: [],
      habitCount: 0,
      completions: [],
      draws: [],
      rewards: [],
      claims: [],
    });
    expect(await store.completions.listForHabit(ann.habit.id)).toEqual([]);
    expect(await store.draws.find(ann.habit.id, "2026-01-01")).toBeUndefined();
    expect(await dump(store, bob.user.id)).toEqual(bobsData);
    expect(await store.users.delete(ann.user.id)).toBe(false);
    // The username is free again.
    await store.users.create({ username: "ann" });
  });

  it("deleting a habit removes its completions and draws", async () => {
    const store = createInMemoryStore();
    const ann = await seedUser(store, "ann");

    expect(await store.habits.delete(ann.user.id, ann.habit.id)).toBe(true);

    expect(await store.completions.listForHabit(ann.habit.id)).toEqual([]);
    expect(await store.draws.find(ann.habit.id, "2026-01-01")).toBeUndefined();
    expect(await store.draws.countHeldAwardedOn(ann.reward.id, "2026-01-01")).toBe(0);
    expect(await store.habits.count(ann.user.id)).toBe(0);
  });

  it("deleting a reward removes its progress and claims and leaves its draws without a reward", async () => {
    const store = createInMemoryStore();
    const ann = await seedUser(store, "ann");
    expect(await store.draws.countHeldAwardedOn(ann.reward.id, "2026-01-01")).toBe(1);

    expect(await store.rewards.delete(ann.user.id, ann.reward.id)).toBe(true);

    expect(await store.rewards.listClaims(ann.user.id)).toEqual([]);
    expect(await store.draws.find(ann.habit.id, "2026-01-01")).toEqual({ ...ann.won, rewardId: null });
    expect(await store.draws.countHeldAwardedOn(ann.reward.id, "2026-01-01")).toBe(0);
    await store.rewards.setProgress(ann.reward.id, { piecesEarned: 5, claimed: false, timesClaimed: 0 });
    const recreated = await store.rewards.create(ann.user.id, rewardFields("Cake"));
    expect(recreated.progress).toEqual({ piecesEarned: 0, claimed: false, timesClaimed: 0 });
  });
});

describe("in-memory store: order of lists", () => {
  it("lists completions by date, then habit; claims newest first; habits by creation", async () => {
    let instant = new Date("2026-01-01T00:00:00Z");
    const store = createInMemoryStore({ now: () => instant });
    const user = await store.users.create({});
    const habits = [];
    for (const name of ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]) {
      habits.push(await store.habits.create(user.id, habitFields(name)));
    }
    instant = new Date("2025-12-31T00:00:00Z");
    const earliest = await store.habits.create(user.id, habitFields("earliest"));
    const [first, second] = habits as [(typeof habits)[0], (typeof habits)[0]];
    await store.completions.insert(completion(user.id, second.id, "2026-01-02"));
    await store.completions.insert(completion(user.id, second.id, "2026-01-01"));
    await store.completions.insert(completion(user.id, first.id, "2026-01-02"));
    const reward = await store.rewards.create(user.id, rewardFields("Cake"));
    const older = await store.rewards.recordClaim(user.id, reward.id, 1, new Date("2026-01-01T00:00:00Z"));
    const newer = await store.rewards.recordClaim(user.id, reward.id, 1, new Date("2026-01-03T00:00:00Z"));

    expect((await store.habits.list(user.id)).map((habit) => habit.name)).toEqual([
      "earliest",
      ...habits.map((h) => h.name),
    ]);
    expect(earliest.id).toBe("habit-000012");
    const listed = await store.completions.listForUser(user.id, { from: "2026-01-01", to: "2026-01-02" });
    expect(listed.map((c) => [c.date, c.habitId])).toEqual([
      ["2026-01-01", second.id],
      ["2026-01-02", first.id],
      ["2026-01-02", second.id],
    ]);
    const ranged = await store.completions.listForHabit(second.id, { from: "2026-01-02" });
    expect(ranged.map((c) => c.date)).toEqual(["2026-01-02"]);
    expect((await store.rewards.listClaims(user.id)).map((claim) => claim.id)).toEqual([newer.id, older.id]);
  });
});

describe("in-memory store: transactions", () => {
  it("puts back everything when the work throws, and rethrows", async () => {
    const store = createInMemoryStore();
    const ann = await seedUser(store, "ann");
    const before = await dump(store, ann.user.id);
    const failure = new Error("boom");

    const attempt = store.transaction(async (tx) => {
      await tx.users.update(ann.user.id, { username: "anna", rewardOdds: { noRewardWeight: 3 } });
      await tx.users.setPasswordHash(ann.user.id, "hash", new Date("2026-01-01T00:00:00Z"));
      await tx.habits.update(ann.user.id, ann.habit.id, habitFields("Read", { tags: ["Fresh"], weight: 50 }));
      await tx.habits.create(ann.user.id, habitFields("Walk"));
      await tx.completions.setStreaks([{ id: ann.done.id, streak: 9 }]);
      await tx.completions.insert(completion(ann.user.id, ann.habit.id, "2026-01-02"));
      await tx.draws.setPieceHeld(ann.won.id, false, "2026-01-02");
      await tx.rewards.setProgress(ann.reward.id, { piecesEarned: 3, claimed: true, timesClaimed: 1 });
      await tx.rewards.recordClaim(ann.user.id, ann.reward.id, 3, new Date("2026-01-02T00:00:00Z"));
      await tx.rewards.delete(ann.user.id, ann.reward.id);
      await tx.users.create({ username: "carl" });
      throw failure;
    });

    await expect(attempt).rejects.toBe(failure);
    expect(await dump(store, ann.user.id)).toEqual(before);
    expect(await store.users.findByLogin("carl")).toBeUndefined();
    // The tag made inside the rolled-back work is gone too.
    expect((await store.habits.create(ann.user.id, habitFields("Swim", { tags: ["FRESH"] }))).tags).toEqual(["FRESH"]);
  });

  it("keeps the writes of work that completes, and returns its result", async () => {
    const store = createInMemoryStore();
    const user = await store.users.create({});

    const habit = await store.transaction(async (tx) => tx.habits.create(user.id, habitFields("Read")));

    expect(await store.habits.findById(user.id, habit.id)).toEqual(habit);
  });

  it("rolls back a whole transaction whose work failed on a uniqueness rule", async () => {
    const store = createInMemoryStore();
    const user = await store.users.create({});
    const habit = await store.habits.create(user.id, habitFields("Read"));
    await store.completions.insert(completion(user.id, habit.id, "2026-01-01"));

    const attempt = store.transaction(async (tx) => {
      await tx.habits.create(user.id, habitFields("Walk"));
      await tx.completions.insert(completion(user.id, habit.id, "2026-01-01"));
    });

    await expectViolation(attempt, "completion_date");
    expect((await store.habits.list(user.id)).map((h) => h.name)).toEqual(["Read"]);
  });

  it("runs transactions one at a time, in the order they were asked for", async () => {
    const store = createInMemoryStore();
    const events: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });

    const first = store.transaction(async (tx) => {
      events.push("first started");
      await gate;
      await tx.users.create({ username: "ann" });
      events.push("first ended");
    });
    const second = store.transaction(async (tx) => {
      events.push("second started");
      events.push(`second sees ann: ${(await tx.users.findByLogin("ann")) !== undefined}`);
    });
    await settle();
    expect(events).toEqual(["first started"]);

    release();
    await Promise.all([first, second]);
    expect(events).toEqual(["first started", "first ended", "second started", "second sees ann: true"]);
  });

  it("lets concurrent read-then-write transactions behave as if run one after the other", async () => {
    const store = createInMemoryStore();
    const user = await store.users.create({});
    const habit = await store.habits.create(user.id, habitFields("Read"));
    const completeOnce = () =>
      store.transaction(async (tx) => {
        await tx.users.lock(user.id);
        const existing = await tx.completions.findByDate(habit.id, "2026-01-01");
        return existing ?? (await tx.completions.insert(completion(user.id, habit.id, "2026-01-01")));
      });

    const results = await Promise.all([completeOnce(), completeOnce(), completeOnce()]);

    expect(new Set(results.map((done) => done.id)).size).toBe(1);
    expect(await store.completions.listForHabit(habit.id)).toHaveLength(1);
  });

  it("keeps serving transactions after one failed", async () => {
    const store = createInMemoryStore();
    const failed = store.transaction(async () => {
      throw new Error("boom");
    });
    const next = store.transaction(async (tx) => tx.users.create({ username: "ann" }));

    await expect(failed).rejects.toThrow("boom");
    expect((await next).username).toBe("ann");
  });

  it("refuses the repositories of a transaction once it has ended", async () => {
    const store = createInMemoryStore();
    let escaped: Repositories | undefined;
    await store.transaction(async (tx) => {
      escaped = tx;
    });

    await expect(escaped?.users.create({})).rejects.toThrow(/transaction has ended/);
    expect(await store.users.findByLogin("anyone")).toBeUndefined();
  });
});
