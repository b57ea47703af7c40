// The daily and weekly summary as a person gets them: turned on in ⚙️ Settings, then the worker's
// minute pass claims it at its local time and sends it through the real bot to the kit's fake
// Telegram, once, however often the pass runs. The kit's clock is moved, never waited for.
import { dayLabel } from "@habits/bot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountOf,
  createTelegramKit,
  htmlToText,
  messagesSentTo,
  onboard,
  summaryPassOf,
  type TelegramKit,
} from "../kit/index.js";
import { dialect } from "../support/test-database.js";

describe(`summaries in the chat on ${dialect}`, () => {
  let kit: TelegramKit;
  beforeAll(async () => {
    kit = await createTelegramKit();
  });
  afterAll(async () => kit?.close());

  const text = (key: string, args?: Record<string, string | number>) => htmlToText(kit.bot.i18n.t("en", key, args));
  /** Someone in Berlin (UTC+1 in March) with habits made on Monday 9 March. */
  async function personWith(habits: string[]) {
    kit.clock.set("2026-03-09T08:00:00Z");
    const user = kit.user();
    await onboard(user);
    const account = await accountOf(kit, user);
    const ids: string[] = [];
    for (const name of habits) {
      const created = await kit.core.habits.create(account.id, { name });
      if (!created.ok) throw new Error(JSON.stringify(created));
      ids.push(created.value.id);
    }
    const done = async (habitId: string | undefined, date: string) => {
      const result = await kit.core.completions.complete({
        userId: account.id,
        habitId: habitId ?? "",
        date,
        source: "bot",
      });
      if (!result.ok) throw new Error(JSON.stringify(result));
    };
    return { user, account, ids, done };
  }

  it("turned on from Settings, the daily summary comes at its time with the day's numbers, once", async () => {
    const { user, account, ids, done } = await personWith(["Read <fast>", "Run", "Stretch"]);
    const [read, run] = ids;
    kit.clock.set("2026-03-10T08:00:00Z");
    await done(read, "2026-03-09");
    await done(read, "2026-03-10");
    await done(run, "2026-03-10");

    await user.command("settings");
    expect(user.lastMessage()?.text).toContain(text("settings-summary-line", { mode: "off", time: "21:00" }));
    await user.tap(text("settings-button-summary"));
    expect(user.buttons()).toEqual([
      text("settings-chosen", { label: text("settings-summary-off") }),
      text("settings-summary-daily"),
      text("settings-summary-weekly"),
      text("button-back"),
    ]);
    await user.tap(text("settings-summary-daily"));
    expect(user.callbackAnswers().at(-1)).toBe(text("settings-saved"));
    expect(user.buttons()).toContain(
      text("settings-chosen", { label: text("settings-summary-time", { time: "21:00" }) }),
    );
    await user.tap(text("settings-summary-time", { time: "20:00" }));
    expect((await kit.core.users.get(account.id))?.reminders.summary).toEqual({ mode: "daily", time: "20:00" });
    await user.tap(text("button-back"));
    expect(user.lastMessage()?.text).toContain(text("settings-summary-line", { mode: "daily", time: "20:00" }));

    // 20:00 in Berlin is 19:00 UTC.
    const pass = summaryPassOf(kit);
    kit.clock.set("2026-03-10T18:59:30Z");
    await pass();
    const before = messagesSentTo(user);
    kit.clock.set("2026-03-10T19:00:20Z");
    await pass();
    expect(messagesSentTo(user)).toBe(before + 1);
    expect(user.lastMessage()?.text.split("\n")).toEqual([
      text("summary-daily-title", { day: dayLabel("en", "2026-03-10", "long") }),
      text("summary-daily-score", { done: 2, total: 3 }),
      "",
      `${text("summary-habit-done", { habit: "Read &lt;fast&gt;" })} · ${text("summary-streak", { days: 2 })}`,
      `${text("summary-habit-done", { habit: "Run" })} · ${text("summary-streak", { days: 1 })}`,
      text("summary-habit-open", { habit: "Stretch" }),
      "",
      text("summary-daily-still-due", { count: 1 }),
      text("summary-live-streaks", { count: 2 }),
    ]);
    expect(user.buttons()).toEqual([text("menu-done")]);

    // The pass runs again in the same minute, and another instance too: nothing twice.
    await pass();
    await summaryPassOf(kit)();
    expect(messagesSentTo(user)).toBe(before + 1);

    // The button opens ✅ Done today with what is left.
    await user.tap(text("menu-done"));
    expect(user.buttons()).toContain("Stretch");
  });

  it("a weekly summary comes on Sunday with each habit's success over the ISO week", async () => {
    const { user, account, ids, done } = await personWith(["Read", "Run"]);
    const [read, run] = ids;
    const saved = await kit.core.users.updateProfile(account.id, {
      reminders: { summary: { mode: "weekly", time: "21:00" } },
    });
    expect(saved.ok).toBe(true);
    // Sunday 15 March: Read done 5 of the week's 7 days (Mon 9 – Sun 15), Run twice. Both begin on
    // Monday with a completion: the analytics rules clip a habit's expectations to the day it began.
    kit.clock.set("2026-03-15T12:00:00Z");
    for (const date of ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-14", "2026-03-15"]) await done(read, date);
    for (const date of ["2026-03-09", "2026-03-12"]) await done(run, date);

    const pass = summaryPassOf(kit);
    // Saturday evening: a weekly summary waits for Sunday.
    kit.clock.set("2026-03-14T20:00:20Z");
    await pass();
    const before = messagesSentTo(user);
    kit.clock.set("2026-03-15T20:00:20Z");
    await pass();
    await pass();
    expect(messagesSentTo(user)).toBe(before + 1);
    expect(user.lastMessage()?.text.split("\n")).toEqual([
      text("summary-weekly-title", { from: dayLabel("en", "2026-03-09"), to: dayLabel("en", "2026-03-15") }),
      text("summary-weekly-overall", { rate: 50, completions: 7, expected: 14 }),
      "",
      `${text("summary-weekly-habit", { habit: "Read", completions: 5, expected: 7, rate: 71 })} · ${text("summary-streak", { days: 2 })}`,
      text("summary-weekly-habit", { habit: "Run", completions: 2, expected: 7, rate: 29 }),
      "",
      text("summary-live-streaks", { count: 1 }),
    ]);
    // Nothing is left to do today in a weekly summary: no button.
    const sent = user.calls().filter((call) => call.method === "sendMessage");
    expect(sent.at(-1)?.payload.reply_markup).toBeUndefined();
  });

  it("a person who blocked the bot is marked, and gets no summary until they come back", async () => {
    const { user, account } = await personWith(["Read"]);
    await kit.core.users.updateProfile(account.id, { reminders: { summary: { mode: "daily", time: "21:00" } } });
    const pass = summaryPassOf(kit);
    user.blockBot();
    kit.clock.set("2026-03-10T20:00:20Z");
    await pass();
    expect((await kit.core.users.get(account.id))?.telegramBlockedAt).not.toBeNull();

    user.unblockBot();
    const before = messagesSentTo(user);
    kit.clock.set("2026-03-11T20:00:20Z");
    await pass();
    expect(messagesSentTo(user)).toBe(before);
  });
});
