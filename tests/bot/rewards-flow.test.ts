// The 🎁 Rewards part of the bot, played by Telegram users through the kit: adding a reward (bad
// input, a taken name, a restart, leaving), the list with progress bars, winning a piece by
// completing a habit and claiming it, one-time and recurring claims, the history, activate and
// deactivate, edit, delete with confirmation, and buttons forged for another person's reward.
import type { Reward } from "@habits/core";
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

let kit: TelegramKit;
const random = settableRandom();

beforeAll(async () => {
  kit = await createTelegramKit({ random });
});
afterAll(() => kit?.close());

const stale = "⌛ This button is out of date.";
const lastText = (user: TelegramUser) => user.lastMessage()?.text ?? "";
const lastAnswer = (user: TelegramUser) => user.callbackAnswers().at(-1);
const userId = async (user: TelegramUser) => (await accountOf(kit, user)).id;
const rewardsOf = async (user: TelegramUser) => kit.core.rewards.list(await userId(user));

/** A reward made through the core, as the API would. */
async function rewardFor(user: TelegramUser, name: string, fields: Record<string, unknown> = {}): Promise<Reward> {
  const result = await kit.core.rewards.create(await userId(user), { name, ...fields });
  if (!result.ok) throw new Error(`reward not created: ${JSON.stringify(result)}`);
  return result.value;
}

let habitCount = 0;
/** A new habit completed through the core with a winning roll: the first eligible reward gets a piece. */
async function winPiece(user: TelegramUser): Promise<string | undefined> {
  const id = await userId(user);
  const habit = await kit.core.habits.create(id, { name: `Habit ${++habitCount}` });
  if (!habit.ok) throw new Error(JSON.stringify(habit));
  random.set(0);
  try {
    const done = await kit.core.completions.complete({ userId: id, habitId: habit.value.id, source: "api" });
    if (!done.ok) throw new Error(JSON.stringify(done));
    return done.value.reward.reward?.name;
  } finally {
    random.set(0.99);
  }
}

describe("adding a reward", () => {
  it("walks every step, explains bad input and asks again, and saves", async () => {
    const ann = kit.user();
    await onboard(ann, "UTC");
    await ann.command("add_reward");
    expect(lastText(ann)).toBe(
      "➕ New reward\nWhat will you treat yourself to? Send its name (for example: 🍫 Chocolate, 🎬 Movie night).",
    );
    expect(ann.buttons()).toEqual(["✖️ Cancel"]);

    await ann.send("   ");
    expect(lastText(ann)).toContain("The name can't be empty.");
    await ann.send("x".repeat(101));
    expect(lastText(ann)).toContain("That name is too long: at most 100 characters.");
    expect(lastText(ann)).toContain("What will you treat yourself to?");

    await ann.send("  🍫 Chocolate  ");
    expect(lastText(ann)).toContain("How often should it come up");
    expect(ann.buttons()).toEqual(["1", "2", "5", "✖️ Cancel"]);
    for (const bad of ["lots", "0", "-3", "1001"]) {
      await ann.send(bad);
      expect(lastText(ann)).toContain("The weight must be a number above 0 and at most 1,000, like 2 or 2.5.");
      expect(lastText(ann)).toContain("How often should it come up");
    }
    await ann.send("2,5");

    expect(lastText(ann)).toContain("How many pieces must you collect");
    expect(ann.buttons()).toEqual(["1", "3", "5", "10", "✖️ Cancel"]);
    // A weight button of the step before is out of date now.
    await ann.tap({ data: "rwf|weight|5" });
    expect(lastAnswer(ann)).toBe(stale);
    await ann.send("2.5");
    expect(lastText(ann)).toContain("The pieces must be a whole number from 1 to 1,000.");
    await ann.send("4");

    expect(lastText(ann)).toContain("Can it be won again after you claim it?");
    await ann.send("no");
    expect(lastText(ann)).toContain("👇 Please tap one of the buttons.");
    await ann.tap("1️⃣ No, just once");

    expect(lastText(ann)).toBe(
      "➕ New reward\n🎁 🍫 Chocolate\n⚖️ Weight: 2.5\n🧩 Pieces to collect: 4\n1️⃣ No, just once",
    );
    expect(ann.buttons()).toEqual(["💾 Save", "✖️ Cancel"]);
    await ann.tap("💾 Save");
    expect(lastText(ann)).toContain("✅ Saved!");
    expect(lastText(ann)).toContain("▱▱▱▱ 0/4 · collecting");
    expect(ann.buttons()).toEqual(["✏️ Edit", "⏸ Deactivate", "🗑 Delete", "⬅️ Back"]);

    expect(await rewardsOf(ann)).toMatchObject([
      { name: "🍫 Chocolate", weight: 2.5, piecesRequired: 4, isRecurring: false, active: true },
    ]);
    // Nothing of the flow is left waiting.
    await ann.send("hello");
    expect(lastText(ann)).toBe("I didn't get that. Use the menu or /help.");
  });

  it("starts from the menu's 🎁 Rewards and ➕ Add reward, and continues after a restart", async () => {
    const ann = kit.user();
    await onboard(ann);
    await ann.tap("🎁 Rewards");
    expect(lastText(ann)).toContain("No rewards yet.");
    expect(ann.buttons()).toEqual(["➕ Add reward", "⬅️ Back"]);
    await ann.tap("➕ Add reward");
    expect(ann.lastMessage()?.edited).toBe(true);
    expect(lastText(ann)).toContain("What will you treat yourself to?");
    await kit.restart();
    await ann.send("Movie night");
    await kit.restart();
    await ann.tap("5");
    await kit.restart();
    await ann.tap("10");
    await ann.tap("🔁 Yes, again and again");
    await kit.restart();
    expect(lastText(ann)).toContain("🔁 Yes, again and again");
    await ann.tap("💾 Save");
    expect(await rewardsOf(ann)).toMatchObject([
      { name: "Movie night", weight: 5, piecesRequired: 10, isRecurring: true, active: true },
    ]);
  });

  it("refuses a name an active reward has, at the name step and when saving, and escapes it", async () => {
    const ann = kit.user();
    await rewardFor(ann, "Coffee");
    await rewardFor(ann, "Tea", { active: false });
    await ann.command("add_reward");
    await ann.send(" coffee ");
    expect(lastText(ann)).toContain("You already have an active reward called “coffee”. Choose another name.");
    expect(lastText(ann)).toContain("What will you treat yourself to?");

    await ann.send("<b>Cake</b>");
    expect(ann.messages().every((message) => !(message.html ?? "").includes("<b>Cake</b>"))).toBe(true);
    await ann.tap("1");
    await ann.tap("1");
    await ann.tap("🔁 Yes, again and again");
    expect(lastText(ann)).toContain("<b>Cake</b>");
    expect(ann.lastMessage()?.html).toContain("&lt;b&gt;Cake&lt;/b&gt;");
    // The same name appears meanwhile (the API, another device): refused at save, asked again.
    await rewardFor(ann, "<B>CAKE</B>");
    await ann.tap("💾 Save");
    expect(lastText(ann)).toContain("You already have an active reward called “<b>Cake</b>”");
    expect(lastText(ann)).toContain("What will you treat yourself to?");
    // An inactive reward's name is free.
    await ann.send("Tea");
    expect(lastText(ann)).toContain("🧩 Pieces to collect: 1");
    await ann.tap("💾 Save");
    expect((await rewardsOf(ann)).map((reward) => [reward.name, reward.active])).toEqual([
      ["Coffee", true],
      ["Tea", false],
      ["<B>CAKE</B>", true],
      ["Tea", true],
    ]);
  });

  it("leaves on Cancel, /cancel or another command, saving nothing", async () => {
    const ann = kit.user();
    await onboard(ann, "UTC");
    await ann.command("add_reward");
    await ann.send("Cake");
    await ann.tap("✖️ Cancel");
    expect(lastText(ann)).toBe("OK, nothing saved.");

    await ann.command("add_reward");
    await ann.send("Cake");
    await ann.command("cancel");
    expect(lastText(ann)).toBe("OK, cancelled.");

    await ann.command("add_reward");
    await ann.send("Cake");
    await ann.command("rewards");
    expect(lastText(ann)).toContain("No rewards yet.");
    await ann.send("2");
    expect(lastText(ann)).toBe("I didn't get that. Use the menu or /help.");
    expect(await rewardsOf(ann)).toEqual([]);
  });

  it("leaves the flow for another screen's button; Add and Edit buttons start their flow over", async () => {
    const ann = kit.user();
    await onboard(ann, "UTC");
    await rewardFor(ann, "Coffee");
    await ann.command("rewards");
    await ann.command("add_reward");
    await ann.send("Cake");
    // The rewards list further up still works, and the flow is left.
    await ann.tap("🎁 Coffee");
    expect(lastAnswer(ann)).toBe("");
    expect(ann.messages().some((message) => message.edited && message.text.includes("🏆 Times claimed: 0"))).toBe(true);
    await ann.send("3");
    expect(lastText(ann)).toBe("I didn't get that. Use the menu or /help.");

    // ➕ Add reward in the middle of adding one: it starts over.
    await ann.command("add_reward");
    await ann.send("Cake");
    await ann.tap("⬅️ Back");
    await ann.tap("➕ Add reward");
    // The list's message (further up) turned into the first question.
    expect(ann.messages().some((message) => message.edited && message.text.includes("What will you treat"))).toBe(true);
    await ann.send("Pie");
    expect(lastText(ann)).toContain("How often should it come up");

    // ✏️ Edit on a card in the middle of another flow (a new habit): the edit starts.
    await ann.command("rewards");
    await ann.tap("🎁 Coffee");
    await ann.command("new");
    await ann.tap("✏️ Edit");
    expect(ann.messages().some((message) => message.edited && message.text.includes("✏️ Editing Coffee"))).toBe(true);
    await ann.send("Latte");
    for (let step = 0; step < 3; step++) await ann.tap("⏭ Skip");
    await ann.tap("💾 Save");
    expect((await rewardsOf(ann)).map((reward) => reward.name)).toEqual(["Latte"]);
    expect(await kit.core.habits.list(await userId(ann))).toEqual([]);
  });

  it.each([
    ["ru", "Новая награда", "1️⃣ Нет, один раз", "💾 Сохранить", "✅ Сохранено!"],
    ["kk", "Жаңа сыйлық", "1️⃣ Жоқ, бір рет", "💾 Сақтау", "✅ Сақталды!"],
  ])("speaks %s", async (languageCode, title, once, save, saved) => {
    const person = kit.user({ languageCode });
    await person.command("add_reward");
    expect(lastText(person)).toContain(title);
    await person.send("Кино");
    await person.send("два");
    expect(lastText(person)).toContain(
      htmlToText(kit.bot.i18n.t(languageCode, "reward-invalid-weight", { max: 1000 })),
    );
    await person.send("1,5");
    await person.tap("3");
    await person.tap(once);
    expect(lastText(person)).toContain("1,5");
    await person.tap(save);
    expect(lastText(person)).toContain(saved);
    expect(await rewardsOf(person)).toMatchObject([
      { name: "Кино", weight: 1.5, piecesRequired: 3, isRecurring: false },
    ]);
  });
});

describe("the rewards screen", () => {
  it("lists each reward with its progress bar and status", async () => {
    const ann = kit.user();
    await rewardFor(ann, "Book");
    await rewardFor(ann, "Coffee", { piecesRequired: 4 });
    await rewardFor(ann, "Trip", { piecesRequired: 10, active: false });
    // Winning rolls pick the first eligible reward: Book (then achieved, out of the draw), then Coffee twice.
    expect([await winPiece(ann), await winPiece(ann), await winPiece(ann)]).toEqual(["Book", "Coffee", "Coffee"]);

    for (const command of ["rewards", "list_rewards", "my_rewards"]) {
      await ann.command(command);
      expect(lastText(ann)).toBe(
        [
          "🎁 Your rewards",
          "🏆 Book\n    ▰ 1/1 · 🏆 ready to claim",
          "🎁 Coffee\n    ▰▰▱▱ 2/4 · collecting",
          "⏸ Trip\n    ▱▱▱▱▱▱▱▱▱▱ 0/10 · ⏸ paused",
        ].join("\n\n"),
      );
      expect(ann.buttons()).toEqual(["🏆 Book", "🎁 Coffee", "⏸ Trip", "➕ Add reward", "📜 History", "⬅️ Back"]);
    }
    await ann.tap("🎁 Coffee");
    expect(lastText(ann)).toBe(
      [
        "🎁 Coffee",
        "▰▰▱▱ 2/4 · collecting",
        "⚖️ Weight: 1",
        "🔁 Recurring: it can be won again after you claim it",
        "▶️ Active: your completions can win it",
        "🏆 Times claimed: 0",
      ].join("\n"),
    );
    expect(ann.buttons()).toEqual(["✏️ Edit", "⏸ Deactivate", "🗑 Delete", "⬅️ Back"]);
    await ann.tap("⬅️ Back");
    expect(lastText(ann)).toContain("🎁 Your rewards");
  });

  it("pages a long list", async () => {
    const ann = kit.user();
    for (let index = 1; index <= 10; index++) await rewardFor(ann, `Reward ${index}`);
    await ann.command("rewards");
    expect(lastText(ann)).toContain("🎁 Your rewards (1/2)");
    expect(ann.buttons()).toContain("▶️");
    expect(ann.buttons()).not.toContain("🎁 Reward 9");
    await ann.tap("▶️");
    expect(lastText(ann)).toContain("🎁 Your rewards (2/2)");
    expect(ann.buttons().slice(0, 3)).toEqual(["🎁 Reward 9", "🎁 Reward 10", "◀️"]);
  });
});

describe("winning and claiming", () => {
  it("wins a piece by completing a habit, claims the one-time reward, and refuses a second claim", async () => {
    const ann = kit.user();
    await onboard(ann, "Europe/Berlin");
    const id = await userId(ann);
    await kit.core.habits.create(id, { name: "Read" });
    // Another habit still due, so only the roll decides (no sure win for the day's last habit).
    await kit.core.habits.create(id, { name: "Run" });
    const coffee = await rewardFor(ann, "Coffee", { isRecurring: false });

    random.set(0);
    await ann.command("done");
    await ann.tap("Read");
    random.set(0.99);
    expect(lastText(ann)).toContain("🎁 You won a piece of Coffee! ▰ 1/1");
    expect(lastText(ann)).toContain("🏆 Coffee is yours: claim it in Rewards.");
    // The answer offers the claim at once, above Undo.
    expect(ann.buttons()).toEqual(["⬅️ Back", "🎉 Claim", "↩️ Undo"]);

    await ann.command("rewards");
    await ann.tap("🏆 Coffee");
    expect(lastText(ann)).toContain("▰ 1/1 · 🏆 ready to claim");
    expect(ann.buttons()).toEqual(["🎉 Claim", "✏️ Edit", "⏸ Deactivate", "🗑 Delete", "⬅️ Back"]);
    await ann.tap("🎉 Claim");
    expect(lastAnswer(ann)).toBe("🎉 Claimed!");
    expect(lastText(ann)).toBe(
      "🎉 Coffee is yours! Enjoy it, you've earned it.\nIt was a one-time reward, so it retires now.",
    );
    expect(ann.buttons()).toEqual(["📜 History", "⬅️ Back"]);
    expect(await kit.core.rewards.get(id, coffee.id)).toMatchObject({
      active: false,
      progress: { piecesEarned: 0, claimed: true, timesClaimed: 1 },
    });

    // The old Claim button again: refused, and said so.
    await ann.tap({ data: `rw|${coffee.id}|claim` });
    expect(lastAnswer(ann)).toBe("✅ This reward has already been claimed.");
    expect(await kit.core.rewards.claims(id)).toHaveLength(1);
    await ann.command("claim_reward");
    expect(lastText(ann)).toBe("Nothing to claim yet. Complete your habits to win pieces.");

    // The history, with the claim's time in the person's zone (09:00 UTC is 10:00 in Berlin).
    await ann.command("claimed_rewards");
    expect(lastText(ann)).toBe("📜 Claimed rewards\nMar 10, 2026, 10:00 · Coffee");
    await ann.command("rewards");
    expect(lastText(ann)).toContain("✅ Coffee\n    ▱ 0/1 · ✅ claimed");
    await ann.tap("📜 History");
    expect(lastText(ann)).toBe("📜 Claimed rewards\nMar 10, 2026, 10:00 · Coffee");
  });

  it("claims straight from the done answer", async () => {
    const ann = kit.user();
    await onboard(ann, "Europe/Berlin");
    const id = await userId(ann);
    await kit.core.habits.create(id, { name: "Read" });
    await rewardFor(ann, "Tea", { isRecurring: true });
    random.set(0);
    await ann.command("done");
    await ann.tap("Read");
    random.set(0.99);
    await ann.tap("🎉 Claim");
    expect(lastAnswer(ann)).toBe("🎉 Claimed!");
    expect(await kit.core.rewards.claims(id)).toHaveLength(1);
  });

  it("claims from /claim_reward; a recurring reward is won and claimed again; not achieved is refused", async () => {
    const ann = kit.user();
    await onboard(ann, "Asia/Almaty");
    const id = await userId(ann);
    const walk = await rewardFor(ann, "Walk in the park");
    const trip = await rewardFor(ann, "Trip", { piecesRequired: 3 });
    expect(await winPiece(ann)).toBe("Walk in the park");

    await ann.command("claim_reward");
    expect(lastText(ann)).toBe("🏆 Ready to claim\nTap a reward to claim it.");
    expect(ann.buttons()).toEqual(["🏆 Walk in the park", "⬅️ Back"]);
    await ann.tap("🏆 Walk in the park");
    expect(lastText(ann)).toBe(
      "🎉 Walk in the park is yours! Enjoy it, you've earned it.\n🔁 Collect one piece to win it again.",
    );
    expect(await kit.core.rewards.get(id, walk.id)).toMatchObject({ active: true, progress: { timesClaimed: 1 } });

    await ann.tap({ data: `rw|${trip.id}|claim` });
    expect(lastAnswer(ann)).toBe("⏳ Not yet: 0/3 pieces collected.");

    kit.clock.set("2026-03-11T18:30:00Z");
    try {
      expect(await winPiece(ann)).toBe("Walk in the park");
      await ann.command("rewards");
      await ann.tap("🏆 Walk in the park");
      await ann.tap("🎉 Claim");
      expect(await kit.core.rewards.get(id, walk.id)).toMatchObject({ progress: { timesClaimed: 2, claimed: true } });
      await ann.tap("📜 History");
      // Newest first, in Almaty's time (UTC+5).
      expect(lastText(ann)).toBe(
        "📜 Claimed rewards\nMar 11, 2026, 23:30 · Walk in the park\nMar 10, 2026, 14:00 · Walk in the park",
      );
    } finally {
      kit.clock.set("2026-03-10T09:00:00Z");
    }
  });

  it("shows an empty history", async () => {
    const ann = kit.user();
    await ann.command("claimed_rewards");
    expect(lastText(ann)).toBe("📜 No rewards claimed yet.");
    expect(ann.buttons()).toEqual(["⬅️ Back"]);
  });
});

describe("managing a reward", () => {
  it("deactivates and activates it from its card", async () => {
    const ann = kit.user();
    const coffee = await rewardFor(ann, "Coffee");
    await ann.command("rewards");
    await ann.tap("🎁 Coffee");
    await ann.tap("⏸ Deactivate");
    expect(lastAnswer(ann)).toBe("⏸ Paused: it stays out of the draw until you activate it.");
    expect(lastText(ann)).toContain("⏸ Paused: not in the draw");
    expect(ann.buttons()).toEqual(["✏️ Edit", "▶️ Activate", "🗑 Delete", "⬅️ Back"]);
    expect((await kit.core.rewards.get(await userId(ann), coffee.id))?.active).toBe(false);

    // Meanwhile another active reward took the name: activating is refused.
    const other = await rewardFor(ann, "COFFEE");
    await ann.tap("▶️ Activate");
    expect(lastAnswer(ann)).toBe("An active reward is already called “Coffee”. Rename one of them first.");
    expect((await kit.core.rewards.get(await userId(ann), coffee.id))?.active).toBe(false);

    await kit.core.rewards.delete(await userId(ann), other.id);
    await ann.tap("▶️ Activate");
    expect(lastAnswer(ann)).toBe("▶️ Active: it is back in the draw.");
    expect(ann.buttons()).toEqual(["✏️ Edit", "⏸ Deactivate", "🗑 Delete", "⬅️ Back"]);
    expect((await kit.core.rewards.get(await userId(ann), coffee.id))?.active).toBe(true);
  });

  it("edits it, each step skippable", async () => {
    const ann = kit.user();
    const coffee = await rewardFor(ann, "Coffee", { weight: 2, piecesRequired: 3 });
    await rewardFor(ann, "Tea");
    await ann.command("edit_reward");
    expect(lastText(ann)).toBe("✏️ Which reward do you want to edit?");
    await ann.tap("🎁 Coffee");
    expect(lastText(ann)).toContain("✏️ Editing Coffee");
    expect(lastText(ann)).toContain("Now: Coffee");
    expect(ann.buttons()).toEqual(["⏭ Skip", "✖️ Cancel"]);
    await ann.send("tea");
    expect(lastText(ann)).toContain("You already have an active reward called “tea”.");
    await ann.tap("⏭ Skip");
    expect(lastText(ann)).toContain("Now: 2");
    await ann.send("7");
    expect(lastText(ann)).toContain("Now: 3");
    await ann.tap("⏭ Skip");
    expect(lastText(ann)).toContain("Now: 🔁 Yes, again and again");
    await ann.tap("⏭ Skip");
    expect(lastText(ann)).toContain("⚖️ Weight: 7");
    expect(lastText(ann)).toContain("🧩 Pieces to collect: 3");
    await ann.tap("💾 Save");
    expect(lastText(ann)).toContain("✅ Saved!");
    expect(lastText(ann)).toContain("⚖️ Weight: 7");
    expect(await kit.core.rewards.get(await userId(ann), coffee.id)).toMatchObject({
      name: "Coffee",
      weight: 7,
      piecesRequired: 3,
      isRecurring: true,
    });

    // From the card's Edit: a new name.
    await ann.tap("✏️ Edit");
    await ann.send("Espresso");
    for (let step = 0; step < 3; step++) await ann.tap("⏭ Skip");
    await ann.tap("💾 Save");
    expect(await kit.core.rewards.get(await userId(ann), coffee.id)).toMatchObject({ name: "Espresso", weight: 7 });
  });

  it("deletes only after confirmation, and asks again when it holds unclaimed pieces", async () => {
    const ann = kit.user();
    const id = await userId(ann);
    const cinema = await rewardFor(ann, "Cinema", { piecesRequired: 3 });
    expect(await winPiece(ann)).toBe("Cinema");
    await ann.command("rewards");
    await ann.tap("🎁 Cinema");
    await ann.tap("🗑 Delete");
    expect(lastText(ann)).toBe("🗑 Delete Cinema?");
    expect(ann.buttons()).toEqual(["🗑 Yes, delete", "↩️ No, keep it"]);
    await ann.tap("↩️ No, keep it");
    expect(lastText(ann)).toContain("▰▱▱ 1/3 · collecting");

    await ann.tap("🗑 Delete");
    await ann.tap("🗑 Yes, delete");
    expect(lastText(ann)).toBe("⚠️ Cinema holds an unclaimed piece. It will be lost. Delete it anyway?");
    expect(ann.buttons()).toEqual(["🗑 Delete with its pieces", "↩️ No, keep it"]);
    expect(await kit.core.rewards.get(id, cinema.id)).toBeDefined();
    await ann.tap("🗑 Delete with its pieces");
    expect(lastText(ann)).toBe("🗑 Cinema deleted.");
    expect(await kit.core.rewards.get(id, cinema.id)).toBeUndefined();
    await ann.tap({ data: `rw|${cinema.id}|delete-force` });
    expect(lastAnswer(ann)).toBe(stale);

    // Without pieces, one confirmation is enough.
    const cake = await rewardFor(ann, "Cake");
    await ann.command("rewards");
    await ann.tap("🎁 Cake");
    await ann.tap("🗑 Delete");
    await ann.tap("🗑 Yes, delete");
    expect(lastText(ann)).toBe("🗑 Cake deleted.");
    expect(await kit.core.rewards.get(id, cake.id)).toBeUndefined();
    await ann.tap("⬅️ Back");
    expect(lastText(ann)).toContain("No rewards yet.");
  });

  it("ignores forged buttons for another person's reward", async () => {
    const bob = kit.user();
    const secret = await rewardFor(bob, "Bob's secret reward");
    expect(await winPiece(bob)).toBe("Bob's secret reward");
    const ann = kit.user();
    await onboard(ann, "UTC");
    await ann.command("rewards");
    const actions = ["open", "claim", "edit", "on", "off", "delete", "delete-yes", "delete-force", "bogus"];
    for (const action of actions) {
      await ann.tap({ data: `rw|${secret.id}|${action}` });
      expect(lastAnswer(ann)).toBe(stale);
    }
    for (const data of ["rw|not-an-id|open", "rw|open", "rws|page-x", "rws|nothing", "rwf|summary|save"]) {
      await ann.tap({ data });
      expect(lastAnswer(ann)).toBe(stale);
    }
    expect(await kit.core.rewards.get(await userId(bob), secret.id)).toMatchObject({
      name: "Bob's secret reward",
      active: true,
      progress: { piecesEarned: 1, claimed: false, timesClaimed: 0 },
    });
    expect(await kit.core.rewards.claims(await userId(bob))).toEqual([]);
    for (const message of ann.messages()) expect(message.text).not.toContain("secret");
    // Ann is in no flow: free text gets the usual hint.
    await ann.send("hello");
    expect(lastText(ann)).toBe("I didn't get that. Use the menu or /help.");
  });
});
