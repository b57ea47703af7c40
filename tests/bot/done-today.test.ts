import { dayLabel } from "@habits/bot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountOf,
  createTelegramKit,
  htmlToText,
  onboard,
  settableRandom,
  type TelegramKit,
  type TelegramUser,
} from "../kit/index.js";
import { dialect } from "../support/test-database.js";

const languages = ["en", "ru", "kk"] as const;

describe(`done today on ${dialect}`, () => {
  let kit: TelegramKit;
  const random = settableRandom();
  beforeAll(async () => {
    kit = await createTelegramKit({ random });
  });
  afterAll(async () => kit?.close());

  const text = (language: string, key: string, args?: Record<string, string | number>) =>
    htmlToText(kit.bot.i18n.t(language, key, args));

  /** An onboarded person (Berlin) with habits made through the core, as /new will make them. */
  async function personWith(language: string, habits: string[], reward?: { name: string; pieces: number }) {
    const user = kit.user({ languageCode: language });
    await onboard(user);
    const account = await accountOf(kit, user);
    const ids: string[] = [];
    for (const name of habits) {
      const created = await kit.core.habits.create(account.id, { name });
      if (!created.ok) throw new Error(JSON.stringify(created));
      ids.push(created.value.id);
    }
    if (reward) await kit.core.rewards.create(account.id, { name: reward.name, piecesRequired: reward.pieces });
    return { user, account, ids };
  }

  const dueNames = async (userId: string) => (await kit.core.completions.dueToday(userId))?.due.map((h) => h.name);

  describe.each(languages)("in %s", (language) => {
    it("logs a tap with the streak and the reward won, and Undo takes it back", async () => {
      const { user, account } = await personWith(language, ["Read", "Run"], { name: "Coffee", pieces: 3 });
      random.set(0);
      await user.command("done");
      const progress = (bar: string, done: number) => text(language, "done-today-progress", { bar, done, total: 2 });
      expect(user.lastMessage()?.text).toBe(`${text(language, "done-title")}\n${progress("▱▱", 0)}`);
      expect(user.buttons().slice(0, 2)).toEqual(["Read", "Run"]);
      expect(user.buttons().at(-1)).toBe(text(language, "button-back"));

      await user.tap("Read");
      const logged = user.lastMessage();
      expect(logged?.edited).toBe(true);
      expect(logged?.text).toBe(
        [
          text(language, "done-logged", { habit: "Read", streak: 1 }),
          text(language, "done-reward-won", { reward: "Coffee", bar: "▰▱▱", earned: 1, required: 3 }),
          progress("▰▱", 1),
        ].join("\n"),
      );
      // Back first, where "Read" was: a second tap of the same spot does not undo.
      expect(user.buttons()).toEqual([text(language, "button-back"), text(language, "button-undo")]);
      expect(await dueNames(account.id)).toEqual(["Run"]);
      expect((await kit.core.rewards.list(account.id))[0]?.progress.piecesEarned).toBe(1);

      await user.tap(text(language, "button-undo"));
      expect(user.lastMessage()?.text).toBe(
        [
          text(language, "undo-done", { habit: "Read", date: dayLabel(language, "2026-03-10", "long") }),
          text(language, "undo-reward-taken", { reward: "Coffee" }),
        ].join("\n"),
      );
      expect(await dueNames(account.id)).toEqual(["Read", "Run"]);
      expect((await kit.core.rewards.list(account.id))[0]?.progress.piecesEarned).toBe(0);
      expect(user.callbackAnswers()).toEqual(["", ""]);

      // The same Undo again (a stale copy of the button): nothing left to undo, and the answer says so.
      const undoButton = user
        .calls()
        .flatMap(
          (call) =>
            (call.payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] })?.inline_keyboard ?? [],
        )
        .flat()
        .find((button) => button.callback_data?.startsWith("undo|"));
      await user.tap({ data: undoButton?.callback_data ?? "missing" });
      expect(user.callbackAnswers().at(-1)).toBe(text(language, "undo-nothing"));
      expect(await dueNames(account.id)).toEqual(["Read", "Run"]);
    });

    it("says when no reward was won, and cheers when nothing is left", async () => {
      const { user, account } = await personWith(language, ["Stretch"], { name: "Cake", pieces: 2 });
      await kit.core.users.updateProfile(account.id, { rewardOdds: { guaranteeLastHabit: false } });
      random.set(0.99);
      await user.command("done");
      await user.tap("Stretch");
      const progress = text(language, "done-today-progress", { bar: "▰", done: 1, total: 1 });
      expect(user.lastMessage()?.text).toBe(
        [
          text(language, "done-logged", { habit: "Stretch", streak: 1 }),
          text(language, "done-no-reward"),
          progress,
        ].join("\n"),
      );
      await user.tap(text(language, "button-back"));
      expect(user.lastMessage()?.text).toBe(`${text(language, "done-nothing-due")}\n${progress}`);
    });

    it("answers a second tap on a habit already done today and changes nothing", async () => {
      const { user, account } = await personWith(language, ["Walk"]);
      await user.command("done");
      await user.command("done");
      await user.tap("Walk");
      const before = user.messages();
      // The first list is still on screen with its Walk button.
      const firstList = before.find((message) => message.inlineButtons.flat().includes("Walk"));
      expect(firstList).toBeDefined();
      await user.tap("Walk");
      expect(user.callbackAnswers().at(-1)).toBe(
        text(language, "error-already-completed", { date: dayLabel(language, "2026-03-10", "long") }),
      );
      expect(user.messages()).toEqual(before);
      expect(
        await kit.core.completions.list(account.id, (await kit.core.habits.list(account.id))[0]?.id ?? ""),
      ).toHaveLength(1);
    });

    it("tells a person without habits how to make one", async () => {
      const user = kit.user({ languageCode: language });
      await onboard(user);
      await user.tap(text(language, "menu-done"));
      expect(user.lastMessage()?.text).toBe(text(language, "done-no-habits"));
    });
  });

  it("logs a double tap once", async () => {
    const { user, account, ids } = await personWith("en", ["Jog"]);
    await user.command("done");
    await Promise.all([user.tap("Jog"), user.tap("Jog")]);
    expect(await kit.core.completions.list(account.id, ids[0] ?? "")).toHaveLength(1);
    expect(user.callbackAnswers()).toEqual([
      "",
      text("en", "error-already-completed", { date: dayLabel("en", "2026-03-10", "long") }),
    ]);
  });

  it("counts the streak on over days", async () => {
    const { user } = await personWith("en", ["Floss"]);
    const tapDone = async (person: TelegramUser) => {
      await person.command("done");
      await person.tap("Floss");
    };
    await tapDone(user);
    kit.clock.set("2026-03-11T09:00:00Z");
    try {
      await tapDone(user);
      expect(user.lastMessage()?.text).toContain(text("en", "done-logged", { habit: "Floss", streak: 2 }));
    } finally {
      kit.clock.set("2026-03-10T09:00:00Z");
    }
  });

  it("/undo and the seed's /revert_habit take back a habit's latest completion, even a backdated one", async () => {
    const { user, account, ids } = await personWith("en", ["Read", "Run", "Nap"], { name: "Tea", pieces: 5 });
    const [read, run] = ids as [string, string];
    random.set(0);
    await kit.core.completions.complete({ userId: account.id, habitId: read, date: "2026-03-08", source: "api" });
    await kit.core.completions.complete({ userId: account.id, habitId: read, source: "api" });
    await kit.core.completions.complete({ userId: account.id, habitId: run, date: "2026-03-09", source: "api" });
    expect((await kit.core.rewards.list(account.id))[0]?.progress.piecesEarned).toBe(3);

    await user.command("undo");
    expect(user.lastMessage()?.text).toBe(text("en", "undo-pick"));
    // Nap was never done: no button for it.
    expect(user.buttons()).toEqual([
      text("en", "undo-pick-button", { habit: "Read", day: dayLabel("en", "2026-03-10") }),
      text("en", "undo-pick-button", { habit: "Run", day: dayLabel("en", "2026-03-09") }),
      text("en", "button-back"),
    ]);
    await user.tap(text("en", "undo-pick-button", { habit: "Run", day: dayLabel("en", "2026-03-09") }));
    expect(user.lastMessage()?.text).toContain(
      text("en", "undo-done", { habit: "Run", date: dayLabel("en", "2026-03-09", "long") }),
    );
    expect(await kit.core.completions.list(account.id, run)).toEqual([]);
    expect((await kit.core.rewards.list(account.id))[0]?.progress.piecesEarned).toBe(2);

    await user.command("revert_habit");
    expect(user.buttons()).toEqual([
      text("en", "undo-pick-button", { habit: "Read", day: dayLabel("en", "2026-03-10") }),
      text("en", "button-back"),
    ]);
    await user.tap(text("en", "undo-pick-button", { habit: "Read", day: dayLabel("en", "2026-03-10") }));
    expect((await kit.core.completions.list(account.id, read))?.map((item) => item.date)).toEqual(["2026-03-08"]);
  });

  it("/undo with nothing logged says so", async () => {
    const { user } = await personWith("en", ["Swim"]);
    await user.command("undo");
    expect(user.lastMessage()?.text).toBe(text("en", "undo-nothing-logged"));
    expect(user.buttons()).toEqual([text("en", "button-back")]);
  });

  it("logs a measurable habit (made through the API) at its target with one tap", async () => {
    const { user, account } = await personWith("en", []);
    const created = await kit.core.habits.create(account.id, {
      name: "Walk",
      type: "measurable",
      target: { value: 5, unit: "km" },
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    await user.command("done");
    await user.tap("Walk");
    expect(user.lastMessage()?.text).toContain(text("en", "done-logged", { habit: "Walk", streak: 1 }));
    expect((await kit.core.completions.list(account.id, created.value.id))?.map((item) => item.value)).toEqual([5]);
    expect(await dueNames(account.id)).toEqual([]);
  });

  it("a weekly habit done today leaves the list for today and answers with its week's count", async () => {
    const { user, account } = await personWith("en", ["Read"]);
    const gym = await kit.core.habits.create(account.id, {
      name: "Gym",
      frequency: { type: "weekly", timesPerPeriod: 3 },
    });
    // Tuesday: a Mon/Wed habit is not due, so it is not one of today's.
    await kit.core.habits.create(account.id, { name: "Swim", exemptWeekdays: [2, 4, 5, 6, 7] });
    if (!gym.ok) throw new Error(JSON.stringify(gym));
    await user.command("done");
    const progress = (bar: string, done: number) => text("en", "done-today-progress", { bar, done, total: 2 });
    expect(user.lastMessage()?.text).toBe(`${text("en", "done-title")}\n${progress("▱▱", 0)}`);
    expect(user.buttons().slice(0, 2)).toEqual(["Read", "Gym"]);

    await user.tap("Gym");
    expect(user.lastMessage()?.text).toContain(
      text("en", "done-logged-period", { habit: "Gym", done: 1, target: 3, period: "this-week" }),
    );
    expect(user.lastMessage()?.text).toContain(progress("▰▱", 1));
    // No reward set up yet: the answer says how to get one.
    expect(user.lastMessage()?.text).toContain(text("en", "done-add-a-reward"));
    expect(user.lastMessage()?.text).not.toContain(text("en", "done-no-reward"));
    await user.command("done");
    expect(user.buttons()[0]).toBe("Read");
    expect(user.buttons()).not.toContain("Gym");

    await user.tap("Read");
    await user.command("done");
    expect(user.lastMessage()?.text).toBe(`${text("en", "done-nothing-due")}\n${progress("▰▰", 2)}`);
  });

  it("a person whose habits are none of today's is told nothing is left, without a progress line", async () => {
    const { user } = await personWith("en", []);
    const account = await accountOf(kit, user);
    await kit.core.habits.create(account.id, { name: "Swim", exemptWeekdays: [2, 4, 5, 6, 7] });
    await user.command("done");
    expect(user.lastMessage()?.text).toBe(text("en", "done-nothing-due"));
  });

  it("a weekly habit logged for a day of last week counts in that week", async () => {
    const { user, account } = await personWith("en", []);
    await kit.core.habits.create(account.id, { name: "Gym", frequency: { type: "weekly", timesPerPeriod: 2 } });
    await user.command("backdate");
    await user.tap("Gym");
    // Tuesday 2026-03-10: Sunday the 8th is last week.
    await user.tap(dayLabel("en", "2026-03-08"));
    await user.tap(text("en", "backdate-confirm-yes"));
    expect(user.lastMessage()?.text).toContain(
      text("en", "done-logged-period", { habit: "Gym", done: 1, target: 2, period: "that-week" }),
    );
  });

  it("a redo after the day's piece was claimed says the day already won it, not that a piece was won", async () => {
    const { user, account, ids } = await personWith("en", ["Read"], { name: "Tea", pieces: 1 });
    random.set(0);
    await user.command("done");
    await user.tap("Read");
    await user.tap(text("en", "reward-button-claim"));
    await user.command("undo");
    await user.tap(text("en", "undo-pick-button", { habit: "Read", day: dayLabel("en", "2026-03-10") }));
    await user.command("done");
    await user.tap("Read");
    expect(user.lastMessage()?.text).toContain(text("en", "done-reward-kept", { reward: "Tea" }));
    expect(user.lastMessage()?.text).not.toContain(
      text("en", "done-reward-won", { reward: "Tea", bar: "▱", earned: 0, required: 1 }),
    );
    expect(await kit.core.completions.list(account.id, ids[0] ?? "")).toHaveLength(1);
    random.set(0.99);
  });
});
