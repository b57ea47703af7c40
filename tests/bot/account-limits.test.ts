// The bot at an account limit, played through the kit: saving a habit or a reward past the limit
// says so in plain words, in the person's language, and stores nothing. The core runs with low
// limits so a test reaches them quickly.
import { accountLimits } from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountOf, createTelegramKit, onboard, type TelegramKit, type TelegramUser } from "../kit/index.js";

const limits = { ...accountLimits, habits: 2, rewards: 1 };

let kit: TelegramKit;
beforeAll(async () => {
  kit = await createTelegramKit({ coreSettings: { limits } });
});
afterAll(() => kit?.close());

const lastText = (user: TelegramUser) => user.lastMessage()?.text ?? "";
const userId = async (user: TelegramUser) => (await accountOf(kit, user)).id;

/** Fills the account's habits up to the limit (one archived: archived ones count). */
async function fillHabits(user: TelegramUser): Promise<void> {
  const id = await userId(user);
  const first = await kit.core.habits.create(id, { name: "Old" });
  if (!first.ok) throw new Error(JSON.stringify(first));
  await kit.core.habits.archive(id, first.value.id);
  if (!(await kit.core.habits.create(id, { name: "Read" })).ok) throw new Error("habit not created");
}

/** /new with the quickest answers, up to the summary: every day, no grace, weight 10, no reminders. */
async function draftHabit(user: TelegramUser, name: string): Promise<void> {
  await user.command("new");
  await user.send(name);
  await user.tap("Every day");
  await user.tap("0");
  await user.tap("10");
  await user.tap("🔕 No reminders");
}

/** The ➕ Add reward flow with the quickest answers, up to the summary. */
async function draftReward(user: TelegramUser, name: string): Promise<void> {
  await user.command("add_reward");
  await user.send(name);
  await user.tap("1");
  await user.tap("1");
  await user.tap("🔁 Yes, again and again");
}

describe("habits past the limit", () => {
  it("at the limit, /new and ➕ New habit say so at once and start no flow", async () => {
    const ann = kit.user();
    await onboard(ann, "UTC");
    await fillHabits(ann);
    await ann.command("new");
    const words =
      "📦 You have 2 habits, the most one account can hold (archived ones count too). " +
      "Delete one you no longer need to make a new one.";
    expect(lastText(ann)).toBe(words);
    await ann.send("Stretch");
    expect(lastText(ann)).toBe("I didn't get that. Use the menu or /help.");
    await ann.command("habits");
    await ann.tap("➕ New habit");
    expect(lastText(ann)).toBe(words);
    expect(await kit.core.habits.list(await userId(ann), "all")).toHaveLength(limits.habits);
  });

  it("habits made meanwhile (through the API): saving one more says the limit and stores nothing", async () => {
    const ann = kit.user();
    await onboard(ann, "UTC");
    await draftHabit(ann, "Stretch");
    await fillHabits(ann);
    await ann.tap("💾 Save");
    expect(lastText(ann)).toBe(
      "📦 You have 2 habits, the most one account can hold (archived ones count too). " +
        "Delete one you no longer need to make a new one.",
    );
    expect((await kit.core.habits.list(await userId(ann), "all")).map((habit) => habit.name).sort()).toEqual([
      "Old",
      "Read",
    ]);
  });

  it.each([
    ["ru", "📦 У вас 2 привычки — это максимум для одного аккаунта (архивные тоже считаются)"],
    ["kk", "📦 Сізде 2 әдет бар — бір аккаунтқа рұқсат етілген ең көп саны (мұрағаттағылар да саналады)"],
  ])("in %s too, at the start and at saving", async (language, words) => {
    const ann = kit.user();
    await onboard(ann, "UTC");
    await draftHabit(ann, "Stretch");
    await fillHabits(ann);
    // The person switches language before saving: the refusal speaks the new one.
    await kit.core.users.updateProfile(await userId(ann), { language });
    await ann.tap("💾 Save");
    expect(lastText(ann)).toContain(words);
    await ann.command("new");
    expect(lastText(ann)).toContain(words);
    expect(await kit.core.habits.list(await userId(ann), "all")).toHaveLength(limits.habits);
  });
});

describe("rewards past the limit", () => {
  it.each([
    ["en", "📦 You have 1 reward, the most one account can hold (inactive ones count too)."],
    ["ru", "📦 У вас 1 награда — это максимум для одного аккаунта (неактивные тоже считаются)"],
    ["kk", "📦 Сізде 1 сыйлық бар — бір аккаунтқа рұқсат етілген ең көп саны (белсенді еместері де саналады)"],
  ])("saving one more reward says the limit (%s), and so does starting one", async (language, words) => {
    const ann = kit.user();
    await onboard(ann, "UTC");
    const id = await userId(ann);
    await draftReward(ann, "Cinema");
    if (!(await kit.core.rewards.create(id, { name: "Coffee", active: false })).ok) throw new Error("no reward");
    await kit.core.users.updateProfile(id, { language });
    await ann.tap("💾 Save");
    expect(lastText(ann)).toContain(words);
    expect((await kit.core.rewards.list(id)).map((reward) => reward.name)).toEqual(["Coffee"]);
    await ann.command("add_reward");
    expect(lastText(ann)).toContain(words);
  });
});
