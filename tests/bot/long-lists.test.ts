// Long lists, played through the kit (which refuses a message over Telegram's 4096 characters as
// Telegram does): 📊 Stats, 🔥 Streaks, 🧩 Habits and the rewards to edit, a page at a time with
// ◀️ ▶️, and Back from an item returns to its page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountOf, createTelegramKit, htmlToText, onboard, type TelegramKit } from "../kit/index.js";
import { dialect } from "../support/test-database.js";

describe(`long lists on ${dialect}`, () => {
  let kit: TelegramKit;
  beforeAll(async () => {
    kit = await createTelegramKit();
  });
  afterAll(async () => kit?.close());

  const text = (key: string, args?: Record<string, string | number>) => htmlToText(kit.bot.i18n.t("en", key, args));
  /** Names of nearly the longest allowed (100 characters), as in the QA's repro. */
  const nameOf = (index: number) => `H${index} ${"x".repeat(95)}`;

  /** A person with 36 active habits of long names: four pages of ten. */
  async function personWithManyHabits(count = 36) {
    const user = kit.user();
    await onboard(user);
    const account = await accountOf(kit, user);
    for (let index = 0; index < count; index++) {
      const created = await kit.core.habits.create(account.id, { name: nameOf(index) });
      if (!created.ok) throw new Error(JSON.stringify(created));
    }
    return { user, account };
  }

  it("pages ✅ Done today ten habits at a time, and a tap on page 2 logs that habit", async () => {
    const { user, account } = await personWithManyHabits(23);
    await user.command("done");
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("done-title")} (1/3)`);
    expect(user.buttons().slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, index) => nameOf(index)));
    expect(user.buttons()).toContain("▶️");
    await user.tap("▶️");
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("done-title")} (2/3)`);
    expect(user.buttons()).toContain("◀️");
    await user.tap(nameOf(12));
    const [habit] = (await kit.core.habits.list(account.id)).filter((item) => item.name === nameOf(12));
    expect(await kit.core.completions.list(account.id, habit?.id ?? "")).toHaveLength(1);
    // A stale page past the end shows the last one.
    await user.tap({ data: "done-page|9" });
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("done-title")} (3/3)`);
  });

  it("pages /stats ten habits at a time; a habit's calendar goes back to its page", async () => {
    const { user } = await personWithManyHabits();
    await user.command("stats");
    const first = user.lastMessage()?.text ?? "";
    expect(first.split("\n")[0]).toBe(`${text("stats-title")} (1/4)`);
    expect(first).toContain(text("stats-habit-line", { habit: nameOf(9), rate: 0, current: 0, longest: 0 }));
    expect(first).not.toContain(nameOf(10));
    expect(user.buttons()).toEqual([
      ...Array.from({ length: 10 }, (_, index) => text("stats-habit-button", { habit: nameOf(index) })),
      "▶️",
      text("button-back"),
    ]);

    await user.tap("▶️");
    expect(user.lastMessage()?.edited).toBe(true);
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("stats-title")} (2/4)`);
    expect(user.buttons()).toContain("◀️");
    await user.tap(text("stats-habit-button", { habit: nameOf(12) }));
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(text("stats-habit-title", { habit: nameOf(12) }));
    await user.tap(text("button-back"));
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("stats-title")} (2/4)`);

    await user.tap("▶️");
    await user.tap("▶️");
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("stats-title")} (4/4)`);
    expect(user.buttons().filter((label) => label.startsWith("📅"))).toHaveLength(6);
    expect(user.buttons()).not.toContain("▶️");
    // A page past the end (the list shrank meanwhile) shows the last one.
    await user.tap({ data: "stats-page|9" });
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("stats-title")} (4/4)`);
    await user.tap({ data: "stats-page|x" });
    expect(user.callbackAnswers().at(-1)).toBe(text("error-stale-button"));
  });

  it("pages /streaks ten habits at a time", async () => {
    const { user } = await personWithManyHabits();
    await user.command("streaks");
    const lines = user.lastMessage()?.text.split("\n") ?? [];
    expect(lines[0]).toBe(`${text("streaks-title")} (1/4)`);
    expect(lines.slice(1)).toEqual(
      Array.from({ length: 10 }, (_, index) => text("streaks-line", { habit: nameOf(index), current: 0, longest: 0 })),
    );
    expect(user.buttons()).toEqual(["▶️", text("button-back")]);
    await user.tap("▶️");
    expect(user.lastMessage()?.text.split("\n")[1]).toBe(
      text("streaks-line", { habit: nameOf(10), current: 0, longest: 0 }),
    );
    expect(user.buttons()).toEqual(["◀️", "▶️", text("button-back")]);
    await user.tap("◀️");
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("streaks-title")} (1/4)`);
  });

  it("pages 🧩 Habits; a habit's card goes back to its page, and so does archiving it", async () => {
    const { user } = await personWithManyHabits(25);
    await user.command("habits");
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("habits-title").split("\n")[0]} (1/3)`);
    expect(user.buttons()).toEqual([
      ...Array.from({ length: 10 }, (_, index) => nameOf(index)),
      "▶️",
      text("habits-button-new"),
      text("button-back"),
    ]);

    await user.tap("▶️");
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("habits-title").split("\n")[0]} (2/3)`);
    expect(user.buttons().slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, index) => nameOf(index + 10)));
    await user.tap(nameOf(15));
    expect(user.lastMessage()?.text).toContain(nameOf(15));
    await user.tap(text("button-back"));
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("habits-title").split("\n")[0]} (2/3)`);

    await user.tap(nameOf(15));
    await user.tap(text("habit-button-archive"));
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(`${text("habits-title").split("\n")[0]} (2/3)`);
    expect(user.buttons()).not.toContain(nameOf(15));
    expect(user.buttons()).toContain(nameOf(20));
    expect(user.buttons()).toContain(text("habits-button-archived", { count: 1 }));
  });

  it("pages the rewards to edit and to claim, as the rewards list", async () => {
    const user = kit.user();
    await onboard(user);
    const account = await accountOf(kit, user);
    for (let index = 0; index < 12; index++) {
      const created = await kit.core.rewards.create(account.id, { name: `R${index} ${"y".repeat(90)}` });
      if (!created.ok) throw new Error(JSON.stringify(created));
    }
    await user.command("edit_reward");
    expect(user.lastMessage()?.text).toBe(`${text("rewards-edit-choose")} (1/2)`);
    expect(user.buttons()).toHaveLength(8 + 2);
    await user.tap("▶️");
    expect(user.lastMessage()?.text).toBe(`${text("rewards-edit-choose")} (2/2)`);
    expect(user.buttons()).toEqual([
      ...Array.from({ length: 4 }, (_, index) => `🎁 R${index + 8} ${"y".repeat(90)}`),
      "◀️",
      text("button-back"),
    ]);
  });
});
