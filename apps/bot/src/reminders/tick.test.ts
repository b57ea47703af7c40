// The reminders part of the minute tick, on the core over the in-memory store: each pass claims
// what became due since the previous one.
import { type Core, createCore, type DueReminder, defaultCoreSettings, type PasswordHasher } from "@habits/core";
import { createInMemoryStore } from "@habits/core/testing";
import { createNodeSecrets } from "@habits/runtime";
import { describe, expect, it } from "vitest";
import { createReminderPass } from "./tick.js";

const noPasswords: PasswordHasher = { hash: async (password) => password, verify: async () => false };

/** A user in UTC with a habit reminded at 06:50, 06:59, 07:00, 07:01 and 07:20 every day. */
async function setup(clock = { now: () => new Date("2026-03-10T06:00:00Z") }): Promise<Core> {
  const store = createInMemoryStore({ now: clock.now });
  const core = createCore({
    store,
    clock,
    random: { next: () => 0.5 },
    settings: defaultCoreSettings,
    passwords: noPasswords,
    secrets: createNodeSecrets(),
  });
  const user = await store.users.create({ username: "ann", timezone: "UTC" });
  const habit = await core.habits.create(user.id, {
    name: "Stretch",
    reminders: [{ time: "06:50" }, { time: "06:59" }, { time: "07:00" }, { time: "07:01" }, { time: "07:20" }],
  });
  if (!habit.ok) throw new Error("habit not created");
  return core;
}

/** A clock the test moves. */
function clockAt(start: string) {
  let current = new Date(start);
  return {
    now: () => new Date(current.getTime()),
    set(instant: string) {
      current = new Date(instant);
    },
  };
}

describe("the reminder pass of the tick", () => {
  it("claims what became due since the previous pass; the first pass looks back one minute", async () => {
    const core = await setup();
    const clock = clockAt("2026-03-10T07:00:30Z");
    const pass = createReminderPass(core, clock);
    expect(await pass()).toEqual({ due: 1, claimed: 1 }); // 07:00: the window is (06:59:30, 07:00:30]
    clock.set("2026-03-10T07:01:30Z");
    expect(await pass()).toEqual({ due: 1, claimed: 1 }); // 07:01
    clock.set("2026-03-10T07:02:30Z");
    expect(await pass()).toEqual({ due: 0, claimed: 0 });
  });

  it("sends each reminder it claimed, and records it as sent", async () => {
    const core = await setup();
    const sent: string[] = [];
    const pass = createReminderPass(core, { now: () => new Date("2026-03-10T07:00:30Z") }, async (reminder) => {
      sent.push(`${reminder.date} ${reminder.time}`);
      return true;
    });
    expect(await pass()).toEqual({ due: 1, claimed: 1 });
    expect(sent).toEqual(["2026-03-10 07:00"]);
    expect(await pass()).toEqual({ due: 0, claimed: 0 });
    expect(sent).toHaveLength(1);
  });

  it("counts only the claims it won", async () => {
    const core = await setup();
    const at = "2026-03-10T07:00:30Z";
    // Another process claims each reminder between this pass's `due` and its claim.
    const racing: Pick<Core, "reminders"> = {
      reminders: {
        due: core.reminders.due,
        async claim(reminder: DueReminder, claimedAt: Date) {
          await core.reminders.claim(reminder, claimedAt);
          return core.reminders.claim(reminder, claimedAt);
        },
        markSent: core.reminders.markSent,
        snooze: core.reminders.snooze,
        skipDay: core.reminders.skipDay,
        retryDue: core.reminders.retryDue,
      },
    };
    const pass = createReminderPass(racing, { now: () => new Date(at) });
    expect(await pass()).toEqual({ due: 1, claimed: 0 });
  });

  it("after failed passes, the next one covers the minutes they missed, up to 15", async () => {
    const core = await setup();
    const clock = clockAt("2026-03-10T06:45:30Z");
    let failing = false;
    const flaky: Pick<Core, "reminders"> = {
      reminders: {
        async due(window) {
          if (failing) throw new Error("database unavailable");
          return core.reminders.due(window);
        },
        claim: core.reminders.claim,
        markSent: core.reminders.markSent,
        snooze: core.reminders.snooze,
        skipDay: core.reminders.skipDay,
        retryDue: core.reminders.retryDue,
      },
    };
    const pass = createReminderPass(flaky, clock);
    expect(await pass()).toEqual({ due: 0, claimed: 0 });
    failing = true;
    clock.set("2026-03-10T06:46:30Z");
    await expect(pass()).rejects.toThrow("database unavailable");
    failing = false;
    // The failed pass did not move the window; 06:50 is more than 15 minutes back and dropped.
    clock.set("2026-03-10T07:05:30Z");
    expect(await pass()).toEqual({ due: 3, claimed: 3 }); // 06:59, 07:00, 07:01
  });
});

describe("snoozed and failed reminders", () => {
  it("a snoozed reminder is sent again an hour later, once", async () => {
    const clock = clockAt("2026-03-10T07:00:30Z");
    const core = await setup(clock);
    const sent: string[] = [];
    const pass = createReminderPass(core, clock, async (reminder) => {
      sent.push(reminder.time);
      return true;
    });
    await pass();
    expect(sent).toEqual(["07:00"]);
    const [user] = await Promise.all([core.users.get("user-000001")]);
    const habitId = (await core.habits.list(user?.id ?? ""))[0]?.id ?? "";
    expect(await core.reminders.snooze(user?.id ?? "", habitId, "2026-03-10")).toEqual({
      ok: true,
      value: { time: "08:00" },
    });
    for (const minute of ["07:01:30", "07:20:30", "07:59:30", "08:00:20", "08:01:30", "08:02:30"]) {
      clock.set(`2026-03-10T${minute}Z`);
      await pass();
    }
    expect(sent).toEqual(["07:00", "07:01", "07:20", "08:00"]);
  });

  it("a send that failed is tried again on the next pass, at most three times in all", async () => {
    const clock = clockAt("2026-03-10T07:00:30Z");
    const core = await setup(clock);
    const attempts: string[] = [];
    const pass = createReminderPass(core, clock, async (reminder) => {
      attempts.push(reminder.time);
      return false;
    });
    for (const minute of ["07:00:30", "07:00:40", "07:00:50", "07:00:55", "07:00:58"]) {
      clock.set(`2026-03-10T${minute}Z`);
      await pass();
    }
    expect(attempts).toEqual(["07:00", "07:00", "07:00"]);
  });
});
