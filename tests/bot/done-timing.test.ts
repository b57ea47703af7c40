// How long one ✅ tap takes end to end in the kit (grammY's update handling, the core on the
// database, the fake Telegram). Printed, not asserted: machines differ.
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { accountOf, createTelegramKit, onboard, type TelegramKit } from "../kit/index.js";
import { dialect } from "../support/test-database.js";

const taps = 20;
let kit: TelegramKit;
beforeAll(async () => {
  kit = await createTelegramKit();
});
afterAll(async () => kit?.close());

it(`measures a done tap on ${dialect}`, async () => {
  const user = kit.user();
  await onboard(user);
  const account = await accountOf(kit, user);
  await kit.core.rewards.create(account.id, { name: "Coffee", piecesRequired: 5 });
  const names = Array.from({ length: taps + 1 }, (_, index) => `Habit ${index + 1}`);
  for (const name of names) await kit.core.habits.create(account.id, { name });

  const durations: number[] = [];
  for (const [index, name] of names.entries()) {
    await user.command("done");
    const started = performance.now();
    await user.tap(name);
    // The first tap warms up the code paths; it is not counted.
    if (index > 0) durations.push(performance.now() - started);
    expect(user.lastMessage()?.text).toContain(`${name} done!`);
  }
  const average = durations.reduce((sum, value) => sum + value, 0) / durations.length;
  const sorted = [...durations].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(
    `done tap on ${dialect}: average ${average.toFixed(1)} ms, median ${median.toFixed(1)} ms, ` +
      `max ${(sorted.at(-1) ?? 0).toFixed(1)} ms over ${durations.length} taps`,
  );
});
