// Reminders as a person gets them: the minute pass of the worker claims what is due and sends it
// through the real bot to the kit's fake Telegram; the buttons under it work like anywhere else.
// A person who blocked the bot gets nothing more until they write again.
import { dayLabel } from "@habits/bot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountOf,
  createTelegramKit,
  htmlToText,
  messagesSentTo,
  onboard,
  reminderPassOf,
  type TelegramKit,
  type TelegramUser,
} from "../kit/index.js";
import { dialect } from "../support/test-database.js";

describe(`reminders in the chat on ${dialect}`, () => {
  let kit: TelegramKit;
  beforeAll(async () => {
    kit = await createTelegramKit();
  });
  afterAll(async () => kit?.close());

  const text = (key: string, args?: Record<string, string | number>) => htmlToText(kit.bot.i18n.t("en", key, args));
  /** Someone in Berlin (UTC+1 in March) with "Read" reminded at 10:00 and 11:00. */
  async function personWithReminders(): Promise<{ user: TelegramUser; habitId: string; userId: string }> {
    kit.clock.set("2026-03-10T08:00:00Z");
    const user = kit.user();
    await onboard(user);
    const account = await accountOf(kit, user);
    const created = await kit.core.habits.create(account.id, {
      name: "Read <fast>",
      reminders: [{ time: "10:00" }, { time: "11:00" }],
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    return { user, habitId: created.value.id, userId: account.id };
  }

  it("sends a reminder at its local time with Done, Snooze and Skip; Done logs it from the reminder", async () => {
    const { user, habitId, userId } = await personWithReminders();
    const pass = reminderPassOf(kit);
    kit.clock.set("2026-03-10T08:59:30Z");
    await pass();
    const before = messagesSentTo(user);
    kit.clock.set("2026-03-10T09:00:20Z");
    await pass();
    expect(messagesSentTo(user)).toBe(before + 1);
    expect(user.lastMessage()?.text).toBe(text("reminder-text", { habit: "Read &lt;fast&gt;", time: "10:00" }));
    expect(user.buttons()).toEqual([text("reminder-done"), text("reminder-snooze"), text("reminder-skip")]);

    // The pass runs again in the same minute (another instance, say): nothing twice.
    await pass();
    expect(messagesSentTo(user)).toBe(before + 1);

    await user.tap(text("reminder-done"));
    expect(user.lastMessage()?.edited).toBe(true);
    expect(user.lastMessage()?.text).toContain(text("done-logged", { habit: "Read &lt;fast&gt;", streak: 1 }));
    const [completion] = (await kit.core.completions.list(userId, habitId)) ?? [];
    expect(completion).toMatchObject({ date: "2026-03-10", source: "reminder" });

    // Done for the day: the 11:00 reminder stays quiet.
    kit.clock.set("2026-03-10T10:00:20Z");
    await pass();
    expect(messagesSentTo(user)).toBe(before + 1);
  });

  it("snoozes a reminder for an hour, and Skip today closes it", async () => {
    const { user } = await personWithReminders();
    const pass = reminderPassOf(kit);
    kit.clock.set("2026-03-10T09:00:20Z");
    await pass();
    await user.tap(text("reminder-snooze"));
    expect(user.lastMessage()?.text).toBe(text("reminder-snoozed", { habit: "Read &lt;fast&gt;", time: "11:00" }));
    const before = messagesSentTo(user);
    kit.clock.set("2026-03-10T10:01:00Z");
    await pass();
    // The snooze ends at 11:00, the time of the habit's other reminder: one message, not two.
    expect(messagesSentTo(user)).toBe(before + 1);
    expect(user.lastMessage()?.html).toContain("Read &lt;fast&gt;");
    await user.tap(text("reminder-skip"));
    expect(user.lastMessage()?.text).toBe(text("reminder-skipped", { habit: "Read &lt;fast&gt;" }));
  });

  it("Skip today keeps the habit's later reminders of the day quiet; the next day they come again", async () => {
    const { user } = await personWithReminders();
    const pass = reminderPassOf(kit);
    kit.clock.set("2026-03-10T09:00:20Z");
    await pass();
    await user.tap(text("reminder-skip"));
    const before = messagesSentTo(user);
    kit.clock.set("2026-03-10T10:00:20Z");
    await pass();
    expect(messagesSentTo(user)).toBe(before);
    kit.clock.set("2026-03-11T09:00:20Z");
    await pass();
    expect(messagesSentTo(user)).toBe(before + 1);
  });

  it("Snooze on a reminder of a habit done meanwhile says so and snoozes nothing", async () => {
    const { user, habitId, userId } = await personWithReminders();
    const pass = reminderPassOf(kit);
    kit.clock.set("2026-03-10T09:00:20Z");
    await pass();
    await kit.core.completions.complete({ userId, habitId, source: "api" });
    await user.tap(text("reminder-snooze"));
    expect(user.callbackAnswers().at(-1)).toBe(text("reminder-already-done"));
    const before = messagesSentTo(user);
    kit.clock.set("2026-03-10T10:01:00Z");
    await pass();
    expect(messagesSentTo(user)).toBe(before);
  });

  it("Done on yesterday's reminder logs yesterday and says so", async () => {
    const { user, habitId, userId } = await personWithReminders();
    const pass = reminderPassOf(kit);
    kit.clock.set("2026-03-10T10:00:20Z");
    await pass();
    kit.clock.set("2026-03-11T07:00:00Z");
    await user.tap(text("reminder-done"));
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(
      text("backdate-logged-for", { day: dayLabel("en", "2026-03-10", "long") }),
    );
    expect((await kit.core.completions.list(userId, habitId))?.map((item) => item.date)).toEqual(["2026-03-10"]);
  });

  it("marks a person who blocked the bot, sends them nothing more, and starts again when they write", async () => {
    const { user, userId } = await personWithReminders();
    const pass = reminderPassOf(kit);
    user.blockBot();
    kit.clock.set("2026-03-10T09:00:20Z");
    await pass();
    expect((await kit.core.users.get(userId))?.telegramBlockedAt).not.toBeNull();
    const attempts = user.calls().length;

    kit.clock.set("2026-03-10T10:00:20Z");
    await pass();
    kit.clock.set("2026-03-11T09:00:20Z");
    await pass();
    expect(user.calls()).toHaveLength(attempts);

    // They come back: the next reminder reaches them.
    user.unblockBot();
    await user.command("start");
    expect((await kit.core.users.get(userId))?.telegramBlockedAt).toBeNull();
    kit.clock.set("2026-03-11T10:00:20Z");
    await pass();
    expect(user.lastMessage()?.text).toBe(text("reminder-text", { habit: "Read &lt;fast&gt;", time: "11:00" }));
  });
});
