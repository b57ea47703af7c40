// Due reminders and their claims on a real database (SQLite, or PostgreSQL with DATABASE_URL):
// the unique claim decides between processes.
import type { Core } from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreOnTestDatabase, movableClock } from "../support/core-on-database.js";
import { dialect } from "../support/test-database.js";

describe(`reminders on ${dialect}`, () => {
  let core: Core;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const clock = movableClock("2026-03-10T06:00:00Z");
    ({ core, cleanup } = await coreOnTestDatabase({ clock, random: { next: () => 0.99 } }));
  });
  afterAll(async () => cleanup());

  it("a reminder is due at its local time; of two concurrent claims exactly one wins", async () => {
    const { user } = await core.users.fromTelegram({ id: 4_200_000_001, firstName: "Ann", languageCode: "en" });
    await core.users.updateProfile(user.id, { timezone: "Europe/Berlin" });
    const habit = await core.habits.create(user.id, { name: "Stretch", reminders: [{ time: "08:00" }] });
    if (!habit.ok) throw new Error("habit not created");

    // 08:00 in Berlin (CET) is 07:00 UTC.
    const window = { after: new Date("2026-03-10T06:59:00Z"), until: new Date("2026-03-10T07:00:00Z") };
    const due = await core.reminders.due(window);
    expect(due).toEqual([
      {
        userId: user.id,
        habitId: habit.value.id,
        date: "2026-03-10",
        time: "08:00",
        at: new Date("2026-03-10T07:00:00Z"),
      },
    ]);
    const [reminder] = due;
    if (!reminder) throw new Error("no reminder due");

    const claims = await Promise.all([
      core.reminders.claim(reminder, window.until),
      core.reminders.claim(reminder, window.until),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await core.reminders.due(window)).toEqual([]);
  });
});
