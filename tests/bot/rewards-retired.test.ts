// A one-time reward, once claimed, is retired: its card offers no ▶️ Activate, and a stale
// Activate button is refused with the reason (in the seed, reactivating let it be claimed twice).
import { afterAll, beforeAll, expect, it } from "vitest";
import { accountOf, createTelegramKit, htmlToText, onboard, type TelegramKit } from "../kit/index.js";

let kit: TelegramKit;
beforeAll(async () => {
  kit = await createTelegramKit({ random: { next: () => 0 } });
});
afterAll(() => kit?.close());

const text = (key: string, args?: Record<string, string | number>) => htmlToText(kit.bot.i18n.t("en", key, args));

it("a claimed one-time reward cannot be activated again, from its card or an old button", async () => {
  const ann = kit.user();
  await onboard(ann);
  const account = await accountOf(kit, ann);
  const reward = await kit.core.rewards.create(account.id, { name: "Movie night", isRecurring: false });
  const habit = await kit.core.habits.create(account.id, { name: "Read" });
  if (!reward.ok || !habit.ok) throw new Error("setup failed");
  // An Activate button of the reward while it was paused, before it was won and claimed.
  await kit.core.rewards.update(account.id, reward.value.id, { active: false });
  await ann.command("rewards");
  await ann.tap(`⏸ Movie night`);
  expect(ann.buttons()).toContain(text("reward-button-activate"));
  await ann.tap(text("reward-button-activate"));

  await ann.command("done");
  await ann.tap("Read");
  await ann.tap(text("reward-button-claim"));
  expect((await kit.core.rewards.get(account.id, reward.value.id))?.progress.timesClaimed).toBe(1);

  await ann.command("rewards");
  await ann.tap("✅ Movie night");
  expect(ann.buttons()).not.toContain(text("reward-button-activate"));
  expect(ann.buttons()).not.toContain(text("reward-button-deactivate"));

  await ann.tap({ data: `rw|${reward.value.id}|on` });
  expect(ann.callbackAnswers().at(-1)).toBe(text("reward-activate-claimed"));
  expect((await kit.core.rewards.get(account.id, reward.value.id))?.active).toBe(false);
});
