// Parity: the same four days of a habit tracker's life, played once in the Telegram bot (through
// the test kit) and once through the REST API, on one database, clock and random source. Both end
// in the same data (completions, streaks, reward pieces and claims) and the same figures. Then the
// bot's person signs in to the API with a login code the bot sent, and the API shows their account
// as the bot left it.
import { dayLabel } from "@habits/bot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "../api/support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "../api/support/api-harness.js";
import { accountOf, createTelegramKit, onboard, type TelegramKit, type TelegramUser } from "../kit/index.js";

let running: RunningApi;
let kit: TelegramKit;
beforeAll(async () => {
  // The API's core rolls 0.99: a draw is won only when it is sure (the day's last habit).
  running = await startApi({ now: "2026-03-10T12:00:00Z" });
  kit = await createTelegramKit({
    clock: running.clock,
    random: { next: () => 0.99 },
    database: { database: running.database },
  });
});
afterAll(async () => {
  await kit?.close();
  await running?.close();
});

const day = (date: string) => running.clock.set(`${date}T12:00:00Z`);

/** The bot's side: menus and flows, as a person taps them. */
async function playInTheBot(user: TelegramUser): Promise<void> {
  day("2026-03-10");
  await onboard(user, "Europe/Berlin");
  await user.command("new");
  await user.send("Read");
  await user.tap("Every day");
  await user.tap("0");
  await user.tap("10");
  await user.tap("🔕 No reminders");
  await user.tap("💾 Save");
  await user.command("add_reward");
  await user.send("Coffee");
  await user.tap("1");
  await user.send("2");
  await user.tap("🔁 Yes, again and again");
  await user.tap("💾 Save");
  await user.command("done");
  await user.tap("Read");

  day("2026-03-11");
  await user.command("done");
  await user.tap("Read");
  await user.tap("🎉 Claim");

  day("2026-03-13");
  await user.command("done");
  await user.tap("Read");
  await user.command("backdate");
  await user.tap("Read");
  await user.tap("Yesterday");
  await user.tap("✅ Yes, log it");
  // Undo the 13th, and log it again: the same draw, no second roll.
  await user.command("undo");
  await user.tap(`Read · ${dayLabel("en", "2026-03-13")}`);
  await user.command("done");
  await user.tap("Read");
}

/** The API's side: the same actions as requests. */
async function playThroughTheApi(token: string): Promise<void> {
  const { api } = running;
  day("2026-03-10");
  expect((await api.patch("/api/v1/users/me", { timezone: "Europe/Berlin" }, { token })).status).toBe(200);
  const habit = await api.post("/api/v1/habits", { name: "Read" }, { token });
  expect(habit.status).toBe(201);
  const reward = await api.post("/api/v1/rewards", { name: "Coffee", piecesRequired: 2 }, { token });
  expect(reward.status).toBe(201);
  const completions = `/api/v1/habits/${habit.body.id}/completions`;
  expect((await api.post(completions, {}, { token })).status).toBe(201);

  day("2026-03-11");
  expect((await api.post(completions, {}, { token })).status).toBe(201);
  expect((await api.post(`/api/v1/rewards/${reward.body.id}/claim`, undefined, { token })).status).toBe(200);

  day("2026-03-13");
  expect((await api.post(completions, {}, { token })).status).toBe(201);
  expect((await api.post(completions, { date: "2026-03-12" }, { token })).status).toBe(201);
  expect((await api.delete(`${completions}/2026-03-13`, { token })).status).toBeLessThan(300);
  expect((await api.post(completions, {}, { token })).status).toBe(201);
}

const withoutIds = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, item: unknown) => (key === "habitId" ? undefined : item)));

/** What the two must agree on: the data and the figures, without ids, times and sources. */
async function stateOf(userId: string) {
  const { core } = running;
  const [habit] = await core.habits.list(userId, "all");
  const [reward] = await core.rewards.list(userId);
  if (!habit || !reward) throw new Error("the session made no habit or no reward");
  const completions = (await core.completions.list(userId, habit.id)) ?? [];
  return {
    habit: {
      name: habit.name,
      frequency: habit.frequency,
      weight: habit.weight,
      allowedSkipDays: habit.allowedSkipDays,
    },
    completions: completions.map(({ date, value, streak, totalWeight, winChance }) => ({
      date,
      value,
      streak,
      totalWeight,
      winChance,
    })),
    streak: await core.completions.streakOf(userId, habit.id),
    reward: { name: reward.name, piecesRequired: reward.piecesRequired, progress: reward.progress },
    claims: (await core.rewards.claims(userId)).map((claim) => claim.rewardName),
    // The overview names habits by id, which differ: compared without them.
    overview: withoutIds(await core.analytics.overview(userId, { from: "2026-03-10", to: "2026-03-13" })),
  };
}

describe("the bot and the API", () => {
  it("end a scripted session in the same state and figures, and the API shows the bot's account as it is", async () => {
    const ann = kit.user({ firstName: "Ann" });
    await playInTheBot(ann);
    const annAccount = await accountOf(kit, ann);

    const ben = await registerAccount(running.api);
    await playThroughTheApi(ben.accessToken);

    const inTheBot = await stateOf(annAccount.id);
    const throughTheApi = await stateOf(ben.user.id);
    expect(throughTheApi).toEqual(inTheBot);
    // And they are the figures the rules give: 4 days in a row, two pieces won and claimed once,
    // the 13th's piece taken back by the undo and given again by the redo of the same draw.
    expect(inTheBot.completions.map((item) => [item.date, item.streak])).toEqual([
      ["2026-03-10", 1],
      ["2026-03-11", 2],
      ["2026-03-12", 3],
      ["2026-03-13", 4],
    ]);
    expect(inTheBot.streak).toMatchObject({ current: 4, longest: 4 });
    expect(inTheBot.reward.progress).toEqual({ piecesEarned: 1, claimed: false, timesClaimed: 1 });
    expect(inTheBot.claims).toEqual(["Coffee"]);

    // Ann signs in to the API with a code the bot sends her, and sees what the bot shows.
    const telegramId = annAccount.telegram?.id;
    expect((await running.api.post("/api/v1/auth/telegram/code", { telegramId })).status).toBe(202);
    await running.background.idle();
    const code = running.sentLoginCodes.at(-1)?.code;
    const signedIn = await running.api.post("/api/v1/auth/telegram/verify", { telegramId, code });
    expect(signedIn.status).toBe(200);
    const token: string = signedIn.body.accessToken;
    const streaks = await running.api.get("/api/v1/streaks", { token });
    const [streak] = (streaks.body.items ?? streaks.body) as Json[];
    expect(streak).toMatchObject({ current: 4, longest: 4, lastCompletedDate: "2026-03-13" });
    const rewards = await running.api.get("/api/v1/rewards", { token });
    const [coffee] = rewards.body.items as Json[];
    expect(coffee.progress).toMatchObject({ piecesEarned: 1, piecesRequired: 2, timesClaimed: 1 });
  });
});
