// Which daily and weekly summaries are due in a tick's window, in each user's zone, and claiming
// one exactly once: the summaries service over the in-memory store.
import { describe, expect, it } from "vitest";
import type { ReminderWindow } from "../reminders/reminders-due.js";
import { type CoreFixture, createCoreFixture, unwrap } from "../testing/core-fixture.js";
import type { User } from "../users/user.js";

/** The minute ending at `until`, as a tick sees it: `(until − 1 min, until]`. */
function minuteUntil(until: string): ReminderWindow {
  const end = new Date(until);
  return { after: new Date(end.getTime() - 60_000), until: end };
}

/** A new user in `timezone` with one active habit and the given summary. */
async function person(
  f: CoreFixture,
  timezone: string,
  summary: { mode: string; time: string },
  reminders: { enabled?: boolean; quietHours?: { start: string; end: string } } = {},
): Promise<User> {
  const user = await f.otherUser(timezone);
  unwrap(await f.core.habits.create(user.id, { name: "Read" }));
  return unwrap(await f.core.users.updateProfile(user.id, { reminders: { ...reminders, summary } }));
}

/** The due summaries of these users only, as `kind period date at` lines. */
async function dueFor(f: CoreFixture, users: User[], window: ReminderWindow): Promise<string[]> {
  const ids = new Set(users.map((user) => user.id));
  return (await f.core.summaries.due(window))
    .filter((summary) => ids.has(summary.userId))
    .map((summary) => `${summary.kind} ${summary.period} ${summary.date} ${summary.at.toISOString()}`);
}

describe("which summaries are due", () => {
  it("a daily one at its local time in each user's zone, for that user's local date", async () => {
    const f = await createCoreFixture();
    const berlin = await person(f, "Europe/Berlin", { mode: "daily", time: "21:00" });
    const tokyo = await person(f, "Asia/Tokyo", { mode: "daily", time: "08:00" });
    const newYork = await person(f, "America/New_York", { mode: "daily", time: "21:00" });
    const everyone = [berlin, tokyo, newYork];

    // 21:00 in Berlin (CET) on the 10th is 20:00 UTC.
    expect(await f.core.summaries.due(minuteUntil("2026-03-10T20:00:00Z"))).toEqual([
      {
        userId: berlin.id,
        kind: "daily",
        period: "2026-03-10",
        date: "2026-03-10",
        at: new Date("2026-03-10T20:00:00Z"),
      },
    ]);
    // Tokyo's 08:00 on the 10th is the 9th, 23:00 UTC.
    expect(await dueFor(f, everyone, minuteUntil("2026-03-09T23:00:00Z"))).toEqual([
      "daily 2026-03-10 2026-03-10 2026-03-09T23:00:00.000Z",
    ]);
    // New York is on summer time since 8 March: 21:00 EDT on the 10th is 01:00 UTC on the 11th.
    expect(await dueFor(f, everyone, minuteUntil("2026-03-11T01:00:00Z"))).toEqual([
      "daily 2026-03-10 2026-03-10 2026-03-11T01:00:00.000Z",
    ]);
    // The window is (after, until]: a minute either side finds nothing.
    expect(await dueFor(f, everyone, minuteUntil("2026-03-10T19:59:59.999Z"))).toEqual([]);
    expect(
      await dueFor(f, everyone, { after: new Date("2026-03-10T20:00:00Z"), until: new Date("2026-03-10T20:01:00Z") }),
    ).toEqual([]);
  });

  it("on Berlin's spring-forward day (2026-03-29) 21:00 is an hour earlier in UTC, and a skipped 02:30 comes at 03:30", async () => {
    const f = await createCoreFixture({ now: "2026-03-27T12:00:00Z" });
    const evening = await person(f, "Europe/Berlin", { mode: "daily", time: "21:00" });
    const night = await person(f, "Europe/Berlin", { mode: "daily", time: "02:30" });

    expect(await dueFor(f, [evening], minuteUntil("2026-03-28T20:00:00Z"))).toEqual([
      "daily 2026-03-28 2026-03-28 2026-03-28T20:00:00.000Z",
    ]);
    expect(await dueFor(f, [evening], minuteUntil("2026-03-29T19:00:00Z"))).toEqual([
      "daily 2026-03-29 2026-03-29 2026-03-29T19:00:00.000Z",
    ]);
    expect(await dueFor(f, [evening], minuteUntil("2026-03-29T20:00:00Z"))).toEqual([]);
    // 02:30 does not exist that night: the first valid instant after the gap is 03:30 CEST (01:30 UTC).
    expect(await dueFor(f, [night], minuteUntil("2026-03-29T00:30:00Z"))).toEqual([]);
    expect(await dueFor(f, [night], minuteUntil("2026-03-29T01:30:00Z"))).toEqual([
      "daily 2026-03-29 2026-03-29 2026-03-29T01:30:00.000Z",
    ]);
  });

  it("a weekly one only on Sundays, for the ISO week it ends", async () => {
    const f = await createCoreFixture();
    const weekly = await person(f, "UTC", { mode: "weekly", time: "20:00" });
    const found: string[] = [];
    // Monday 9 to Sunday 15 March 2026, each evening at 20:00.
    for (let day = 9; day <= 15; day++) {
      found.push(...(await dueFor(f, [weekly], minuteUntil(`2026-03-${String(day).padStart(2, "0")}T20:00:00Z`))));
    }
    expect(found).toEqual(["weekly 2026-W11 2026-03-15 2026-03-15T20:00:00.000Z"]);
    // The Sunday after New Year 2027 ends ISO week 53 of 2026.
    expect(await dueFor(f, [weekly], minuteUntil("2027-01-03T20:00:00Z"))).toEqual([
      "weekly 2026-W53 2027-01-03 2027-01-03T20:00:00.000Z",
    ]);
  });

  it("a window across local midnight still finds yesterday's late summary", async () => {
    const f = await createCoreFixture();
    const late = await person(f, "Asia/Kathmandu", { mode: "daily", time: "23:59" }); // UTC+05:45
    // 23:59 on the 9th in Kathmandu is 18:14 UTC; the tick runs a little after local midnight.
    const window = { after: new Date("2026-03-09T18:13:30Z"), until: new Date("2026-03-09T18:15:30Z") };
    expect(await dueFor(f, [late], window)).toEqual(["daily 2026-03-09 2026-03-09 2026-03-09T18:14:00.000Z"]);
  });

  describe("is not due", () => {
    const window = minuteUntil("2026-03-10T21:00:00Z");
    const daily = { mode: "daily", time: "21:00" };

    it("for a user whose summary is off (the default)", async () => {
      const f = await createCoreFixture();
      const off = await person(f, "UTC", { mode: "off", time: "21:00" });
      unwrap(await f.core.habits.create(f.user.id, { name: "Mine" }));
      expect(await dueFor(f, [off, f.user], window)).toEqual([]);
    });

    it("but is for one with habit reminders off and quiet hours over its time: it has its own switch", async () => {
      const f = await createCoreFixture();
      const own = await person(f, "UTC", daily, { enabled: false, quietHours: { start: "20:00", end: "08:00" } });
      expect(await dueFor(f, [own], window)).toEqual(["daily 2026-03-10 2026-03-10 2026-03-10T21:00:00.000Z"]);
    });

    it("for a user who blocked the bot, until they come back", async () => {
      const f = await createCoreFixture();
      const blocked = await person(f, "UTC", daily);
      await f.core.users.markTelegramBlocked(blocked.id, true);
      expect(await dueFor(f, [blocked], window)).toEqual([]);
      await f.core.users.markTelegramBlocked(blocked.id, false);
      expect(await dueFor(f, [blocked], window)).toHaveLength(1);
    });

    it("for a user with no active habit: there would be nothing to say", async () => {
      const f = await createCoreFixture();
      const archivedOnly = await person(f, "UTC", daily);
      const [habit] = await f.core.habits.list(archivedOnly.id);
      unwrap(await f.core.habits.archive(archivedOnly.id, habit?.id ?? ""));
      expect(await dueFor(f, [archivedOnly], window)).toEqual([]);
    });
  });
});

describe("claiming a due summary", () => {
  it("succeeds once; then it is no longer due, and the next day's is another summary", async () => {
    const f = await createCoreFixture();
    const owner = await person(f, "UTC", { mode: "daily", time: "21:00" });
    const window = minuteUntil("2026-03-10T21:00:00Z");
    const [due] = await f.core.summaries.due(window);
    if (!due) throw new Error("the summary should be due");

    expect(await f.core.summaries.claim(due, window.until)).toBe(true);
    expect(await f.core.summaries.claim(due, window.until)).toBe(false);
    expect(await dueFor(f, [owner], window)).toEqual([]);
    expect(await dueFor(f, [owner], minuteUntil("2026-03-11T21:00:00Z"))).toEqual([
      "daily 2026-03-11 2026-03-11 2026-03-11T21:00:00.000Z",
    ]);
  });

  it("a summary claimed and sent stays claimed when the user changes its time the same day", async () => {
    const f = await createCoreFixture();
    const owner = await person(f, "UTC", { mode: "daily", time: "08:00" });
    const [due] = await f.core.summaries.due(minuteUntil("2026-03-10T08:00:00Z"));
    if (!due) throw new Error("the summary should be due");
    expect(await f.core.summaries.claim(due, due.at)).toBe(true);
    await f.core.summaries.markSent(due, due.at);

    // The period is the day, not the time: moving the summary to the evening sends no second one.
    unwrap(await f.core.users.updateProfile(owner.id, { reminders: { summary: { time: "21:00" } } }));
    expect(await dueFor(f, [owner], minuteUntil("2026-03-10T21:00:00Z"))).toEqual([]);
  });

  it("of concurrent claims of one summary, exactly one wins", async () => {
    const f = await createCoreFixture();
    await person(f, "UTC", { mode: "weekly", time: "21:00" });
    const window = minuteUntil("2026-03-15T21:00:00Z");
    const [due] = await f.core.summaries.due(window);
    if (!due) throw new Error("the summary should be due");
    const results = await Promise.all(Array.from({ length: 5 }, () => f.core.summaries.claim(due, window.until)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
