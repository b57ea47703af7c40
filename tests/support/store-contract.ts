// The contract of the core's Store port (packages/core/src/ports/store.ts), as tests any
// implementation must pass: the Prisma store on SQLite and PostgreSQL, and the in-memory store the
// core's own tests use. What the port's comments promise is checked here, plus what the services
// rely on where the port is silent (written down at each test).
//
// All tests share one store; each makes its own users, so they never see each other's rows.
import { randomInt, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  addDays,
  defaultRewardOdds,
  defaultSummary,
  type Habit,
  type HabitFields,
  type NewCompletion,
  type NewDraw,
  type NewUser,
  type RewardFields,
  reminderKey,
  type Store,
  type SummaryToClaim,
  summaryKey,
  type UniqueRule,
  UniqueViolation,
  type User,
} from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

export interface StoreUnderTest {
  store: Store;
  cleanup(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Builders: complete, valid values with only what a test is about overridden.

/** Names that never collide across the tests sharing one store. */
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

let telegramIds = 2 ** 40 + randomInt(0, 2 ** 30);
/** Telegram ids near 2^40, past what a 32-bit integer holds. */
const newTelegramId = () => ++telegramIds;

function habitFields(overrides: Partial<HabitFields> = {}): HabitFields {
  return {
    name: unique("Habit"),
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
    ...overrides,
  };
}

/** Every optional field set, none of them to its default. */
function fullHabitFields(overrides: Partial<HabitFields> = {}): HabitFields {
  return habitFields({
    name: unique("Read"),
    description: "Ten pages before bed",
    color: "#DC2626",
    emoji: "📚",
    category: "Mind",
    type: "measurable",
    target: { value: 12.5, unit: "pages" },
    exemptWeekdays: [6, 7],
    allowedSkipDays: 2,
    weight: 35,
    startDate: "2026-01-05",
    endDate: "2026-12-31",
    milestoneTarget: 100,
    reminders: [
      { time: "07:30", weekdays: [1, 3, 5] },
      { time: "21:00", weekdays: [] },
    ],
    tags: ["Health", "mind"],
    ...overrides,
  });
}

function rewardFields(overrides: Partial<RewardFields> = {}): RewardFields {
  return {
    name: unique("Coffee"),
    weight: 2.5,
    piecesRequired: 3,
    pieceValue: 4.75,
    maxDailyClaims: 2,
    isRecurring: false,
    active: true,
    ...overrides,
  };
}

function completion(userId: string, habitId: string, date: string, overrides: Partial<NewCompletion> = {}) {
  const fields: NewCompletion = {
    userId,
    habitId,
    date,
    value: null,
    note: null,
    source: "bot",
    streak: 1,
    totalWeight: 11,
    winChance: 0.5,
  };
  return { ...fields, ...overrides };
}

function draw(userId: string, habitId: string, date: string, overrides: Partial<NewDraw> = {}): NewDraw {
  return { userId, habitId, date, won: false, rewardId: null, awardedOn: date, pieceHeld: false, ...overrides };
}

/** Binary string order, as the store's lists promise it. */
const compareText = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);
const byCreatedAtThenId = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
  a.createdAt.getTime() - b.createdAt.getTime() || compareText(a.id, b.id);

/** Runs a write that must be refused by this uniqueness rule. */
async function expectViolation(write: Promise<unknown>, rule: UniqueRule): Promise<void> {
  const error = await write.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UniqueViolation);
  expect((error as UniqueViolation).rule).toBe(rule);
}

// ---------------------------------------------------------------------------------------------

export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`the Store contract: ${name}`, () => {
    let subject: StoreUnderTest | undefined;
    let store: Store;

    beforeAll(async () => {
      subject = await makeStore();
      store = subject.store;
    });

    afterAll(async () => {
      await subject?.cleanup();
    });

    const newUser = (fields: NewUser = {}): Promise<User> =>
      store.users.create({ username: unique("user"), ...fields });

    async function newHabit(fields: Partial<HabitFields> = {}) {
      const user = await newUser();
      const habit = await store.habits.create(user.id, habitFields(fields));
      return { user, habit };
    }

    describe("users", () => {
      it("create keeps every field as given and findById returns the same user", async () => {
        const username = unique("Alice");
        const telegram = { id: newTelegramId(), username: "alice_tg", firstName: "Alice", lastName: "Liddell" };
        const user = await store.users.create({
          username,
          email: `${username}@Example.com`,
          passwordHash: "$2b$10$hash",
          name: "Alice L.",
          telegram,
          language: "ru",
          timezone: "Europe/Moscow",
        });
        expect(user).toEqual({
          id: expect.any(String),
          username,
          email: `${username}@Example.com`,
          name: "Alice L.",
          telegram,
          language: "ru",
          timezone: "Europe/Moscow",
          timezoneChosenAt: null,
          rewardOdds: defaultRewardOdds,
          reminders: { enabled: true, quietHours: null, summary: defaultSummary },
          hasPassword: true,
          telegramBlockedAt: null,
          createdAt: expect.any(Date),
          updatedAt: expect.any(Date),
        });
        expect(await store.users.findById(user.id)).toEqual(user);
      });

      it("a user made with nothing gets the defaults", async () => {
        const user = await store.users.create({});
        expect(user).toMatchObject({
          username: null,
          email: null,
          name: null,
          telegram: null,
          language: "en",
          timezone: "UTC",
          timezoneChosenAt: null,
          hasPassword: false,
        });
        expect(await store.users.getPasswordHash(user.id)).toBeNull();
      });

      it("users without a username, email or Telegram account never collide", async () => {
        const first = await store.users.create({});
        const second = await store.users.create({});
        expect(first.id).not.toBe(second.id);
      });

      it("finds a user by Telegram id, and by username or email whatever their case", async () => {
        const username = unique("Bob");
        const telegram = { id: newTelegramId(), username: null, firstName: "Bob", lastName: null };
        const user = await newUser({ username, email: `${username}@Mail.example`, telegram });
        expect(await store.users.findByTelegramId(telegram.id)).toEqual(user);
        expect(await store.users.findByLogin(username.toUpperCase())).toEqual(user);
        expect(await store.users.findByLogin(`${username}@mail.example`.toLowerCase())).toEqual(user);
        expect(await store.users.findByTelegramId(newTelegramId())).toBeUndefined();
        expect(await store.users.findByLogin(unique("nobody"))).toBeUndefined();
        expect(await store.users.findById(randomUUID())).toBeUndefined();
      });

      it("finds users by Telegram username, case-insensitively, every one that carries it", async () => {
        const name = unique("tg_Dana");
        const telegram = (username: string) => ({ id: newTelegramId(), username, firstName: null, lastName: null });
        const dana = await newUser({ telegram: telegram(name) });
        expect(await store.users.findByTelegramUsername(name.toUpperCase())).toEqual([dana]);
        expect(await store.users.findByTelegramUsername(unique("nobody"))).toEqual([]);
        const stale = await newUser({ telegram: telegram(name.toLowerCase()) });
        const both = await store.users.findByTelegramUsername(name);
        expect(both.map((user) => user.id).sort()).toEqual([dana.id, stale.id].sort());
      });

      it("update changes only the given fields, and each of them reads back exactly", async () => {
        const user = await newUser({
          name: "Before",
          telegram: { id: newTelegramId(), username: "x", firstName: null, lastName: null },
        });
        const username = unique("Carol");
        const blockedAt = new Date("2026-03-01T10:20:30.456Z");
        const changed = await store.users.update(user.id, {
          username,
          email: `${username}@example.com`,
          name: null,
          telegram: null,
          language: "kk",
          timezone: "Asia/Almaty",
          timezoneChosenAt: blockedAt,
          rewardOdds: { noRewardWeight: 7.5 },
          reminders: { quietHours: { start: "22:30", end: "07:00" }, summary: { mode: "weekly" } },
          telegramBlockedAt: blockedAt,
        });
        expect(changed).toEqual({
          ...user,
          username,
          email: `${username}@example.com`,
          name: null,
          telegram: null,
          language: "kk",
          timezone: "Asia/Almaty",
          timezoneChosenAt: blockedAt,
          rewardOdds: { ...defaultRewardOdds, noRewardWeight: 7.5 },
          reminders: {
            enabled: true,
            quietHours: { start: "22:30", end: "07:00" },
            summary: { mode: "weekly", time: defaultSummary.time },
          },
          telegramBlockedAt: blockedAt,
          updatedAt: expect.any(Date),
        });
        expect(changed?.updatedAt.getTime()).toBeGreaterThanOrEqual(user.updatedAt.getTime());
        expect(await store.users.findById(user.id)).toEqual(changed);

        const again = await store.users.update(user.id, {
          rewardOdds: { minNoRewardChance: 0.25, guaranteeLastHabit: false },
          reminders: { enabled: false, quietHours: null, summary: { time: "07:45" } },
          telegramBlockedAt: null,
        });
        expect(again).toEqual({
          ...changed,
          rewardOdds: { noRewardWeight: 7.5, minNoRewardChance: 0.25, guaranteeLastHabit: false },
          reminders: { enabled: false, quietHours: null, summary: { mode: "weekly", time: "07:45" } },
          telegramBlockedAt: null,
          updatedAt: expect.any(Date),
        });
        expect(await store.users.findById(user.id)).toEqual(again);
        expect(await store.users.findByLogin(username)).toEqual(again);
      });

      it("update of a missing user is undefined", async () => {
        expect(await store.users.update(randomUUID(), { name: "Nobody" })).toBeUndefined();
      });

      it("keeps the password hash apart from the user", async () => {
        const user = await newUser();
        expect(user.hasPassword).toBe(false);
        await store.users.setPasswordHash(user.id, "$2b$10$new", new Date("2026-02-02T02:02:02.002Z"));
        expect(await store.users.getPasswordHash(user.id)).toBe("$2b$10$new");
        expect(await store.users.findById(user.id)).toMatchObject({ hasPassword: true });
        expect(await store.users.getPasswordHash(randomUUID())).toBeNull();
        await expect(store.users.setPasswordHash(randomUUID(), "x", new Date())).resolves.toBeUndefined();
      });

      it("refuses a username another user has, whatever its case (user_username)", async () => {
        const username = unique("Dave");
        const first = await newUser({ username });
        await expectViolation(store.users.create({ username: username.toUpperCase() }), "user_username");
        const second = await newUser();
        await expectViolation(store.users.update(second.id, { username: username.toLowerCase() }), "user_username");
        expect(await store.users.findById(second.id)).toEqual(second);
        expect(await store.users.findByLogin(username)).toEqual(first);
        // Changing the case of one's own username is not a collision.
        expect(await store.users.update(first.id, { username: username.toUpperCase() })).toMatchObject({
          username: username.toUpperCase(),
        });
      });

      it("refuses an email another user has, whatever its case (user_email)", async () => {
        const email = `${unique("erin")}@Example.com`;
        await newUser({ email });
        await expectViolation(newUser({ email: email.toLowerCase() }), "user_email");
        const other = await newUser();
        await expectViolation(store.users.update(other.id, { email: email.toUpperCase() }), "user_email");
        expect(await store.users.findById(other.id)).toEqual(other);
      });

      it("refuses a Telegram account another user has (user_telegram)", async () => {
        const id = newTelegramId();
        const telegram = { id, username: null, firstName: null, lastName: null };
        const first = await newUser({ telegram });
        await expectViolation(newUser({ telegram }), "user_telegram");
        const other = await newUser();
        await expectViolation(store.users.update(other.id, { telegram }), "user_telegram");
        expect(await store.users.findById(other.id)).toEqual(other);
        expect(await store.users.findByTelegramId(id)).toEqual(first);
      });

      it("delete removes the user and everything they own, and nobody else's", async () => {
        const { user, habit } = await newHabit({ tags: ["shared-name"] });
        const reward = await store.rewards.create(user.id, rewardFields());
        await store.completions.insert(completion(user.id, habit.id, "2026-04-01"));
        await store.draws.insert(draw(user.id, habit.id, "2026-04-01", { won: true, rewardId: reward.id }));
        await store.rewards.recordClaim(user.id, reward.id, 3, new Date("2026-04-02T00:00:00Z"));
        const { user: bystander, habit: theirs } = await newHabit({ tags: ["shared-name"] });
        await store.completions.insert(completion(bystander.id, theirs.id, "2026-04-01"));

        expect(await store.users.delete(user.id)).toBe(true);
        expect(await store.users.findById(user.id)).toBeUndefined();
        expect(await store.habits.list(user.id, { status: "all" })).toEqual([]);
        expect(await store.habits.count(user.id)).toBe(0);
        expect(await store.completions.listForHabit(habit.id)).toEqual([]);
        expect(await store.completions.listForUser(user.id, { from: "2026-01-01", to: "2026-12-31" })).toEqual([]);
        expect(await store.draws.find(habit.id, "2026-04-01")).toBeUndefined();
        expect(await store.rewards.list(user.id)).toEqual([]);
        expect(await store.rewards.listClaims(user.id)).toEqual([]);
        expect(await store.users.delete(user.id)).toBe(false);

        expect(await store.habits.findById(bystander.id, theirs.id)).toEqual(theirs);
        expect(await store.completions.listForHabit(theirs.id)).toHaveLength(1);
      });
    });

    describe("habits", () => {
      it("create keeps every field as given and findById returns the same habit", async () => {
        const user = await newUser();
        const fields = fullHabitFields();
        const habit = await store.habits.create(user.id, fields);
        expect(habit).toEqual({
          ...fields,
          id: expect.any(String),
          userId: user.id,
          archivedAt: null,
          createdAt: expect.any(Date),
          updatedAt: expect.any(Date),
        });
        expect(await store.habits.findById(user.id, habit.id)).toEqual(habit);
      });

      it("keeps weekly and monthly frequencies, and a habit with every optional field empty", async () => {
        const user = await newUser();
        const weekly = habitFields({ frequency: { type: "weekly", timesPerPeriod: 3 } });
        const monthly = habitFields({
          type: "measurable",
          target: { value: 10_000, unit: "steps" },
          frequency: { type: "monthly", timesPerPeriod: 31 },
        });
        for (const fields of [weekly, monthly, habitFields()]) {
          const habit = await store.habits.create(user.id, fields);
          expect(habit).toMatchObject(fields);
          expect(await store.habits.findById(user.id, habit.id)).toEqual(habit);
        }
      });

      it("update replaces every field, reminders and tags included", async () => {
        const user = await newUser();
        const habit = await store.habits.create(user.id, fullHabitFields());
        const fields = habitFields({
          name: unique("Walk"),
          description: "Around the block",
          color: "#059669",
          emoji: "🚶",
          category: "Body",
          frequency: { type: "weekly", timesPerPeriod: 5 },
          allowedSkipDays: 1,
          weight: 100,
          startDate: "2025-12-01",
          endDate: null,
          milestoneTarget: 5,
          // 07:30 stays with other weekdays: the old reminder is replaced, not kept beside it.
          reminders: [
            { time: "07:30", weekdays: [7] },
            { time: "12:00", weekdays: [1, 2, 3, 4, 5] },
          ],
          tags: ["Outdoors"],
        });
        const updated = await store.habits.update(user.id, habit.id, fields);
        expect(updated).toEqual({
          ...fields,
          id: habit.id,
          userId: user.id,
          archivedAt: null,
          createdAt: habit.createdAt,
          updatedAt: expect.any(Date),
        });
        expect(await store.habits.findById(user.id, habit.id)).toEqual(updated);

        const cleared = await store.habits.update(user.id, habit.id, { ...fields, reminders: [], tags: [] });
        expect(cleared).toMatchObject({ reminders: [], tags: [] });
        expect(await store.habits.findById(user.id, habit.id)).toEqual(cleared);
      });

      // The port leaves tag identity and order open. Both stores: one tag per user and key, which
      // keeps the spelling it was first made with; a habit's tags read back ordered by key
      // (HabitTag has no position column to keep the order they were given in).
      it("tags are the user's own, shared by key, keep their first spelling and read back ordered by key", async () => {
        const user = await newUser();
        const first = await store.habits.create(user.id, habitFields({ tags: ["Health"] }));
        expect(first.tags).toEqual(["Health"]);
        const second = await store.habits.create(user.id, habitFields({ tags: ["sleep", "health"] }));
        expect(second.tags).toEqual(["Health", "sleep"]);
        const sorted = await store.habits.create(user.id, habitFields({ tags: ["zeta", "Alpha", "mid"] }));
        expect(sorted.tags).toEqual(["Alpha", "mid", "zeta"]);

        const other = await newUser();
        const theirs = await store.habits.create(other.id, habitFields({ tags: ["HEALTH"] }));
        expect(theirs.tags).toEqual(["HEALTH"]);
      });

      it("list gives active habits by default, or archived ones, or all, ordered by createdAt then id", async () => {
        const user = await newUser();
        const created = [];
        for (let index = 0; index < 4; index++) created.push(await store.habits.create(user.id, habitFields()));
        const archived = await store.habits.setArchivedAt(
          user.id,
          created[1]?.id ?? "",
          new Date("2026-05-05T05:05:05.005Z"),
        );
        const all = created.map((habit) => (habit.id === archived?.id ? archived : habit)).sort(byCreatedAtThenId);
        const ids = (habits: Array<{ id: string }>) => habits.map((habit) => habit.id);

        expect(await store.habits.list(user.id)).toEqual(all.filter((habit) => habit.archivedAt === null));
        expect(ids(await store.habits.list(user.id, { status: "active" }))).toEqual(
          ids(all.filter((habit) => habit.archivedAt === null)),
        );
        expect(await store.habits.list(user.id, { status: "archived" })).toEqual([archived]);
        expect(ids(await store.habits.list(user.id, { status: "all" }))).toEqual(ids(all));
      });

      it("archives and unarchives; archived habits free their name (habit_active_name)", async () => {
        const user = await newUser();
        const name = unique("Run");
        const habit = await store.habits.create(user.id, habitFields({ name }));
        const archivedAt = new Date("2026-06-01T12:00:00.123Z");
        const archived = await store.habits.setArchivedAt(user.id, habit.id, archivedAt);
        expect(archived).toEqual({ ...habit, archivedAt, updatedAt: expect.any(Date) });
        expect(await store.habits.findById(user.id, habit.id)).toEqual(archived);

        // Archived names may repeat, and a new active habit may take the name.
        const again = await store.habits.create(user.id, habitFields({ name: name.toUpperCase() }));
        await store.habits.setArchivedAt(user.id, again.id, archivedAt);
        const current = await store.habits.create(user.id, habitFields({ name: name.toLowerCase() }));

        // Unarchiving takes the name back: refused while an active habit has it, and nothing changes.
        await expectViolation(store.habits.setArchivedAt(user.id, habit.id, null), "habit_active_name");
        expect(await store.habits.findById(user.id, habit.id)).toEqual(archived);
        // Renaming an archived habit to an active habit's name is allowed; it collides once unarchived.
        await store.habits.update(user.id, again.id, habitFields({ name: name.toLowerCase() }));

        await store.habits.setArchivedAt(user.id, current.id, archivedAt);
        const unarchived = await store.habits.setArchivedAt(user.id, habit.id, null);
        expect(unarchived).toEqual({ ...habit, archivedAt: null, updatedAt: expect.any(Date) });
        await expectViolation(store.habits.setArchivedAt(user.id, again.id, null), "habit_active_name");
      });

      it("refuses two active habits with one name, whatever the case (habit_active_name)", async () => {
        const user = await newUser();
        const name = unique("Meditate");
        const habit = await store.habits.create(user.id, habitFields({ name }));
        await expectViolation(
          store.habits.create(user.id, habitFields({ name: name.toUpperCase() })),
          "habit_active_name",
        );

        const other = await store.habits.create(user.id, habitFields());
        await expectViolation(
          store.habits.update(user.id, other.id, habitFields({ name: name.toLowerCase(), tags: ["x"] })),
          "habit_active_name",
        );
        expect(await store.habits.findById(user.id, other.id)).toEqual(other);
        // A habit may change the case of its own name, and another user may use the name.
        expect(await store.habits.update(user.id, habit.id, habitFields({ name: name.toUpperCase() }))).toMatchObject({
          name: name.toUpperCase(),
        });
        const stranger = await newUser();
        await expect(store.habits.create(stranger.id, habitFields({ name }))).resolves.toMatchObject({ name });
        expect(await store.habits.count(user.id)).toBe(2);
      });

      it("a refused create leaves nothing behind, not even the tags it would have made", async () => {
        const user = await newUser();
        const name = unique("Journal");
        await store.habits.create(user.id, habitFields({ name }));
        await expectViolation(
          store.habits.create(
            user.id,
            habitFields({ name, tags: ["brand-new"], reminders: [{ time: "08:00", weekdays: [] }] }),
          ),
          "habit_active_name",
        );
        expect(await store.habits.count(user.id)).toBe(1);
        // Had the refused create made the tag "brand-new", this habit would read it with that spelling.
        const next = await store.habits.create(user.id, habitFields({ tags: ["BRAND-NEW"] }));
        expect(next.tags).toEqual(["BRAND-NEW"]);
      });

      it("another user's habit is not found, and stays as it was", async () => {
        const { user: owner, habit } = await newHabit();
        const stranger = await newUser();
        expect(await store.habits.findById(stranger.id, habit.id)).toBeUndefined();
        expect(await store.habits.update(stranger.id, habit.id, habitFields({ name: "Mine now" }))).toBeUndefined();
        expect(await store.habits.setArchivedAt(stranger.id, habit.id, new Date())).toBeUndefined();
        expect(await store.habits.delete(stranger.id, habit.id)).toBe(false);
        expect(await store.habits.list(stranger.id, { status: "all" })).toEqual([]);
        expect(await store.habits.count(stranger.id)).toBe(0);
        expect(await store.habits.findById(owner.id, habit.id)).toEqual(habit);
        expect(await store.habits.update(owner.id, randomUUID(), habitFields())).toBeUndefined();
      });

      it("delete removes the habit with its completions and draws", async () => {
        const { user, habit } = await newHabit({ reminders: [{ time: "09:00", weekdays: [] }], tags: ["gone"] });
        await store.completions.insert(completion(user.id, habit.id, "2026-04-01"));
        await store.draws.insert(draw(user.id, habit.id, "2026-04-01"));
        expect(await store.habits.delete(user.id, habit.id)).toBe(true);
        expect(await store.habits.findById(user.id, habit.id)).toBeUndefined();
        expect(await store.completions.findByDate(habit.id, "2026-04-01")).toBeUndefined();
        expect(await store.completions.listForHabit(habit.id)).toEqual([]);
        expect(await store.draws.find(habit.id, "2026-04-01")).toBeUndefined();
        expect(await store.habits.delete(user.id, habit.id)).toBe(false);
      });

      it("count counts every habit the user has, archived ones included", async () => {
        const { user, habit } = await newHabit();
        await store.habits.create(user.id, habitFields());
        await store.habits.setArchivedAt(user.id, habit.id, new Date());
        expect(await store.habits.count(user.id)).toBe(2);
      });
    });

    describe("completions", () => {
      it("insert keeps every field as given and findByDate returns the same completion", async () => {
        const { user, habit } = await newHabit();
        const fields = completion(user.id, habit.id, "2026-02-28", {
          value: 12.5,
          note: "Long run 🏃",
          source: "import",
          streak: 3,
          totalWeight: 13.7,
          winChance: 0.5779816513761468,
        });
        const inserted = await store.completions.insert(fields);
        expect(inserted).toEqual({ ...fields, id: expect.any(String), createdAt: expect.any(Date) });
        expect(await store.completions.findByDate(habit.id, "2026-02-28")).toEqual(inserted);

        const bare = await store.completions.insert(completion(user.id, habit.id, "2026-03-01"));
        expect(bare).toMatchObject({ value: null, note: null, source: "bot" });
        expect(await store.completions.findByDate(habit.id, "2026-03-02")).toBeUndefined();
      });

      it("refuses a second completion of a habit on one date (completion_date)", async () => {
        const { user, habit } = await newHabit();
        const first = await store.completions.insert(completion(user.id, habit.id, "2026-04-10"));
        await expectViolation(
          store.completions.insert(completion(user.id, habit.id, "2026-04-10", { value: 5 })),
          "completion_date",
        );
        expect(await store.completions.listForHabit(habit.id)).toEqual([first]);
        const other = await store.habits.create(user.id, habitFields());
        await expect(store.completions.insert(completion(user.id, other.id, "2026-04-10"))).resolves.toMatchObject({
          habitId: other.id,
        });
      });

      it("refuses a completion of another user's habit", async () => {
        const { habit } = await newHabit();
        const stranger = await newUser();
        await expect(store.completions.insert(completion(stranger.id, habit.id, "2026-04-10"))).rejects.toThrow();
        expect(await store.completions.listForHabit(habit.id)).toEqual([]);
      });

      it("listForHabit is ascending by date, within an inclusive range", async () => {
        const { user, habit } = await newHabit();
        const dates = ["2026-03-05", "2026-03-01", "2026-03-03", "2026-02-28", "2026-03-04"];
        for (const date of dates) await store.completions.insert(completion(user.id, habit.id, date));
        const listed = async (range?: { from?: string; to?: string }) =>
          (await store.completions.listForHabit(habit.id, range)).map((item) => item.date);

        expect(await listed()).toEqual(["2026-02-28", "2026-03-01", "2026-03-03", "2026-03-04", "2026-03-05"]);
        expect(await listed({ from: "2026-03-03" })).toEqual(["2026-03-03", "2026-03-04", "2026-03-05"]);
        expect(await listed({ to: "2026-03-01" })).toEqual(["2026-02-28", "2026-03-01"]);
        expect(await listed({ from: "2026-03-01", to: "2026-03-04" })).toEqual([
          "2026-03-01",
          "2026-03-03",
          "2026-03-04",
        ]);
        expect(await listed({ from: "2026-03-02", to: "2026-03-02" })).toEqual([]);
        expect(await store.completions.listForHabit(randomUUID())).toEqual([]);
      });

      it("listForUser gives the user's completions of all habits in [from, to], by date then habitId", async () => {
        const user = await newUser();
        const habits = [
          await store.habits.create(user.id, habitFields()),
          await store.habits.create(user.id, habitFields()),
          await store.habits.create(user.id, habitFields()),
        ];
        const inserted = [];
        for (const date of ["2026-07-02", "2026-06-30", "2026-07-01", "2026-07-03"]) {
          for (const habit of habits)
            inserted.push(await store.completions.insert(completion(user.id, habit.id, date)));
        }
        const { habit: theirs, user: stranger } = await newHabit();
        await store.completions.insert(completion(stranger.id, theirs.id, "2026-07-01"));

        const expected = inserted
          .filter((item) => item.date >= "2026-07-01" && item.date <= "2026-07-02")
          .sort((a, b) => compareText(a.date, b.date) || compareText(a.habitId, b.habitId));
        expect(await store.completions.listForUser(user.id, { from: "2026-07-01", to: "2026-07-02" })).toEqual(
          expected,
        );
        expect(await store.completions.listForUser(user.id, { from: "2026-08-01", to: "2026-08-31" })).toEqual([]);
      });

      it("findById finds the user's completion only", async () => {
        const { user, habit } = await newHabit();
        const made = await store.completions.insert(completion(user.id, habit.id, "2026-05-01"));
        expect(await store.completions.findById(user.id, made.id)).toEqual(made);
        const stranger = await newUser();
        expect(await store.completions.findById(stranger.id, made.id)).toBeUndefined();
        expect(await store.completions.findById(user.id, randomUUID())).toBeUndefined();
      });

      it("listNewestFirst: by date then id descending, filtered, by offset or after a (date, id); countForUser", async () => {
        const user = await newUser();
        const habits = [
          await store.habits.create(user.id, habitFields()),
          await store.habits.create(user.id, habitFields()),
          await store.habits.create(user.id, habitFields()),
        ];
        const inserted = [];
        for (const date of ["2026-07-02", "2026-06-30", "2026-07-01", "2026-07-03"]) {
          for (const habit of habits)
            inserted.push(await store.completions.insert(completion(user.id, habit.id, date)));
        }
        const { habit: theirs, user: stranger } = await newHabit();
        await store.completions.insert(completion(stranger.id, theirs.id, "2026-07-01"));
        const newest = [...inserted].sort((a, b) => compareText(b.date, a.date) || compareText(b.id, a.id));

        expect(await store.completions.listNewestFirst(user.id, {}, { limit: 100 })).toEqual(newest);
        expect(await store.completions.listNewestFirst(user.id, {}, { offset: 3, limit: 4 })).toEqual(
          newest.slice(3, 7),
        );
        const third = newest[2] as (typeof newest)[number];
        expect(
          await store.completions.listNewestFirst(
            user.id,
            {},
            { before: { date: third.date, id: third.id }, limit: 5 },
          ),
        ).toEqual(newest.slice(3, 8));
        // A position that is no completion's (removed since) still cuts between its neighbours.
        expect(
          await store.completions.listNewestFirst(user.id, {}, { before: { date: "2026-07-01", id: "" }, limit: 100 }),
        ).toEqual(newest.filter((item) => item.date < "2026-07-01"));

        const habitId = habits[1]?.id as string;
        const filter = { from: "2026-07-01", to: "2026-07-02", habitId };
        const expected = newest.filter(
          (item) => item.habitId === habitId && item.date >= "2026-07-01" && item.date <= "2026-07-02",
        );
        expect(await store.completions.listNewestFirst(user.id, filter, { limit: 100 })).toEqual(expected);
        expect(await store.completions.countForUser(user.id, filter)).toBe(2);
        expect(await store.completions.countForUser(user.id, {})).toBe(12);
        expect(await store.completions.countForUser(user.id, { from: "2026-07-03" })).toBe(3);
        expect(await store.completions.countForUser(user.id, { to: "2026-06-30" })).toBe(3);
        expect(await store.completions.listNewestFirst(user.id, { habitId: theirs.id }, { limit: 100 })).toEqual([]);
        expect(await store.completions.countForUser(stranger.id, {})).toBe(1);
      });

      it("delete removes one completion; setStreaks sets the given streaks and nothing else", async () => {
        const { user, habit } = await newHabit();
        const [first, second, third] = [
          await store.completions.insert(completion(user.id, habit.id, "2026-01-01", { streak: 1 })),
          await store.completions.insert(completion(user.id, habit.id, "2026-01-02", { streak: 2 })),
          await store.completions.insert(completion(user.id, habit.id, "2026-01-03", { streak: 3 })),
        ];
        await store.completions.setStreaks([
          { id: second.id, streak: 7 },
          { id: third.id, streak: 8 },
        ]);
        await store.completions.setStreaks([]);
        expect(await store.completions.listForHabit(habit.id)).toEqual([
          first,
          { ...second, streak: 7 },
          { ...third, streak: 8 },
        ]);
        await store.completions.delete(second.id);
        expect(await store.completions.findByDate(habit.id, "2026-01-02")).toBeUndefined();
        expect(await store.completions.listForHabit(habit.id)).toHaveLength(2);
        await expect(store.completions.delete(second.id)).resolves.toBeUndefined();
      });
    });

    describe("draws", () => {
      it("insert keeps every field as given and find returns the same draw", async () => {
        const { user, habit } = await newHabit();
        const reward = await store.rewards.create(user.id, rewardFields());
        const won = draw(user.id, habit.id, "2026-02-27", {
          won: true,
          rewardId: reward.id,
          awardedOn: "2026-03-01",
          pieceHeld: true,
        });
        const inserted = await store.draws.insert(won);
        expect(inserted).toEqual({
          id: expect.any(String),
          habitId: habit.id,
          date: "2026-02-27",
          won: true,
          rewardId: reward.id,
          awardedOn: "2026-03-01",
          pieceHeld: true,
        });
        expect(await store.draws.find(habit.id, "2026-02-27")).toEqual(inserted);

        const lost = await store.draws.insert(draw(user.id, habit.id, "2026-02-28"));
        expect(lost).toMatchObject({ won: false, rewardId: null, awardedOn: "2026-02-28", pieceHeld: false });
        expect(await store.draws.find(habit.id, "2026-03-02")).toBeUndefined();
      });

      it("refuses a second draw of a habit on one date (draw_date)", async () => {
        const { user, habit } = await newHabit();
        const first = await store.draws.insert(draw(user.id, habit.id, "2026-04-10"));
        await expectViolation(store.draws.insert(draw(user.id, habit.id, "2026-04-10", { won: true })), "draw_date");
        expect(await store.draws.find(habit.id, "2026-04-10")).toEqual(first);
      });

      it("counts the pieces of a reward awarded on a day and still held", async () => {
        const { user, habit } = await newHabit();
        const reward = await store.rewards.create(user.id, rewardFields());
        const otherReward = await store.rewards.create(user.id, rewardFields());
        const won = (date: string, awardedOn: string, rewardId = reward.id) =>
          store.draws.insert(draw(user.id, habit.id, date, { won: true, rewardId, awardedOn, pieceHeld: true }));
        const today = "2026-05-10";
        const first = await won("2026-05-10", today);
        const backdated = await won("2026-05-08", today);
        await won("2026-05-09", "2026-05-09");
        await won("2026-05-07", today, otherReward.id);
        await store.draws.insert(draw(user.id, habit.id, "2026-05-06", { awardedOn: today }));

        expect(await store.draws.countHeldAwardedOn(reward.id, today)).toBe(2);
        // Undone: the piece is no longer held, so it no longer counts against the day.
        await store.draws.setPieceHeld(backdated.id, false, today);
        expect(await store.draws.countHeldAwardedOn(reward.id, today)).toBe(1);
        expect(await store.draws.find(habit.id, "2026-05-08")).toEqual({ ...backdated, pieceHeld: false });
        // Redone on a later day: it counts against that day.
        await store.draws.setPieceHeld(backdated.id, true, "2026-05-11");
        expect(await store.draws.countHeldAwardedOn(reward.id, today)).toBe(1);
        expect(await store.draws.countHeldAwardedOn(reward.id, "2026-05-11")).toBe(1);
        expect(await store.draws.find(habit.id, "2026-05-10")).toEqual(first);
        expect(await store.draws.countHeldAwardedOn(otherReward.id, today)).toBe(1);
      });
    });

    describe("rewards", () => {
      it("create keeps every field as given, with all-zero progress; findById returns the same reward", async () => {
        const user = await newUser();
        const fields = rewardFields();
        const reward = await store.rewards.create(user.id, fields);
        expect(reward).toEqual({
          ...fields,
          id: expect.any(String),
          userId: user.id,
          progress: { piecesEarned: 0, claimed: false, timesClaimed: 0 },
          createdAt: expect.any(Date),
          updatedAt: expect.any(Date),
        });
        expect(await store.rewards.findById(user.id, reward.id)).toEqual(reward);

        const bare = rewardFields({ pieceValue: null, maxDailyClaims: null, isRecurring: true, piecesRequired: 1 });
        expect(await store.rewards.create(user.id, bare)).toMatchObject(bare);
      });

      it("update replaces every field and keeps the progress", async () => {
        const user = await newUser();
        const reward = await store.rewards.create(user.id, rewardFields());
        await store.rewards.setProgress(reward.id, { piecesEarned: 2, claimed: false, timesClaimed: 1 });
        const fields = rewardFields({
          weight: 7,
          piecesRequired: 1,
          pieceValue: null,
          maxDailyClaims: 0,
          isRecurring: true,
          active: false,
        });
        const updated = await store.rewards.update(user.id, reward.id, fields);
        expect(updated).toEqual({
          ...reward,
          ...fields,
          progress: { piecesEarned: 2, claimed: false, timesClaimed: 1 },
          updatedAt: expect.any(Date),
        });
        expect(await store.rewards.findById(user.id, reward.id)).toEqual(updated);
        expect(await store.rewards.update(user.id, randomUUID(), fields)).toBeUndefined();
      });

      it("list is ordered by createdAt then id, optionally only active or inactive rewards", async () => {
        const user = await newUser();
        const rewards = [];
        for (const active of [true, false, true, false]) {
          rewards.push(await store.rewards.create(user.id, rewardFields({ active })));
        }
        const sorted = [...rewards].sort(byCreatedAtThenId);
        expect(await store.rewards.list(user.id)).toEqual(sorted);
        expect(await store.rewards.list(user.id, { active: true })).toEqual(sorted.filter((reward) => reward.active));
        expect(await store.rewards.list(user.id, { active: false })).toEqual(sorted.filter((reward) => !reward.active));
      });

      it("refuses two active rewards with one name, whatever the case; inactive ones free it (reward_active_name)", async () => {
        const user = await newUser();
        const name = unique("Cinema");
        const reward = await store.rewards.create(user.id, rewardFields({ name }));
        await expectViolation(
          store.rewards.create(user.id, rewardFields({ name: name.toUpperCase() })),
          "reward_active_name",
        );

        const inactive = await store.rewards.create(user.id, rewardFields({ name: name.toLowerCase(), active: false }));
        await expectViolation(
          store.rewards.update(user.id, inactive.id, rewardFields({ name: name.toLowerCase(), active: true })),
          "reward_active_name",
        );
        expect(await store.rewards.findById(user.id, inactive.id)).toEqual(inactive);

        await store.rewards.update(user.id, reward.id, rewardFields({ name, active: false }));
        await expect(
          store.rewards.update(user.id, inactive.id, rewardFields({ name: name.toLowerCase(), active: true })),
        ).resolves.toMatchObject({ active: true });
        const stranger = await newUser();
        await expect(store.rewards.create(stranger.id, rewardFields({ name }))).resolves.toMatchObject({ name });
      });

      it("setProgress sets the progress row, again and again", async () => {
        const user = await newUser();
        const reward = await store.rewards.create(user.id, rewardFields());
        await store.rewards.setProgress(reward.id, { piecesEarned: 3, claimed: false, timesClaimed: 0 });
        expect((await store.rewards.findById(user.id, reward.id))?.progress).toEqual({
          piecesEarned: 3,
          claimed: false,
          timesClaimed: 0,
        });
        await store.rewards.setProgress(reward.id, { piecesEarned: 0, claimed: true, timesClaimed: 1 });
        const [listed] = await store.rewards.list(user.id);
        expect(listed?.progress).toEqual({ piecesEarned: 0, claimed: true, timesClaimed: 1 });
      });

      it("records claims and lists them newest first, with the reward's name", async () => {
        const user = await newUser();
        const coffee = await store.rewards.create(user.id, rewardFields({ name: unique("Coffee") }));
        const book = await store.rewards.create(user.id, rewardFields({ name: unique("Book") }));
        const first = await store.rewards.recordClaim(user.id, coffee.id, 3, new Date("2026-03-01T08:00:00.001Z"));
        expect(first).toEqual({
          id: expect.any(String),
          rewardId: coffee.id,
          rewardName: coffee.name,
          pieces: 3,
          claimedAt: new Date("2026-03-01T08:00:00.001Z"),
        });
        const third = await store.rewards.recordClaim(user.id, book.id, 1, new Date("2026-03-03T08:00:00Z"));
        const second = await store.rewards.recordClaim(user.id, coffee.id, 2, new Date("2026-03-02T08:00:00Z"));
        expect(await store.rewards.listClaims(user.id)).toEqual([third, second, first]);
        expect(await store.rewards.listClaims((await newUser()).id)).toEqual([]);
      });

      it("another user's reward is not found, and stays as it was", async () => {
        const owner = await newUser();
        const reward = await store.rewards.create(owner.id, rewardFields());
        const stranger = await newUser();
        expect(await store.rewards.findById(stranger.id, reward.id)).toBeUndefined();
        expect(await store.rewards.update(stranger.id, reward.id, rewardFields())).toBeUndefined();
        expect(await store.rewards.delete(stranger.id, reward.id)).toBe(false);
        expect(await store.rewards.list(stranger.id)).toEqual([]);
        await expect(store.rewards.recordClaim(stranger.id, reward.id, 1, new Date())).rejects.toThrow();
        expect(await store.rewards.listClaims(stranger.id)).toEqual([]);
        expect(await store.rewards.findById(owner.id, reward.id)).toEqual(reward);
      });

      it("delete removes the reward with its progress and claims", async () => {
        const user = await newUser();
        const reward = await store.rewards.create(user.id, rewardFields());
        const kept = await store.rewards.create(user.id, rewardFields());
        await store.rewards.recordClaim(user.id, reward.id, 3, new Date("2026-03-01T08:00:00Z"));
        const keptClaim = await store.rewards.recordClaim(user.id, kept.id, 3, new Date("2026-03-01T08:00:00Z"));
        expect(await store.rewards.delete(user.id, reward.id)).toBe(true);
        expect(await store.rewards.findById(user.id, reward.id)).toBeUndefined();
        expect(await store.rewards.list(user.id)).toEqual([kept]);
        expect(await store.rewards.listClaims(user.id)).toEqual([keptClaim]);
        expect(await store.rewards.delete(user.id, reward.id)).toBe(false);
      });
    });

    describe("reminders", () => {
      const every = [{ time: "08:00", weekdays: [] }];
      const reminder = (user: User, habit: { id: string }, date: string, time = "08:00") => ({
        userId: user.id,
        habitId: habit.id,
        date,
        time,
      });

      it("candidates: active habits with a reminder, of users with reminders on who have not blocked the bot, by user then habit", async () => {
        const first = await newUser();
        const second = await newUser();
        const off = await newUser();
        const blocked = await newUser();
        const mine = new Set([first.id, second.id, off.id, blocked.id]);
        // Per user: two habits with one reminder, one with two, one with none.
        const habitsOf = async (user: User) => ({
          user,
          early: await store.habits.create(user.id, habitFields({ reminders: every })),
          none: await store.habits.create(user.id, habitFields({ reminders: [] })),
          two: await store.habits.create(
            user.id,
            habitFields({
              reminders: [
                { time: "21:00", weekdays: [1, 2] },
                { time: "07:15", weekdays: [] },
              ],
            }),
          ),
          late: await store.habits.create(user.id, habitFields({ reminders: every })),
        });
        const all = [await habitsOf(first), await habitsOf(second), await habitsOf(off), await habitsOf(blocked)];
        const archivedAt = new Date("2026-03-01T00:00:00Z");
        const [ofFirst, ofSecond] = all;
        await store.habits.setArchivedAt(first.id, ofFirst?.late.id ?? "", archivedAt);
        await store.users.update(off.id, { reminders: { enabled: false } });
        await store.users.update(blocked.id, { telegramBlockedAt: archivedAt });

        const candidates = async () =>
          (await store.reminders.candidates()).filter((candidate) => mine.has(candidate.user.id));
        const inOrder = (pairs: Array<{ user: User; habit: Habit }>) =>
          pairs.sort((a, b) => compareText(a.user.id, b.user.id) || byCreatedAtThenId(a.habit, b.habit));
        const expected = inOrder(
          [ofFirst, ofSecond].flatMap((of) =>
            of
              ? [of.early, of.two, ...(of === ofFirst ? [] : [of.late])].map((habit) => ({ user: of.user, habit }))
              : [],
          ),
        );
        expect(expected).toHaveLength(5);
        expect(await candidates()).toEqual(expected);

        // Turning reminders back on, coming back to the bot and unarchiving bring them back.
        await store.users.update(off.id, { reminders: { enabled: true } });
        await store.users.update(blocked.id, { telegramBlockedAt: null });
        await store.habits.setArchivedAt(first.id, ofFirst?.late.id ?? "", null);
        const ids = (pairs: Array<{ user: User; habit: Habit }>) =>
          pairs.map(({ user, habit }) => ({ userId: user.id, habitId: habit.id }));
        const everyone = inOrder(
          all.flatMap((of) => [of.early, of.two, of.late].map((habit) => ({ user: of.user, habit }))),
        );
        expect(ids(await candidates())).toEqual(ids(everyone));
      });

      it("claim succeeds once per habit, date and time; then false, changing nothing", async () => {
        const { user, habit } = await newHabit({ reminders: every });
        const at = new Date("2026-03-10T08:00:00.123Z");
        expect(await store.reminders.claim(reminder(user, habit, "2026-03-10"), at)).toBe(true);
        expect(await store.reminders.claim(reminder(user, habit, "2026-03-10"), new Date(at.getTime() + 60_000))).toBe(
          false,
        );
        // Another date or time of the same habit is another reminder.
        expect(await store.reminders.claim(reminder(user, habit, "2026-03-11"), at)).toBe(true);
        expect(await store.reminders.claim(reminder(user, habit, "2026-03-10", "21:00"), at)).toBe(true);
        const unsent = (await store.reminders.unsent(new Date("2100-01-01T00:00:00Z"), 100)).filter(
          (claim) => claim.habitId === habit.id,
        );
        expect(unsent).toEqual([
          { ...reminder(user, habit, "2026-03-10"), claimedAt: at, attempts: 1 },
          { ...reminder(user, habit, "2026-03-10", "21:00"), claimedAt: at, attempts: 1 },
          { ...reminder(user, habit, "2026-03-11"), claimedAt: at, attempts: 1 },
        ]);
      });

      it("of 10 concurrent claims of one reminder, exactly one succeeds", async () => {
        const { user, habit } = await newHabit({ reminders: every });
        const at = new Date("2026-03-10T08:00:00Z");
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.reminders.claim(reminder(user, habit, "2026-03-10"), at)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("refuses a claim of another user's habit", async () => {
        const { habit } = await newHabit({ reminders: every });
        const stranger = await newUser();
        await expect(
          store.reminders.claim(reminder(stranger, habit, "2026-03-10"), new Date("2026-03-10T08:00:00Z")),
        ).rejects.toThrow();
        expect(await store.reminders.claimedKeys([habit.id], ["2026-03-10"])).toEqual(new Set());
      });

      it("claimedKeys gives the reminderKey of each claim of the given habits on the given dates", async () => {
        const { user, habit } = await newHabit({ reminders: every });
        const other = await store.habits.create(user.id, habitFields({ reminders: every }));
        const unasked = await store.habits.create(user.id, habitFields({ reminders: every }));
        const at = new Date("2026-03-10T08:00:00Z");
        for (const [claimed, date, time] of [
          [habit, "2026-03-09", "08:00"],
          [habit, "2026-03-10", "08:00"],
          [habit, "2026-03-10", "21:30"],
          [habit, "2026-03-11", "08:00"],
          [other, "2026-03-10", "08:00"],
          [unasked, "2026-03-10", "08:00"],
        ] as const) {
          await store.reminders.claim(reminder(user, claimed, date, time), at);
        }
        expect(await store.reminders.claimedKeys([habit.id, other.id], ["2026-03-09", "2026-03-10"])).toEqual(
          new Set([
            reminderKey(habit.id, "2026-03-09", "08:00"),
            reminderKey(habit.id, "2026-03-10", "08:00"),
            reminderKey(habit.id, "2026-03-10", "21:30"),
            reminderKey(other.id, "2026-03-10", "08:00"),
          ]),
        );
        expect(await store.reminders.claimedKeys([], ["2026-03-10"])).toEqual(new Set());
        expect(await store.reminders.claimedKeys([habit.id], [])).toEqual(new Set());
        expect(await store.reminders.claimedKeys([randomUUID()], ["2026-03-10"])).toEqual(new Set());
      });

      it("unsent lists claims not marked sent, older than given and under the attempts; retry takes one once", async () => {
        const { user, habit } = await newHabit({ reminders: every });
        const mine = async (olderThan: Date, maxAttempts: number) =>
          (await store.reminders.unsent(olderThan, maxAttempts)).filter((claim) => claim.habitId === habit.id);
        const t0 = new Date("2026-03-10T08:00:00.250Z");
        const t1 = new Date("2026-03-10T08:05:00.500Z");
        const later = new Date("2026-03-10T09:00:00Z");
        await store.reminders.claim(reminder(user, habit, "2026-03-10", "08:00"), t0);
        await store.reminders.claim(reminder(user, habit, "2026-03-09", "08:00"), t1);
        await store.reminders.claim(reminder(user, habit, "2026-03-10", "07:00"), t0);
        await store.reminders.markSent(habit.id, "2026-03-10", "07:00", t1);
        // Nothing happens for a claim that does not exist.
        await store.reminders.markSent(habit.id, "2026-01-01", "07:00", t1);

        const early = { ...reminder(user, habit, "2026-03-10", "08:00"), claimedAt: t0, attempts: 1 };
        const late = { ...reminder(user, habit, "2026-03-09", "08:00"), claimedAt: t1, attempts: 1 };
        expect(await mine(later, 3)).toEqual([early, late]);
        // Strictly older than: a claim taken at the instant is not yet left over.
        expect(await mine(t1, 3)).toEqual([early]);
        expect(await mine(t0, 3)).toEqual([]);
        expect(await mine(later, 1)).toEqual([]);

        expect(await store.reminders.retry(early, t1)).toBe(true);
        // The listing is stale now: another process retrying it from there gets false.
        expect(await store.reminders.retry(early, t1)).toBe(false);
        const retried = { ...early, claimedAt: t1, attempts: 2 };
        expect(await mine(later, 3)).toEqual([late, retried].sort((a, b) => compareText(a.date, b.date)));
        expect(await mine(later, 2)).toEqual([late]);

        await store.reminders.markSent(habit.id, "2026-03-10", "08:00", later);
        expect(await mine(new Date("2100-01-01T00:00:00Z"), 100)).toEqual([late]);
        expect(await store.reminders.retry(retried, later)).toBe(false);
        // A sent claim is still claimed.
        expect(await store.reminders.claim(reminder(user, habit, "2026-03-10", "08:00"), later)).toBe(false);
      });

      it("of 10 concurrent retries of one claim, exactly one succeeds", async () => {
        const { user, habit } = await newHabit({ reminders: every });
        const at = new Date("2026-03-10T08:00:00Z");
        await store.reminders.claim(reminder(user, habit, "2026-03-10"), at);
        const [listed] = (await store.reminders.unsent(new Date("2100-01-01T00:00:00Z"), 100)).filter(
          (claim) => claim.habitId === habit.id,
        );
        if (!listed) throw new Error("the claim is not listed as unsent");
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.reminders.retry(listed, new Date("2026-03-10T08:10:00Z"))),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("claims go with their habit and with their user", async () => {
        const { user, habit } = await newHabit({ reminders: every });
        const kept = await store.habits.create(user.id, habitFields({ reminders: every }));
        const at = new Date("2026-03-10T08:00:00Z");
        await store.reminders.claim(reminder(user, habit, "2026-03-10"), at);
        await store.reminders.claim(reminder(user, kept, "2026-03-10"), at);
        await store.habits.delete(user.id, habit.id);
        expect(await store.reminders.claimedKeys([habit.id, kept.id], ["2026-03-10"])).toEqual(
          new Set([reminderKey(kept.id, "2026-03-10", "08:00")]),
        );
        await store.users.delete(user.id);
        expect(await store.reminders.claimedKeys([kept.id], ["2026-03-10"])).toEqual(new Set());
        const unsent = await store.reminders.unsent(new Date("2100-01-01T00:00:00Z"), 100);
        expect(unsent.filter((claim) => claim.userId === user.id)).toEqual([]);
      });

      it("in a transaction: a refused claim changes nothing and the transaction goes on; a rollback undoes claims", async () => {
        const { user, habit } = await newHabit({ reminders: every });
        const at = new Date("2026-03-10T08:00:00Z");
        await store.transaction(async (tx) => {
          expect(await tx.reminders.claim(reminder(user, habit, "2026-03-10"), at)).toBe(true);
          expect(await tx.reminders.claim(reminder(user, habit, "2026-03-10"), at)).toBe(false);
          await tx.completions.insert(completion(user.id, habit.id, "2026-03-10"));
        });
        expect(await store.reminders.claimedKeys([habit.id], ["2026-03-10"])).toEqual(
          new Set([reminderKey(habit.id, "2026-03-10", "08:00")]),
        );
        expect(await store.completions.listForHabit(habit.id)).toHaveLength(1);

        const failure = new Error("the work failed");
        await expect(
          store.transaction(async (tx) => {
            await tx.reminders.claim(reminder(user, habit, "2026-03-11"), at);
            await tx.reminders.markSent(habit.id, "2026-03-10", "08:00", at);
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await store.reminders.claimedKeys([habit.id], ["2026-03-11"])).toEqual(new Set());
        const unsent = await store.reminders.unsent(new Date("2100-01-01T00:00:00Z"), 100);
        expect(unsent.filter((claim) => claim.habitId === habit.id)).toHaveLength(1);
      });
    });

    describe("summaries", () => {
      const daily = (user: User, period = "2026-03-10"): SummaryToClaim => ({ userId: user.id, kind: "daily", period });
      const weekly = (user: User, period = "2026-W11"): SummaryToClaim => ({ userId: user.id, kind: "weekly", period });

      it("candidates: users with a summary on, not blocked, with an active habit, by id", async () => {
        const withSummary = async (mode: "off" | "daily" | "weekly", habits: "active" | "archived" | "none") => {
          const user = await newUser();
          if (habits !== "none") {
            const habit = await store.habits.create(user.id, habitFields());
            if (habits === "archived") await store.habits.setArchivedAt(user.id, habit.id, new Date("2026-03-01"));
          }
          return (await store.users.update(user.id, { reminders: { summary: { mode, time: "20:00" } } })) ?? user;
        };
        const dailyUser = await withSummary("daily", "active");
        const weeklyUser = await withSummary("weekly", "active");
        const off = await withSummary("off", "active");
        const blocked = await withSummary("daily", "active");
        await store.users.update(blocked.id, { telegramBlockedAt: new Date("2026-03-01T00:00:00Z") });
        const onlyArchived = await withSummary("daily", "archived");
        const noHabits = await withSummary("weekly", "none");
        // Habit reminders off do not matter: the summary has its own switch.
        await store.users.update(weeklyUser.id, { reminders: { enabled: false } });
        const mine = new Set([dailyUser, weeklyUser, off, blocked, onlyArchived, noHabits].map((user) => user.id));
        const candidates = async () =>
          (await store.summaries.candidates()).filter((candidate) => mine.has(candidate.id));

        const found = await candidates();
        expect(found.map((user) => user.id)).toEqual([dailyUser.id, weeklyUser.id].sort(compareText));
        expect(found.find((user) => user.id === weeklyUser.id)).toEqual(await store.users.findById(weeklyUser.id));
        expect(found.map((user) => user.reminders.summary).sort((a, b) => compareText(a.mode, b.mode))).toEqual([
          { mode: "daily", time: "20:00" },
          { mode: "weekly", time: "20:00" },
        ]);

        await store.users.update(blocked.id, { telegramBlockedAt: null });
        await store.habits.create(noHabits.id, habitFields());
        expect((await candidates()).map((user) => user.id)).toEqual(
          [dailyUser.id, weeklyUser.id, blocked.id, noHabits.id].sort(compareText),
        );
      });

      it("claim succeeds once per user, kind and period; then false, changing nothing", async () => {
        const user = await newUser();
        const at = new Date("2026-03-10T20:00:00.123Z");
        expect(await store.summaries.claim(daily(user), at)).toBe(true);
        expect(await store.summaries.claim(daily(user), new Date(at.getTime() + 60_000))).toBe(false);
        // Another period, kind or user is another summary.
        expect(await store.summaries.claim(daily(user, "2026-03-11"), at)).toBe(true);
        expect(await store.summaries.claim(weekly(user), at)).toBe(true);
        const other = await newUser();
        expect(await store.summaries.claim(daily(other), at)).toBe(true);
        await store.summaries.markSent(daily(user), at);
        // A sent summary is still claimed; marking one that was never claimed does nothing.
        expect(await store.summaries.claim(daily(user), at)).toBe(false);
        await expect(store.summaries.markSent(daily(user, "2026-01-01"), at)).resolves.toBeUndefined();
        expect(await store.summaries.claim(daily(user, "2026-01-01"), at)).toBe(true);
      });

      it("claimedKeys gives the summaryKey of each claim of the given users in the given periods", async () => {
        const user = await newUser();
        const other = await newUser();
        const unasked = await newUser();
        const at = new Date("2026-03-10T20:00:00Z");
        for (const claim of [
          daily(user, "2026-03-09"),
          daily(user, "2026-03-10"),
          weekly(user, "2026-W11"),
          daily(user, "2026-03-11"),
          daily(other, "2026-03-10"),
          daily(unasked, "2026-03-10"),
        ]) {
          expect(await store.summaries.claim(claim, at)).toBe(true);
        }
        expect(
          await store.summaries.claimedKeys([user.id, other.id], ["2026-03-09", "2026-03-10", "2026-W11"]),
        ).toEqual(
          new Set([
            summaryKey(user.id, "daily", "2026-03-09"),
            summaryKey(user.id, "daily", "2026-03-10"),
            summaryKey(user.id, "weekly", "2026-W11"),
            summaryKey(other.id, "daily", "2026-03-10"),
          ]),
        );
        expect(await store.summaries.claimedKeys([], ["2026-03-10"])).toEqual(new Set());
        expect(await store.summaries.claimedKeys([user.id], [])).toEqual(new Set());
        expect(await store.summaries.claimedKeys([randomUUID()], ["2026-03-10"])).toEqual(new Set());
      });

      it("of 10 concurrent claims of one summary, exactly one succeeds", async () => {
        const user = await newUser();
        const at = new Date("2026-03-10T20:00:00Z");
        const results = await Promise.all(Array.from({ length: 10 }, () => store.summaries.claim(daily(user), at)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("refuses a claim for a user who does not exist", async () => {
        const ghost = { userId: randomUUID(), kind: "daily", period: "2026-03-10" } as const;
        await expect(store.summaries.claim(ghost, new Date("2026-03-10T20:00:00Z"))).rejects.toThrow();
        expect(await store.summaries.claimedKeys([ghost.userId], ["2026-03-10"])).toEqual(new Set());
      });

      it("claims go with their user, and nobody else's", async () => {
        const user = await newUser();
        const bystander = await newUser();
        const at = new Date("2026-03-10T20:00:00Z");
        await store.summaries.claim(daily(user), at);
        await store.summaries.claim(daily(bystander), at);
        await store.users.delete(user.id);
        expect(await store.summaries.claimedKeys([user.id, bystander.id], ["2026-03-10"])).toEqual(
          new Set([summaryKey(bystander.id, "daily", "2026-03-10")]),
        );
      });

      it("in a transaction: a refused claim changes nothing and the transaction goes on; a rollback undoes claims", async () => {
        const user = await newUser();
        const at = new Date("2026-03-10T20:00:00Z");
        await store.transaction(async (tx) => {
          expect(await tx.summaries.claim(daily(user), at)).toBe(true);
          expect(await tx.summaries.claim(daily(user), at)).toBe(false);
          await tx.users.update(user.id, { name: "After the refusal" });
        });
        expect(await store.summaries.claimedKeys([user.id], ["2026-03-10"])).toEqual(
          new Set([summaryKey(user.id, "daily", "2026-03-10")]),
        );
        expect((await store.users.findById(user.id))?.name).toBe("After the refusal");

        const failure = new Error("the work failed");
        await expect(
          store.transaction(async (tx) => {
            await tx.summaries.claim(weekly(user), at);
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await store.summaries.claimedKeys([user.id], ["2026-W11"])).toEqual(new Set());
      });
    });

    describe("access", () => {
      const t0 = new Date("2026-03-10T12:00:00.125Z");
      const minutes = (count: number) => new Date(t0.getTime() + count * 60_000);
      const loginCode = (user: User, createdAt = t0, codeHash = unique("code-hash")) => ({
        userId: user.id,
        codeHash,
        expiresAt: new Date(createdAt.getTime() + 5 * 60_000),
        createdAt,
      });
      const apiKey = (user: User, overrides: { name?: string; createdAt?: Date } = {}) => ({
        userId: user.id,
        name: overrides.name ?? unique("Key"),
        prefix: "hab_abcdefgh",
        keyHash: unique("key-hash"),
        scopes: ["read" as const],
        createdAt: overrides.createdAt ?? t0,
      });

      it("insertLoginCode keeps every field as given; latestLoginCode returns it, to its user only", async () => {
        const user = await newUser();
        const stranger = await newUser();
        const code = await store.access.insertLoginCode(loginCode(user));
        expect(code).toEqual({
          id: expect.any(String),
          ...loginCode(user, t0, code.codeHash),
          failedTries: 0,
          consumedAt: null,
        });
        expect(await store.access.latestLoginCode(user.id)).toEqual(code);
        expect(await store.access.latestLoginCode(stranger.id)).toBeUndefined();
      });

      it("a new code consumes the user's earlier ones, at its createdAt; other users' stay", async () => {
        const user = await newUser();
        const bystander = await newUser();
        await store.access.insertLoginCode(loginCode(user, t0));
        const theirs = await store.access.insertLoginCode(loginCode(bystander, t0));
        const newer = await store.access.insertLoginCode(loginCode(user, minutes(1)));
        expect(await store.access.latestLoginCode(user.id)).toEqual(newer);
        // Once the newest is used, no earlier one comes back.
        expect(await store.access.consumeLoginCode(newer.id, minutes(2))).toBe(true);
        expect(await store.access.latestLoginCode(user.id)).toBeUndefined();
        expect(await store.access.latestLoginCode(bystander.id)).toEqual(theirs);
      });

      it("loginCodesIssuedSince: the user's codes strictly after the instant, consumed ones too, ascending", async () => {
        const user = await newUser();
        await store.access.insertLoginCode(loginCode(await newUser(), minutes(30)));
        for (const minute of [20, 0, 10, 30]) await store.access.insertLoginCode(loginCode(user, minutes(minute)));
        expect(await store.access.loginCodesIssuedSince(user.id, minutes(0))).toEqual([
          minutes(10),
          minutes(20),
          minutes(30),
        ]);
        expect(await store.access.loginCodesIssuedSince(user.id, minutes(30))).toEqual([]);
      });

      it("recordFailedTry counts every try, concurrent ones too; 0 for a missing code", async () => {
        const user = await newUser();
        const code = await store.access.insertLoginCode(loginCode(user));
        expect(await store.access.recordFailedTry(code.id)).toBe(1);
        const counts = await Promise.all(Array.from({ length: 9 }, () => store.access.recordFailedTry(code.id)));
        expect(counts.sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect((await store.access.latestLoginCode(user.id))?.failedTries).toBe(10);
        expect(await store.access.recordFailedTry(randomUUID())).toBe(0);
      });

      it("a code is consumed once; of 10 concurrent consumes, exactly one succeeds", async () => {
        const user = await newUser();
        const once = await store.access.insertLoginCode(loginCode(user));
        expect(await store.access.consumeLoginCode(once.id, minutes(1))).toBe(true);
        expect(await store.access.consumeLoginCode(once.id, minutes(2))).toBe(false);
        expect(await store.access.consumeLoginCode(randomUUID(), minutes(2))).toBe(false);

        const raced = await store.access.insertLoginCode(loginCode(user, minutes(3)));
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.access.consumeLoginCode(raced.id, minutes(4))),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.access.latestLoginCode(user.id)).toBeUndefined();
      });

      it("insertApiKey keeps every field as given; findApiKeyByHash returns it with its owner, never the hash", async () => {
        const user = await newUser();
        const fields = apiKey(user, { name: "Laptop" });
        const key = await store.access.insertApiKey(fields);
        expect(key).toEqual({
          id: expect.any(String),
          name: "Laptop",
          prefix: "hab_abcdefgh",
          scopes: ["read"],
          createdAt: t0,
          lastUsedAt: null,
        });
        expect(await store.access.findApiKeyByHash(fields.keyHash)).toEqual({ apiKey: key, userId: user.id });
        expect(await store.access.findApiKeyByHash(unique("key-hash"))).toBeUndefined();
      });

      it("refuses a key hash stored already, even for another user (api_key_hash)", async () => {
        const fields = apiKey(await newUser());
        await store.access.insertApiKey(fields);
        const stranger = await newUser();
        await expectViolation(store.access.insertApiKey({ ...fields, userId: stranger.id }), "api_key_hash");
        expect(await store.access.listApiKeys(stranger.id)).toEqual([]);
      });

      it("listApiKeys: the user's keys not revoked, newest first", async () => {
        const user = await newUser();
        const first = await store.access.insertApiKey(apiKey(user, { createdAt: minutes(0) }));
        const third = await store.access.insertApiKey(apiKey(user, { createdAt: minutes(2) }));
        const second = await store.access.insertApiKey(apiKey(user, { createdAt: minutes(1) }));
        const revoked = await store.access.insertApiKey(apiKey(user, { createdAt: minutes(3) }));
        await store.access.insertApiKey(apiKey(await newUser(), { createdAt: minutes(4) }));
        expect(await store.access.revokeApiKey(user.id, revoked.id, minutes(5))).toBe(true);
        expect(await store.access.listApiKeys(user.id)).toEqual([third, second, first]);
      });

      it("another user's key id cannot be revoked; a revoked key is gone for good", async () => {
        const owner = await newUser();
        const stranger = await newUser();
        const fields = apiKey(owner);
        const key = await store.access.insertApiKey(fields);
        expect(await store.access.revokeApiKey(stranger.id, key.id, minutes(1))).toBe(false);
        expect(await store.access.findApiKeyByHash(fields.keyHash)).toEqual({ apiKey: key, userId: owner.id });
        expect(await store.access.listApiKeys(owner.id)).toEqual([key]);

        expect(await store.access.revokeApiKey(owner.id, key.id, minutes(1))).toBe(true);
        expect(await store.access.revokeApiKey(owner.id, key.id, minutes(2))).toBe(false);
        expect(await store.access.findApiKeyByHash(fields.keyHash)).toBeUndefined();
        expect(await store.access.revokeApiKey(owner.id, randomUUID(), minutes(2))).toBe(false);
      });

      it("touchApiKey sets lastUsedAt; a missing key changes nothing", async () => {
        const user = await newUser();
        const fields = apiKey(user);
        const key = await store.access.insertApiKey(fields);
        await store.access.touchApiKey(key.id, minutes(7));
        expect(await store.access.findApiKeyByHash(fields.keyHash)).toEqual({
          apiKey: { ...key, lastUsedAt: minutes(7) },
          userId: user.id,
        });
        await store.access.touchApiKey(randomUUID(), minutes(8));
        expect(await store.access.listApiKeys(user.id)).toEqual([{ ...key, lastUsedAt: minutes(7) }]);
      });

      it("codes and keys go with their user", async () => {
        const user = await newUser();
        const fields = apiKey(user);
        await store.access.insertApiKey(fields);
        await store.access.insertLoginCode(loginCode(user));
        await store.users.delete(user.id);
        expect(await store.access.findApiKeyByHash(fields.keyHash)).toBeUndefined();
        expect(await store.access.latestLoginCode(user.id)).toBeUndefined();
        expect(await store.access.loginCodesIssuedSince(user.id, minutes(-60))).toEqual([]);
      });

      it("a rollback undoes codes and keys", async () => {
        const user = await newUser();
        const fields = apiKey(user);
        const failure = new Error("the work failed");
        await expect(
          store.transaction(async (tx) => {
            await tx.access.insertLoginCode(loginCode(user));
            await tx.access.insertApiKey(fields);
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await store.access.latestLoginCode(user.id)).toBeUndefined();
        expect(await store.access.findApiKeyByHash(fields.keyHash)).toBeUndefined();
      });
    });

    describe("sessions", () => {
      const t0 = new Date("2026-03-10T12:00:00.125Z");
      const days = (count: number) => new Date(t0.getTime() + count * 24 * 60 * 60 * 1000);
      const refreshToken = (createdAt = t0, tokenHash = unique("token-hash")) => ({
        tokenHash,
        expiresAt: new Date(createdAt.getTime() + 7 * 24 * 60 * 60 * 1000),
        createdAt,
      });

      it("openFamily keeps every field as given; findTokenByHash returns the token with its family", async () => {
        const user = await newUser();
        const fields = refreshToken();
        const login = { method: "telegram_widget" as const, at: new Date(t0.getTime() - 60_000) };
        const first = await store.sessions.openFamily(user.id, fields, login);
        expect(first).toEqual({
          id: expect.any(String),
          familyId: expect.any(String),
          ...fields,
          rotatedAt: null,
          family: { id: first.familyId, userId: user.id, createdAt: t0, login, revokedAt: null, revokedReason: null },
        });
        expect(await store.sessions.findTokenByHash(fields.tokenHash)).toEqual(first);
        // A family opened without a login (as before logins were recorded) has none.
        const unknown = await store.sessions.openFamily(user.id, refreshToken());
        expect(unknown.family.login).toBeNull();
        expect(await store.sessions.findTokenByHash(unique("token-hash"))).toBeUndefined();
        expect(await store.sessions.isFamilyActive(user.id, first.familyId)).toBe(true);
      });

      it("addToken adds a token to the family; each is found by its own hash", async () => {
        const user = await newUser();
        const first = await store.sessions.openFamily(user.id, refreshToken());
        const fields = refreshToken(days(1));
        const second = await store.sessions.addToken(first.familyId, fields);
        expect(second).toEqual({
          id: expect.any(String),
          familyId: first.familyId,
          ...fields,
          rotatedAt: null,
          family: first.family,
        });
        expect(second.id).not.toBe(first.id);
        expect(await store.sessions.findTokenByHash(fields.tokenHash)).toEqual(second);
        expect(await store.sessions.findTokenByHash(first.tokenHash)).toEqual(first);
      });

      it("refuses a token hash stored already, even for another user, leaving no family behind (refresh_token_hash)", async () => {
        const owner = await newUser();
        const fields = refreshToken();
        const first = await store.sessions.openFamily(owner.id, fields);
        const stranger = await newUser();
        await expectViolation(store.sessions.openFamily(stranger.id, fields), "refresh_token_hash");
        await expectViolation(store.sessions.addToken(first.familyId, fields), "refresh_token_hash");
        expect(await store.sessions.revokeFamilies(stranger.id, days(1), "logout_all")).toBe(0);
        expect(await store.sessions.findTokenByHash(fields.tokenHash)).toEqual(first);
      });

      it("a token is rotated once; of 10 concurrent rotations, exactly one succeeds", async () => {
        const user = await newUser();
        const once = await store.sessions.openFamily(user.id, refreshToken());
        expect(await store.sessions.markRotated(once.id, days(1))).toBe(true);
        expect(await store.sessions.markRotated(once.id, days(2))).toBe(false);
        expect((await store.sessions.findTokenByHash(once.tokenHash))?.rotatedAt).toEqual(days(1));
        expect(await store.sessions.markRotated(randomUUID(), days(2))).toBe(false);

        const raced = await store.sessions.addToken(once.familyId, refreshToken(days(1)));
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.sessions.markRotated(raced.id, days(3))),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("revokeFamily revokes once and keeps the first reason; its tokens show it", async () => {
        const user = await newUser();
        const token = await store.sessions.openFamily(user.id, refreshToken());
        expect(await store.sessions.revokeFamily(token.familyId, days(1), "reuse")).toBe(true);
        expect(await store.sessions.revokeFamily(token.familyId, days(2), "logout")).toBe(false);
        expect((await store.sessions.findTokenByHash(token.tokenHash))?.family).toEqual({
          ...token.family,
          revokedAt: days(1),
          revokedReason: "reuse",
        });
        expect(await store.sessions.isFamilyActive(user.id, token.familyId)).toBe(false);
        expect(await store.sessions.revokeFamily(randomUUID(), days(2), "logout")).toBe(false);
      });

      it("revokeFamilies revokes the user's open families but the one kept, and counts them", async () => {
        const user = await newUser();
        const bystander = await newUser();
        const [kept, second, third, closed] = await Promise.all(
          [0, 1, 2, 3].map(() => store.sessions.openFamily(user.id, refreshToken())),
        );
        const theirs = await store.sessions.openFamily(bystander.id, refreshToken());
        await store.sessions.revokeFamily(closed?.familyId ?? "", days(1), "logout");

        expect(await store.sessions.revokeFamilies(user.id, days(2), "password_change", kept?.familyId)).toBe(2);
        for (const token of [second, third]) {
          expect((await store.sessions.findTokenByHash(token?.tokenHash ?? ""))?.family).toMatchObject({
            revokedAt: days(2),
            revokedReason: "password_change",
          });
        }
        expect((await store.sessions.findTokenByHash(closed?.tokenHash ?? ""))?.family.revokedReason).toBe("logout");
        expect(await store.sessions.isFamilyActive(user.id, kept?.familyId ?? "")).toBe(true);
        expect(await store.sessions.isFamilyActive(bystander.id, theirs.familyId)).toBe(true);

        expect(await store.sessions.revokeFamilies(user.id, days(3), "logout_all")).toBe(1);
        expect(await store.sessions.isFamilyActive(user.id, kept?.familyId ?? "")).toBe(false);
      });

      it("isFamilyActive is false for another user's family and an unknown one", async () => {
        const owner = await newUser();
        const stranger = await newUser();
        const token = await store.sessions.openFamily(owner.id, refreshToken());
        expect(await store.sessions.isFamilyActive(stranger.id, token.familyId)).toBe(false);
        expect(await store.sessions.isFamilyActive(owner.id, randomUUID())).toBe(false);
        expect(await store.sessions.revokeFamilies(stranger.id, days(1), "logout_all")).toBe(0);
        expect(await store.sessions.isFamilyActive(owner.id, token.familyId)).toBe(true);
      });

      it("sessions go with their user", async () => {
        const user = await newUser();
        const token = await store.sessions.openFamily(user.id, refreshToken());
        await store.users.delete(user.id);
        expect(await store.sessions.findTokenByHash(token.tokenHash)).toBeUndefined();
        expect(await store.sessions.isFamilyActive(user.id, token.familyId)).toBe(false);
      });

      it("a rollback undoes families, tokens, rotations and revocations", async () => {
        const user = await newUser();
        const existing = await store.sessions.openFamily(user.id, refreshToken());
        const fields = refreshToken();
        const failure = new Error("the work failed");
        await expect(
          store.transaction(async (tx) => {
            await tx.sessions.openFamily(user.id, fields);
            await tx.sessions.markRotated(existing.id, days(1));
            await tx.sessions.addToken(existing.familyId, refreshToken(days(1)));
            await tx.sessions.revokeFamily(existing.familyId, days(1), "reuse");
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await store.sessions.findTokenByHash(fields.tokenHash)).toBeUndefined();
        expect(await store.sessions.findTokenByHash(existing.tokenHash)).toEqual(existing);
        expect(await store.sessions.revokeFamilies(user.id, days(2), "logout_all")).toBe(1);
      });
    });

    describe("tags", () => {
      const tagNames = (tags: Array<{ name: string }>) => tags.map((tag) => tag.name);

      it("create keeps every field as given, with no habits; findById returns the same tag", async () => {
        const user = await newUser();
        const tag = await store.tags.create(user.id, { name: "Health", color: "#A1B2C3" });
        expect(tag).toEqual({
          id: expect.any(String),
          name: "Health",
          color: "#A1B2C3",
          habitCount: 0,
          createdAt: expect.any(Date),
          updatedAt: expect.any(Date),
        });
        expect(await store.tags.findById(user.id, tag.id)).toEqual(tag);
        expect(await store.tags.create(user.id, { name: "Plain", color: null })).toMatchObject({ color: null });
      });

      it("refuses a second tag of one name key, a habit's included; other users may have it (tag_name)", async () => {
        const user = await newUser();
        await store.tags.create(user.id, { name: "Health", color: null });
        await expectViolation(store.tags.create(user.id, { name: "HEALTH", color: null }), "tag_name");
        await store.habits.create(user.id, habitFields({ tags: ["Sleep"] }));
        await expectViolation(store.tags.create(user.id, { name: "sleep", color: "#000000" }), "tag_name");
        expect(tagNames(await store.tags.list(user.id))).toEqual(["Health", "Sleep"]);
        const stranger = await newUser();
        await expect(store.tags.create(stranger.id, { name: "health", color: null })).resolves.toMatchObject({
          name: "health",
        });
      });

      it("update replaces name and color; the habits carrying it read the new name", async () => {
        const user = await newUser();
        const habit = await store.habits.create(user.id, habitFields({ tags: ["Health"] }));
        const [tag] = await store.tags.list(user.id);
        const updated = await store.tags.update(user.id, tag?.id ?? "", { name: "Body", color: "#123456" });
        expect(updated).toEqual({ ...tag, name: "Body", color: "#123456", habitCount: 1, updatedAt: expect.any(Date) });
        expect(await store.tags.findById(user.id, tag?.id ?? "")).toEqual(updated);
        expect((await store.habits.findById(user.id, habit.id))?.tags).toEqual(["Body"]);
        // A habit naming the old key now makes a new tag; the new key finds the renamed one.
        const next = await store.habits.create(user.id, habitFields({ tags: ["body", "health"] }));
        expect(next.tags).toEqual(["Body", "health"]);
      });

      it("update refuses a name key another tag of the user has, and changes nothing (tag_name)", async () => {
        const user = await newUser();
        await store.tags.create(user.id, { name: "Health", color: null });
        const tag = await store.tags.create(user.id, { name: "Mind", color: "#111111" });
        await expectViolation(store.tags.update(user.id, tag.id, { name: "health", color: null }), "tag_name");
        expect(await store.tags.findById(user.id, tag.id)).toEqual(tag);
        expect(await store.tags.update(user.id, tag.id, { name: "MIND", color: "#111111" })).toMatchObject({
          name: "MIND",
        });
      });

      it("list is the user's tags by name key then id, each with its habits counted, archived ones too", async () => {
        const user = await newUser();
        for (const name of ["zeta", "Alpha", "mid"]) await store.tags.create(user.id, { name, color: null });
        await store.habits.create(user.id, habitFields({ tags: ["alpha", "Beta"] }));
        const archived = await store.habits.create(user.id, habitFields({ tags: ["alpha"] }));
        await store.habits.setArchivedAt(user.id, archived.id, new Date());
        await store.tags.create((await newUser()).id, { name: "Theirs", color: null });

        const tags = await store.tags.list(user.id);
        expect(tags.map((tag) => [tag.name, tag.habitCount])).toEqual([
          ["Alpha", 2],
          ["Beta", 1],
          ["mid", 0],
          ["zeta", 0],
        ]);
        for (const tag of tags) expect(await store.tags.findById(user.id, tag.id)).toEqual(tag);
      });

      it("ownedIds gives the given ids that are the user's tags", async () => {
        const user = await newUser();
        const mine = await store.tags.create(user.id, { name: "Mine", color: null });
        const theirs = await store.tags.create((await newUser()).id, { name: "Theirs", color: null });
        const unknown = randomUUID();
        expect(await store.tags.ownedIds(user.id, [mine.id, theirs.id, unknown])).toEqual(new Set([mine.id]));
        expect(await store.tags.ownedIds(user.id, [])).toEqual(new Set());
      });

      it("setHabitTags replaces the habit's tags (a repeat once), bumps its updatedAt, and can clear them", async () => {
        const { user, habit } = await newHabit({ tags: ["Old"] });
        const health = await store.tags.create(user.id, { name: "Health", color: null });
        const mind = await store.tags.create(user.id, { name: "mind", color: null });
        expect(await store.tags.setHabitTags(user.id, habit.id, [mind.id, health.id, mind.id])).toBe(true);
        const tagged = await store.habits.findById(user.id, habit.id);
        expect(tagged).toEqual({ ...habit, tags: ["Health", "mind"], updatedAt: expect.any(Date) });
        expect(tagged?.updatedAt.getTime()).toBeGreaterThanOrEqual(habit.updatedAt.getTime());
        expect((await store.tags.findById(user.id, mind.id))?.habitCount).toBe(1);

        expect(await store.tags.setHabitTags(user.id, habit.id, [])).toBe(true);
        expect((await store.habits.findById(user.id, habit.id))?.tags).toEqual([]);
      });

      it("setHabitTags is false for another user's habit, and refuses another user's tag, changing nothing", async () => {
        const { user: owner, habit } = await newHabit({ tags: ["Kept"] });
        const stranger = await newUser();
        const theirs = await store.tags.create(stranger.id, { name: "Theirs", color: null });
        const [kept] = await store.tags.list(owner.id);
        expect(await store.tags.setHabitTags(stranger.id, habit.id, [theirs.id])).toBe(false);
        await expect(store.tags.setHabitTags(owner.id, habit.id, [kept?.id ?? "", theirs.id])).rejects.toThrow();
        await expect(store.tags.setHabitTags(owner.id, habit.id, [randomUUID()])).rejects.toThrow();
        expect(await store.habits.findById(owner.id, habit.id)).toEqual(habit);
      });

      it("removeHabitTag takes one tag off the habit; false when it was not on, or not the user's habit", async () => {
        const { user, habit } = await newHabit({ tags: ["Health", "Mind"] });
        const [health, mind] = await store.tags.list(user.id);
        const stranger = await newUser();
        expect(await store.tags.removeHabitTag(stranger.id, habit.id, health?.id ?? "")).toBe(false);
        expect(await store.tags.removeHabitTag(user.id, habit.id, health?.id ?? "")).toBe(true);
        expect(await store.tags.removeHabitTag(user.id, habit.id, health?.id ?? "")).toBe(false);
        const after = await store.habits.findById(user.id, habit.id);
        expect(after).toEqual({ ...habit, tags: ["Mind"], updatedAt: expect.any(Date) });
        expect(await store.tags.findById(user.id, health?.id ?? "")).toMatchObject({ name: "Health", habitCount: 0 });
        expect(await store.tags.findById(user.id, mind?.id ?? "")).toMatchObject({ habitCount: 1 });
      });

      it("delete removes the tag from its habits; another user's tag is not found and stays", async () => {
        const { user, habit } = await newHabit({ tags: ["Gone", "Kept"] });
        const [gone] = await store.tags.list(user.id);
        const stranger = await newUser();
        expect(await store.tags.delete(stranger.id, gone?.id ?? "")).toBe(false);
        expect(await store.tags.findById(stranger.id, gone?.id ?? "")).toBeUndefined();
        expect(await store.tags.update(stranger.id, gone?.id ?? "", { name: "Mine", color: null })).toBeUndefined();
        expect(await store.tags.list(stranger.id)).toEqual([]);

        expect(await store.tags.delete(user.id, gone?.id ?? "")).toBe(true);
        expect(await store.tags.findById(user.id, gone?.id ?? "")).toBeUndefined();
        expect((await store.habits.findById(user.id, habit.id))?.tags).toEqual(["Kept"]);
        expect(await store.tags.delete(user.id, gone?.id ?? "")).toBe(false);
      });

      it("a deleted habit no longer counts; tags go with their user", async () => {
        const { user, habit } = await newHabit({ tags: ["Counted"] });
        const [tag] = await store.tags.list(user.id);
        await store.habits.delete(user.id, habit.id);
        expect(await store.tags.findById(user.id, tag?.id ?? "")).toMatchObject({ habitCount: 0 });
        await store.users.delete(user.id);
        expect(await store.tags.list(user.id)).toEqual([]);
        expect(await store.tags.findById(user.id, tag?.id ?? "")).toBeUndefined();
      });

      it("a rollback undoes tag writes and links", async () => {
        const { user, habit } = await newHabit({ tags: ["Before"] });
        const [before] = await store.tags.list(user.id);
        const failure = new Error("the work failed");
        await expect(
          store.transaction(async (tx) => {
            const made = await tx.tags.create(user.id, { name: "Made", color: null });
            await tx.tags.setHabitTags(user.id, habit.id, [made.id]);
            await tx.tags.update(user.id, before?.id ?? "", { name: "Renamed", color: "#FFFFFF" });
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await store.tags.list(user.id)).toEqual([before]);
        expect(await store.habits.findById(user.id, habit.id)).toEqual(habit);
      });
    });

    describe("transactions", () => {
      it("commits every write and returns what the work returned; inside, reads see the writes", async () => {
        const user = await newUser();
        const result = await store.transaction(async (tx) => {
          const habit = await tx.habits.create(user.id, habitFields());
          await tx.completions.insert(completion(user.id, habit.id, "2026-01-01"));
          expect(await tx.completions.listForHabit(habit.id)).toHaveLength(1);
          return habit;
        });
        expect(await store.habits.findById(user.id, result.id)).toEqual(result);
        expect(await store.completions.listForHabit(result.id)).toHaveLength(1);
      });

      it("rolls back every write when the work throws, and rethrows its error", async () => {
        const { user, habit } = await newHabit();
        const reward = await store.rewards.create(user.id, rewardFields());
        const failure = new Error("the work failed");
        await expect(
          store.transaction(async (tx) => {
            await tx.users.lock(user.id);
            await tx.users.update(user.id, { name: "Changed" });
            const created = await tx.habits.create(user.id, habitFields());
            await tx.habits.setArchivedAt(user.id, habit.id, new Date());
            await tx.completions.insert(completion(user.id, created.id, "2026-01-01"));
            await tx.draws.insert(draw(user.id, habit.id, "2026-01-01"));
            await tx.rewards.setProgress(reward.id, { piecesEarned: 1, claimed: false, timesClaimed: 0 });
            await tx.rewards.recordClaim(user.id, reward.id, 1, new Date());
            await tx.rewards.create(user.id, rewardFields());
            throw failure;
          }),
        ).rejects.toBe(failure);

        expect(await store.users.findById(user.id)).toEqual(user);
        expect(await store.habits.list(user.id, { status: "all" })).toEqual([habit]);
        expect(await store.completions.listForUser(user.id, { from: "2000-01-01", to: "2100-01-01" })).toEqual([]);
        expect(await store.draws.find(habit.id, "2026-01-01")).toBeUndefined();
        expect(await store.rewards.list(user.id)).toEqual([reward]);
        expect(await store.rewards.listClaims(user.id)).toEqual([]);
      });

      // A service may catch a UniqueViolation inside its transaction (a completion that exists
      // already) and carry on: the refused write changes nothing and the transaction stays usable.
      it("a refused write inside a transaction changes nothing, and the transaction goes on", async () => {
        const user = await newUser();
        const name = unique("Stretch");
        const names = await store.transaction(async (tx) => {
          const habit = await tx.habits.create(user.id, habitFields({ name }));
          await expectViolation(tx.habits.create(user.id, habitFields({ name, tags: ["never"] })), "habit_active_name");
          await tx.completions.insert(completion(user.id, habit.id, "2026-01-01"));
          await expectViolation(tx.completions.insert(completion(user.id, habit.id, "2026-01-01")), "completion_date");
          await tx.habits.create(user.id, habitFields({ name: `${name}-2`, tags: ["NEVER"] }));
          return (await tx.habits.list(user.id)).map((habit) => habit.name);
        });
        expect(names).toEqual([name, `${name}-2`]);
        const habits = await store.habits.list(user.id);
        expect(habits.map((habit) => habit.name)).toEqual([name, `${name}-2`]);
        expect(habits[1]?.tags).toEqual(["NEVER"]);
      });

      it("lock makes one user's transactions take turns", async () => {
        const user = await newUser();
        // Each reads how many habits there are, waits, then writes a name made from the count:
        // without taking turns, both would read the same count and one would be refused.
        const addNext = () =>
          store.transaction(async (tx) => {
            await tx.users.lock(user.id);
            const count = await tx.habits.count(user.id);
            await sleep(50);
            return tx.habits.create(user.id, habitFields({ name: `Habit ${count}` }));
          });
        const created = await Promise.all([addNext(), addNext(), addNext()]);
        expect(created.map((habit) => habit.name).sort()).toEqual(["Habit 0", "Habit 1", "Habit 2"]);
      });

      it("50 concurrent transactions all commit", async () => {
        const { user, habit } = await newHabit();
        await Promise.all(
          Array.from({ length: 50 }, (_, index) =>
            store.transaction(async (tx) => {
              await tx.users.lock(user.id);
              await tx.completions.insert(completion(user.id, habit.id, addDays("2026-01-01", index)));
            }),
          ),
        );
        expect(await store.completions.listForHabit(habit.id)).toHaveLength(50);
      });
    });
  });
}
