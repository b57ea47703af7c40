// The reminders use case over the in-memory store: which reminders are due in a tick's window,
// in each user's zone, and claiming one exactly once.
import { describe, expect, it } from "vitest";
import { defaultCoreSettings } from "../core-dependencies.js";
import { createCore } from "../create-core.js";
import type { Habit } from "../habits/habit.js";
import type { HabitInput } from "../habits/habit-input.js";
import type { PasswordHasher } from "../ports/password-hasher.js";
import type { Store } from "../ports/store.js";
import { fakeSecrets } from "../testing/fake-secrets.js";
import { createInMemoryStore } from "../testing/in-memory-store.js";
import { seededRandom } from "../testing/seeded-random.js";
import type { User } from "../users/user.js";
import { reminderCompletionRange } from "./reminder-service.js";
import type { ReminderWindow } from "./reminders-due.js";

const noPasswords: PasswordHasher = {
  hash: async (password) => `h:${password}`,
  verify: async (password, hash) => hash === `h:${password}`,
};

/** The minute ending at `until`, as a tick sees it: `(until − 1 min, until]`. */
function minuteUntil(until: string): ReminderWindow {
  const end = new Date(until);
  return { after: new Date(end.getTime() - 60_000), until: end };
}

/** Counts the calls of the store's completions.listForUser. */
function countingListForUser(store: Store) {
  const calls: string[] = [];
  const listForUser = store.completions.listForUser.bind(store.completions);
  store.completions.listForUser = (userId, range) => {
    calls.push(userId);
    return listForUser(userId, range);
  };
  return calls;
}

function setup(start = "2026-03-10T06:00:00Z") {
  let now = new Date(start);
  const clock = { now: () => new Date(now.getTime()) };
  const store = createInMemoryStore({ now: clock.now });
  const core = createCore({
    store,
    clock,
    random: seededRandom(7),
    settings: defaultCoreSettings,
    passwords: noPasswords,
    secrets: fakeSecrets(),
  });
  let count = 0;
  return {
    core,
    store,
    setNow(instant: string) {
      now = new Date(instant);
    },
    user: (timezone: string): Promise<User> => store.users.create({ username: `user${++count}`, timezone }),
    async habit(user: User, input: HabitInput): Promise<Habit> {
      const created = await core.habits.create(user.id, { name: `Habit ${++count}`, ...input });
      if (!created.ok) throw new Error(`habit refused: ${JSON.stringify(created)}`);
      return created.value;
    },
  };
}

const at8 = { reminders: [{ time: "08:00" }] };

describe("which reminders are due", () => {
  it("each at its local time in its user's zone, on the user's local date", async () => {
    const { core, user, habit } = setup();
    const berlin = await user("Europe/Berlin");
    const tokyo = await user("Asia/Tokyo");
    const newYork = await user("America/New_York");
    const utc = await user("UTC");
    const inBerlin = await habit(berlin, at8);
    const inTokyo = await habit(tokyo, at8);
    const inNewYork = await habit(newYork, at8);
    const inUtc = await habit(utc, { reminders: [{ time: "07:00" }, { time: "19:30" }] });

    // 08:00 in Berlin (CET) and 07:00 in UTC are the same instant.
    expect(await core.reminders.due(minuteUntil("2026-03-10T07:00:00Z"))).toEqual([
      {
        userId: berlin.id,
        habitId: inBerlin.id,
        date: "2026-03-10",
        time: "08:00",
        at: new Date("2026-03-10T07:00:00Z"),
      },
      { userId: utc.id, habitId: inUtc.id, date: "2026-03-10", time: "07:00", at: new Date("2026-03-10T07:00:00Z") },
    ]);
    // Tokyo's 08:00 on the 10th is the 9th, 23:00 UTC.
    expect(await core.reminders.due(minuteUntil("2026-03-09T23:00:00Z"))).toEqual([
      {
        userId: tokyo.id,
        habitId: inTokyo.id,
        date: "2026-03-10",
        time: "08:00",
        at: new Date("2026-03-09T23:00:00Z"),
      },
    ]);
    // New York is on summer time since 8 March: 08:00 EDT is 12:00 UTC.
    expect(await core.reminders.due(minuteUntil("2026-03-10T12:00:00Z"))).toEqual([
      {
        userId: newYork.id,
        habitId: inNewYork.id,
        date: "2026-03-10",
        time: "08:00",
        at: new Date("2026-03-10T12:00:00Z"),
      },
    ]);
    expect(await core.reminders.due(minuteUntil("2026-03-10T19:30:00Z"))).toMatchObject([
      { userId: utc.id, time: "19:30" },
    ]);
    // A minute off: the window is (after, until].
    expect(await core.reminders.due(minuteUntil("2026-03-10T06:59:59.999Z"))).toEqual([]);
    expect(
      await core.reminders.due({ after: new Date("2026-03-10T07:00:00Z"), until: new Date("2026-03-10T07:01:00Z") }),
    ).toEqual([]);
  });

  it("a window across local midnight still finds yesterday's late reminder", async () => {
    const { core, user, habit } = setup();
    const owner = await user("Asia/Kathmandu"); // UTC+05:45
    const late = await habit(owner, { reminders: [{ time: "23:59" }] });
    // 23:59 in Kathmandu on the 9th is 18:14 UTC; the tick runs a little after local midnight.
    const due = await core.reminders.due({
      after: new Date("2026-03-09T18:13:30Z"),
      until: new Date("2026-03-09T18:15:30Z"),
    });
    expect(due).toEqual([
      { userId: owner.id, habitId: late.id, date: "2026-03-09", time: "23:59", at: new Date("2026-03-09T18:14:00Z") },
    ]);
  });

  it("a weekly or monthly habit whose target was met in yesterday's period is not reminded past midnight", async () => {
    const { core, user, habit, setNow } = setup("2026-03-11T10:00:00Z");
    const owner = await user("UTC");
    const weekly = await habit(owner, {
      frequency: { type: "weekly", timesPerPeriod: 1 },
      reminders: [{ time: "23:59" }],
    });
    const open = await habit(owner, {
      frequency: { type: "weekly", timesPerPeriod: 1 },
      reminders: [{ time: "23:59" }],
    });
    // Done on Wednesday: Sunday's 23:59 reminder, seen by a tick on Monday, is not due.
    expect((await core.completions.complete({ userId: owner.id, habitId: weekly.id, source: "bot" })).ok).toBe(true);
    const sundayNight = { after: new Date("2026-03-15T23:58:30Z"), until: new Date("2026-03-16T00:00:30Z") };
    expect(await core.reminders.due(sundayNight)).toMatchObject([{ habitId: open.id, date: "2026-03-15" }]);

    setNow("2026-03-05T10:00:00Z");
    const monthly = await habit(owner, {
      frequency: { type: "monthly", timesPerPeriod: 1 },
      reminders: [{ time: "23:59" }],
    });
    expect((await core.completions.complete({ userId: owner.id, habitId: monthly.id, source: "bot" })).ok).toBe(true);
    const monthEnd = { after: new Date("2026-03-31T23:58:30Z"), until: new Date("2026-04-01T00:00:30Z") };
    expect((await core.reminders.due(monthEnd)).map((reminder) => reminder.habitId)).toEqual([weekly.id, open.id]);
  });

  it("the completion range covers the weeks and months of yesterday and today in the user's zone", () => {
    // Monday 1 June 2026 in UTC; still Sunday 31 May in New York.
    expect(reminderCompletionRange(new Date("2026-06-01T02:00:00Z"), "UTC")).toEqual({
      from: "2026-05-01",
      to: "2026-06-30",
    });
    expect(reminderCompletionRange(new Date("2026-06-01T02:00:00Z"), "America/New_York")).toEqual({
      from: "2026-05-01",
      to: "2026-05-31",
    });
    expect(reminderCompletionRange(new Date("2026-03-18T12:00:00Z"), "UTC")).toEqual({
      from: "2026-03-01",
      to: "2026-03-31",
    });
  });

  describe("is not due", () => {
    const window = minuteUntil("2026-03-10T08:00:00Z");

    async function dueFor(change: (context: ReturnType<typeof setup>, user: User, habit: Habit) => Promise<unknown>) {
      const context = setup("2026-03-10T07:30:00Z");
      const control = await context.user("UTC");
      const controlHabit = await context.habit(control, at8);
      const owner = await context.user("UTC");
      const changed = await context.habit(owner, at8);
      const result = await change(context, owner, changed);
      if (typeof result === "object" && result !== null && "ok" in result && !result.ok) {
        throw new Error(`the change was refused: ${JSON.stringify(result)}`);
      }
      const due = await context.core.reminders.due(window);
      // The control user's reminder shows the window does find reminders.
      expect(due.filter((reminder) => reminder.habitId === controlHabit.id)).toHaveLength(1);
      return due.filter((reminder) => reminder.userId === owner.id);
    }

    it("while nothing changed (the control)", async () => {
      expect(await dueFor(async () => undefined)).toHaveLength(1);
    });

    it("when the habit was done today", async () => {
      const due = await dueFor(({ core }, user, habit) =>
        core.completions.complete({ userId: user.id, habitId: habit.id, source: "bot" }),
      );
      expect(due).toEqual([]);
    });

    it("but is when it was done on another day only", async () => {
      const due = await dueFor(({ core }, user, habit) =>
        core.completions.complete({ userId: user.id, habitId: habit.id, date: "2026-03-09", source: "bot" }),
      );
      expect(due).toHaveLength(1);
    });

    it("when the habit is archived", async () => {
      expect(await dueFor(({ core }, user, habit) => core.habits.archive(user.id, habit.id))).toEqual([]);
    });

    it("when the user turned reminders off", async () => {
      const due = await dueFor(({ core }, user) =>
        core.users.updateProfile(user.id, { reminders: { enabled: false } }),
      );
      expect(due).toEqual([]);
    });

    it("when the user blocked the bot", async () => {
      expect(await dueFor(({ core }, user) => core.users.markTelegramBlocked(user.id, true))).toEqual([]);
    });

    it("when the reminder was claimed already", async () => {
      const due = await dueFor(async ({ core }, user) => {
        const mine = (await core.reminders.due(window)).filter((reminder) => reminder.userId === user.id);
        expect(mine).toHaveLength(1);
        for (const reminder of mine) await core.reminders.claim(reminder, window.until);
      });
      expect(due).toEqual([]);
    });

    it("on a weekday the reminder is not set for", async () => {
      // 2026-03-10 is a Tuesday.
      const due = await dueFor(({ core }, user, habit) =>
        core.habits.update(user.id, habit.id, { reminders: [{ time: "08:00", weekdays: [1, 3, 4, 5, 6, 7] }] }),
      );
      expect(due).toEqual([]);
    });

    it("in the user's quiet hours", async () => {
      const due = await dueFor(({ core }, user) =>
        core.users.updateProfile(user.id, { reminders: { quietHours: { start: "22:00", end: "08:30" } } }),
      );
      expect(due).toEqual([]);
    });
  });

  it("reads completions only for the users with a reminder in the window", async () => {
    const { core, store, user, habit } = setup();
    for (let index = 0; index < 5; index++) await habit(await user("UTC"), { reminders: [{ time: "09:00" }] });
    const reminded = await user("UTC");
    await habit(reminded, at8);
    const calls = countingListForUser(store);
    expect(await core.reminders.due(minuteUntil("2026-03-10T08:00:00Z"))).toHaveLength(1);
    expect(calls).toEqual([reminded.id]);
    calls.length = 0;
    expect(await core.reminders.due(minuteUntil("2026-03-10T10:00:00Z"))).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe("claiming a due reminder", () => {
  it("succeeds once; then it is no longer due and claiming again gives false", async () => {
    const { core, user, habit } = setup();
    const owner = await user("Europe/Berlin");
    await habit(owner, at8);
    const window = minuteUntil("2026-03-10T07:00:00Z");
    const [due] = await core.reminders.due(window);
    if (!due) throw new Error("the reminder should be due");
    expect(await core.reminders.claim(due, window.until)).toBe(true);
    expect(await core.reminders.claim(due, window.until)).toBe(false);
    expect(await core.reminders.due(window)).toEqual([]);
    // The next day is another reminder.
    expect(await core.reminders.due(minuteUntil("2026-03-11T07:00:00Z"))).toMatchObject([{ date: "2026-03-11" }]);
  });

  it("of concurrent claims of one reminder, exactly one wins", async () => {
    const { core, user, habit } = setup();
    await habit(await user("UTC"), at8);
    const window = minuteUntil("2026-03-10T08:00:00Z");
    const [due] = await core.reminders.due(window);
    if (!due) throw new Error("the reminder should be due");
    const results = await Promise.all(Array.from({ length: 5 }, () => core.reminders.claim(due, window.until)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
