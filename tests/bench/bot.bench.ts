// What a person waits for in the chat, end to end in the Telegram kit: grammY's update handling,
// the core on a real database (SQLite by default, DATABASE_URL for PostgreSQL), the fake Telegram.
// `pnpm bench`; the figures go in the README, never into assertions (these machines are noisy).
import { addDays, type LocalDate } from "@habits/core";
import { afterAll, bench, describe } from "vitest";
import { accountOf, createTelegramKit, onboard } from "../kit/index.js";
import { dialect } from "../support/test-database.js";

const kit = await createTelegramKit();
afterAll(() => kit.close());

const user = kit.user();
await onboard(user);
const account = await accountOf(kit, user);
await kit.core.rewards.create(account.id, { name: "Coffee", piecesRequired: 5 });
const habitIds: string[] = [];
for (const name of ["Read", "Run", "Stretch", "Water", "Journal"]) {
  const created = await kit.core.habits.create(account.id, { name });
  if (created.ok) habitIds.push(created.value.id);
}
const [readId] = habitIds as [string];

// Each tap is on a new day (the clock moves a day a tap), so every tap logs a completion, its
// streak, the reward draw and today's progress, with a history that grows like a real one.
let day: LocalDate = "2026-03-10";
const nextDay = () => {
  day = addDays(day, 1);
  kit.clock.set(`${day}T09:00:00Z`);
};

describe(`the chat on ${dialect}`, () => {
  bench(
    "✅ a done tap (log, streak, draw, answer)",
    async () => {
      nextDay();
      await user.tap({ data: `done|${readId}` });
    },
    { iterations: 200, warmupIterations: 10 },
  );
  bench("/done: the list of what is still due", () => user.command("done"), { iterations: 200 });
  bench("/stats: success rates and streaks", () => user.command("stats"), { iterations: 100 });
});
