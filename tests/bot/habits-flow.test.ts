// The habits flows of the bot, played by Telegram users through the kit: /new from the first step
// to a saved habit (and across a restart), bad input at every step, the 🧩 Habits screen with its
// card, edit, archive, unarchive and delete, and buttons forged for another person's habit.
import type { Habit } from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountOf as accountIn,
  createTelegramKit,
  onboard,
  type TelegramKit,
  type TelegramUser,
} from "../kit/index.js";

let kit: TelegramKit;

beforeAll(async () => {
  kit = await createTelegramKit();
});
afterAll(() => kit.close());

const accountOf = async (user: TelegramUser) => (await accountIn(kit, user)).id;
const habitsOf = async (user: TelegramUser, status: "active" | "archived" | "all" = "all") =>
  kit.core.habits.list(await accountOf(user), status);
const lastText = (user: TelegramUser) => user.lastMessage()?.text ?? "";
const lastAnswer = (user: TelegramUser) => user.callbackAnswers().at(-1);

/** A habit made through the core, as the API would. */
async function habitFor(user: TelegramUser, name: string, fields: Record<string, unknown> = {}): Promise<Habit> {
  const result = await kit.core.habits.create(await accountOf(user), { name, ...fields });
  if (!result.ok) throw new Error(`habit not created: ${JSON.stringify(result)}`);
  return result.value;
}

/** /new with the quickest answers: every day, no grace, weight 10, no reminders. */
async function createThroughBot(user: TelegramUser, name: string): Promise<void> {
  await user.command("new");
  await user.send(name);
  await user.tap("Every day");
  await user.tap("0");
  await user.tap("10");
  await user.tap("🔕 No reminders");
  await user.tap("💾 Save");
}

describe("/new", () => {
  it("walks every step and saves the habit with the chosen fields", async () => {
    const ann = kit.user();
    await onboard(ann, "UTC");
    await ann.command("new");
    expect(lastText(ann)).toContain("New habit");
    expect(lastText(ann)).toContain("What's the habit?");

    await ann.send("  🏃 Morning run  ");
    expect(ann.buttons()).toEqual([
      "Every day",
      "Weekdays (Mon–Fri)",
      "Custom days",
      "N times a week",
      "N times a month",
      "✖️ Cancel",
    ]);

    await ann.tap("Custom days");
    await ann.tap("✅ Done");
    expect(lastAnswer(ann)).toBe("Pick at least one day.");
    await ann.tap("Mon");
    await ann.tap("Wed");
    await ann.tap("Sat");
    await ann.tap("✅ Sat");
    expect(ann.buttons().slice(0, 7)).toEqual(["✅ Mon", "Tue", "✅ Wed", "Thu", "Fri", "Sat", "Sun"]);
    await ann.tap("✅ Done");

    expect(lastText(ann)).toContain("Grace days");
    await ann.tap("2");
    expect(lastText(ann)).toContain("Weight");
    await ann.send("35");

    expect(lastText(ann)).toContain("Reminders");
    await ann.tap("08:00");
    await ann.tap("20:00");
    await ann.tap("✅ 20:00");
    await ann.send("21:15, 7:05");
    expect(lastText(ann)).toContain("Chosen: 07:05, 08:00, 21:15");
    await ann.tap("✅ Done");

    const summary = lastText(ann);
    for (const line of ["🏃 Morning run", "On Mon, Wed", "Grace days: 2", "Weight: 35", "07:05, 08:00, 21:15"]) {
      expect(summary).toContain(line);
    }
    expect(ann.buttons()).toEqual(["💾 Save", "✖️ Cancel"]);
    await ann.tap("💾 Save");
    expect(lastText(ann)).toContain("Habit 🏃 Morning run created!");

    const [habit, ...others] = await habitsOf(ann);
    expect(others).toEqual([]);
    expect(habit).toMatchObject({
      name: "🏃 Morning run",
      frequency: { type: "daily", timesPerPeriod: 1 },
      exemptWeekdays: [2, 4, 5, 6, 7],
      allowedSkipDays: 2,
      weight: 35,
      reminders: [
        { time: "07:05", weekdays: [] },
        { time: "08:00", weekdays: [] },
        { time: "21:15", weekdays: [] },
      ],
    });
    // Nothing of the flow is left waiting: free text gets the usual hint.
    await ann.send("hello");
    expect(lastText(ann)).toBe("I didn't get that. Use the menu or /help.");
  });

  it("saves weekdays, N times a week and N times a month schedules", async () => {
    const ann = kit.user();
    await ann.command("new");
    await ann.send("Work out");
    await ann.tap("Weekdays (Mon–Fri)");
    await ann.tap("1");
    await ann.tap("20");
    await ann.tap("🔕 No reminders");
    expect(lastText(ann)).toContain("Weekdays (Mon–Fri)");
    await ann.tap("💾 Save");

    await ann.command("new_habit");
    await ann.send("Swim");
    await ann.tap("N times a week");
    await ann.tap("3");
    // Grace days are for daily habits: the step is left out.
    expect(lastText(ann)).toContain("Weight");
    await ann.tap("5");
    await ann.tap("✅ Done");
    expect(lastText(ann)).toContain("3 times a week");
    await ann.tap("💾 Save");

    await ann.command("add_habit");
    await ann.send("Call mum");
    await ann.tap("N times a month");
    await ann.send("12");
    await ann.tap("50");
    await ann.tap("12:00");
    await ann.tap("✅ Done");
    expect(lastText(ann)).toContain("12 times a month");
    await ann.tap("💾 Save");

    const habits = await habitsOf(ann);
    expect(habits.map((habit) => [habit.name, habit.frequency, habit.exemptWeekdays, habit.weight])).toEqual([
      ["Work out", { type: "daily", timesPerPeriod: 1 }, [6, 7], 20],
      ["Swim", { type: "weekly", timesPerPeriod: 3 }, [], 5],
      ["Call mum", { type: "monthly", timesPerPeriod: 12 }, [], 50],
    ]);
    expect(habits[1]?.allowedSkipDays).toBe(0);
    expect(habits[2]?.reminders).toEqual([{ time: "12:00", weekdays: [] }]);
  });

  it("starts from the ➕ New habit button of the habits screen", async () => {
    const ann = kit.user();
    await ann.command("habits");
    expect(lastText(ann)).toContain("You have no habits yet");
    await ann.tap("➕ New habit");
    expect(lastText(ann)).toContain("What's the habit?");
    await ann.send("Stretch");
    expect(lastText(ann)).toContain("How often?");
  });

  it("continues at the same step after a restart", async () => {
    const ann = kit.user();
    await ann.command("new");
    await kit.restart();
    await ann.send("Meditate");
    expect(lastText(ann)).toContain("How often?");
    await ann.tap("Weekdays (Mon–Fri)");
    await kit.restart();
    await ann.tap("1");
    expect(lastText(ann)).toContain("Weight");
    await kit.restart();
    await ann.send("15");
    await ann.tap("08:00");
    await kit.restart();
    expect(ann.buttons()).toContain("✅ 08:00");
    await ann.tap("✅ Done");
    await kit.restart();
    expect(lastText(ann)).toContain("Meditate");
    await ann.tap("💾 Save");
    expect(lastText(ann)).toContain("created");
    expect(await habitsOf(ann)).toMatchObject([
      { name: "Meditate", exemptWeekdays: [6, 7], allowedSkipDays: 1, weight: 15, reminders: [{ time: "08:00" }] },
    ]);
  });

  it("explains bad input at every step, asks again, and escapes what the person typed", async () => {
    const ann = kit.user();
    const long = "x".repeat(5000);
    const injected = "<b>x</b>";
    const escaped = "&lt;b&gt;x&lt;/b&gt;";
    const askedAgain = (error: string, prompt: string) => {
      expect(lastText(ann)).toContain(error);
      expect(lastText(ann)).toContain(prompt);
    };

    await ann.command("new");
    await ann.shareLocation(51.5, -0.12);
    expect(lastText(ann)).toBe("Please send text or tap a button (or /cancel).");
    await ann.send("   ");
    askedAgain("Name can't be empty.", "What's the habit?");
    await ann.send(long);
    askedAgain("Name is too long: at most 100 characters.", "What's the habit?");
    await ann.send("y".repeat(101));
    askedAgain("Name is too long", "What's the habit?");
    // Markup is a name like any other: kept as typed, shown escaped.
    await ann.send(injected);
    expect(lastText(ann)).toContain("How often?");

    await ann.send("every day");
    askedAgain("Please tap one of the buttons.", "How often?");
    await ann.tap("N times a week");
    await ann.send("9");
    askedAgain("Times per period: at most 7.", "How many times a week?");
    await ann.send("0");
    askedAgain("Times per period: at least 1.", "How many times a week?");
    await ann.send(injected);
    askedAgain(`“${injected}” is not a number. Send a whole number from 1 to 7.`, "How many times a week?");
    expect(ann.lastMessage()?.html).toContain(escaped);
    // The schedule step's buttons are gone; one tapped anyway is out of date.
    expect(ann.messages().flatMap((message) => message.inlineButtons.flat())).not.toContain("N times a week");
    await ann.tap({ data: "hf|schedule|weekly" });
    expect(lastAnswer(ann)).toBe("⌛ This button is out of date.");
    await ann.send("2");

    await ann.send("   ");
    askedAgain("Weight can't be empty.", "Weight:");
    await ann.send(long);
    askedAgain(`“${"x".repeat(32)}…” is not a number.`, "Weight:");
    await ann.send("101");
    askedAgain("Weight: at most 100.", "Weight:");
    await ann.send("2.5");
    askedAgain("“2.5” won't do here: send a whole number from 1 to 100.", "Weight:");
    await ann.send(injected);
    expect(ann.lastMessage()?.html).toContain(escaped);
    await ann.send("100");

    await ann.send("25:99");
    askedAgain("“25:99” is not a time. Send it as HH:MM", "Reminders:");
    await ann.send(`07:00 ${injected}`);
    askedAgain(`“${injected}” is not a time.`, "Reminders:");
    expect(ann.lastMessage()?.html).toContain(escaped);
    await ann.send(long);
    askedAgain("is not a time", "Reminders:");
    await ann.send("06:00 07:00 08:00 09:00 10:00 11:00");
    askedAgain("Reminders: at most 5.", "Chosen: none");
    await ann.send("06:00 07:00 08:00 09:00 10:00");
    await ann.tap("12:00");
    expect(lastAnswer(ann)).toBe("⚠️ Reminders: at most 5.");
    await ann.tap("✅ Done");

    await ann.send("save");
    askedAgain("Please tap one of the buttons.", "Check and save");
    expect(lastText(ann)).toContain(injected);
    expect(ann.lastMessage()?.html).toContain(escaped);
    await ann.tap("💾 Save");
    expect(lastText(ann)).toContain(`Habit ${injected} created!`);

    // Every reply showed the person's text escaped, never as markup.
    for (const message of ann.messages()) expect(message.html ?? "").not.toContain(injected);
    expect(await habitsOf(ann)).toMatchObject([
      { name: injected, frequency: { type: "weekly", timesPerPeriod: 2 }, weight: 100 },
    ]);
    expect((await habitsOf(ann))[0]?.reminders.map((reminder) => reminder.time)).toEqual([
      "06:00",
      "07:00",
      "08:00",
      "09:00",
      "10:00",
    ]);
  });

  it("accepts an emoji-only name and one of exactly 100 characters", async () => {
    const ann = kit.user();
    await createThroughBot(ann, "🔥");
    await createThroughBot(ann, "z".repeat(100));
    expect((await habitsOf(ann)).map((habit) => habit.name)).toEqual(["🔥", "z".repeat(100)]);
  });

  it("refuses a name already taken, at the name step and when saving", async () => {
    const ann = kit.user();
    await habitFor(ann, "Read");
    await ann.command("new");
    await ann.send(" read ");
    expect(lastText(ann)).toContain("You already have a habit called “read”. Pick another name.");
    expect(lastText(ann)).toContain("What's the habit?");
    await ann.send("Walk");
    await ann.tap("Every day");
    await ann.tap("0");
    await ann.tap("10");
    await ann.tap("🔕 No reminders");
    // The same name appears meanwhile (another device, the API).
    await habitFor(ann, "WALK");
    await ann.tap("💾 Save");
    expect(lastText(ann)).toContain("You already have a habit called “Walk”");
    expect(lastText(ann)).toContain("What's the habit?");
    await ann.send("Walk the dog");
    expect(lastText(ann)).toContain("Check and save");
    await ann.tap("💾 Save");
    expect((await habitsOf(ann)).map((habit) => habit.name)).toEqual(["Read", "WALK", "Walk the dog"]);
  });

  it("leaves on Cancel, /cancel or another command, saving nothing", async () => {
    const ann = kit.user();
    await onboard(ann, "UTC");
    await ann.command("new");
    await ann.send("Journal");
    await ann.tap("✖️ Cancel");
    expect(lastText(ann)).toBe("OK, cancelled. Nothing was saved.");

    await ann.command("new");
    await ann.send("Journal");
    await ann.tap("Every day");
    await ann.command("cancel");
    expect(lastText(ann)).toBe("OK, cancelled.");
    await ann.send("1");
    expect(lastText(ann)).toBe("I didn't get that. Use the menu or /help.");

    await ann.command("new");
    await ann.send("Journal");
    await ann.command("habits");
    expect(lastText(ann)).toContain("You have no habits yet");
    await ann.send("Every day");
    expect(lastText(ann)).toBe("I didn't get that. Use the menu or /help.");

    // /new in the middle of /new starts over.
    await ann.command("new");
    await ann.send("Journal");
    await ann.command("new");
    expect(lastText(ann)).toContain("What's the habit?");
    await ann.send("Journal");
    expect(lastText(ann)).toContain("How often?");
    expect(await habitsOf(ann)).toEqual([]);
  });

  it("answers taps on an earlier step's buttons as out of date; another screen's button leaves the flow", async () => {
    const ann = kit.user();
    await habitFor(ann, "Floss");
    await ann.command("settings");
    await ann.command("habits");
    await ann.command("new");
    await ann.send("Drink water");
    await ann.tap("Every day");
    await ann.tap({ data: "hf|schedule|weekly" });
    expect(lastAnswer(ann)).toBe("⌛ This button is out of date.");
    await ann.tap("1");
    expect(lastText(ann)).toContain("Weight");

    // A button of another screen works as usual and leaves the flow...
    await ann.tap("Floss");
    expect(ann.messages()[1]?.text).toContain("🧩 Floss\n📅 Every day");
    await ann.tap("10");
    expect(lastAnswer(ann)).toBe("⌛ This button is out of date.");
    // ...also when it starts a flow of its own.
    await ann.command("new");
    await ann.send("Drink water");
    await ann.tap(kit.bot.i18n.t("en", "settings-button-timezone"));
    expect(
      ann
        .messages()
        .map((message) => message.text)
        .join("\n"),
    ).not.toContain("Something went wrong");
    await ann.command("new");
    await ann.send("Drink water");
    await ann.tap("✏️ Edit");
    expect(ann.messages()[1]?.text).toContain("Editing Floss");
    await ann.send("Floss daily");
    expect(lastText(ann)).toContain("Editing Floss");
    expect(lastText(ann)).toContain("How often?");
    expect((await habitsOf(ann)).map((habit) => habit.name)).toEqual(["Floss"]);
  });

  it("speaks the person's language", async () => {
    const ivan = kit.user({ languageCode: "ru" });
    await ivan.command("new");
    expect(lastText(ivan)).toContain("Новая привычка");
    await ivan.send("Бег");
    await ivan.tap("N раз в неделю");
    await ivan.tap("3");
    await ivan.tap("10");
    await ivan.tap("🔕 Без напоминаний");
    expect(lastText(ivan)).toContain("3 раза в неделю");
    await ivan.tap("💾 Сохранить");
    expect(lastText(ivan)).toContain("Привычка Бег создана!");

    const aigerim = kit.user({ languageCode: "kk" });
    await aigerim.command("new");
    expect(lastText(aigerim)).toContain("Жаңа әдет");
    await aigerim.send(" ");
    expect(lastText(aigerim)).toContain("Атауы: бос болмауы керек.");
    await aigerim.send("Кітап оқу");
    await aigerim.tap("Жұмыс күндері (Дс–Жм)");
    await aigerim.tap("0");
    await aigerim.send("25:99");
    expect(lastText(aigerim)).toContain("сан емес");
  });
});

describe("the habits screen", () => {
  it("opens from the main menu and lists active habits; a card shows schedule, streak and reminders", async () => {
    const ann = kit.user();
    const read = await habitFor(ann, "Read", {
      emoji: "📚",
      allowedSkipDays: 1,
      weight: 20,
      reminders: [{ time: "21:00" }],
    });
    await habitFor(ann, "Swim", { frequency: { type: "weekly", timesPerPeriod: 2 } });
    await kit.core.completions.complete({ userId: await accountOf(ann), habitId: read.id, source: "api" });

    await ann.command("menu");
    await ann.tap("🧩 Habits");
    expect(lastText(ann)).toContain("Your habits");
    expect(ann.buttons()).toEqual(["📚 Read", "Swim", "➕ New habit", "⬅️ Back"]);

    await ann.tap("📚 Read");
    const card = lastText(ann);
    for (const line of [
      "📚 Read",
      "Every day",
      "Grace days: 1",
      "Weight: 20",
      "Reminders: 21:00",
      "Streak: 1 (best 1)",
    ]) {
      expect(card).toContain(line);
    }
    expect(ann.buttons()).toEqual(["✏️ Edit", "🗄 Archive", "🗑 Delete", "⬅️ Back"]);
    await ann.tap("⬅️ Back");
    await ann.tap("Swim");
    expect(lastText(ann)).toContain("2 times a week");
    expect(lastText(ann)).toContain("Reminders: none");
    expect(lastText(ann)).not.toContain("Grace days");

    await ann.command("edit_habit");
    expect(lastText(ann)).toContain("Tap a habit, then ✏️ Edit.");
    await ann.command("remove_habit");
    expect(lastText(ann)).toContain("🗑 Delete");
  });

  it("archives and unarchives; unarchiving into a name taken meanwhile is refused", async () => {
    const ann = kit.user();
    await habitFor(ann, "Read");
    await habitFor(ann, "Run");
    await ann.command("habits");
    await ann.tap("Read");
    await ann.tap("🗄 Archive");
    expect(lastAnswer(ann)).toBe("🗄 Archived: Read");
    expect(ann.buttons()).toEqual(["Run", "➕ New habit", "🗄 Archived (1)", "⬅️ Back"]);
    expect((await habitsOf(ann, "archived")).map((habit) => habit.name)).toEqual(["Read"]);

    await ann.tap("🗄 Archived (1)");
    expect(lastText(ann)).toContain("Archived habits");
    await ann.tap("Read");
    expect(lastText(ann)).toContain("🗄 Archived");
    expect(ann.buttons()).toEqual(["♻️ Unarchive", "🗑 Delete", "⬅️ Back"]);
    await ann.tap("♻️ Unarchive");
    expect(lastAnswer(ann)).toBe("♻️ Back in your habits: Read");
    expect((await habitsOf(ann, "active")).map((habit) => habit.name)).toEqual(["Read", "Run"]);
    expect(ann.buttons()).toContain("✏️ Edit");

    await ann.tap("🗄 Archive");
    await habitFor(ann, "read");
    await ann.tap("🗄 Archived (1)");
    await ann.tap("Read");
    await ann.tap("♻️ Unarchive");
    expect(lastAnswer(ann)).toBe("An active habit is already called “Read”. Rename it first.");
    expect((await habitsOf(ann, "archived")).map((habit) => habit.name)).toEqual(["Read"]);
  });

  it("deletes only after confirmation", async () => {
    const ann = kit.user();
    const habit = await habitFor(ann, "Smoke-free <3");
    await ann.command("habits");
    await ann.tap("Smoke-free <3");
    await ann.tap("🗑 Delete");
    expect(lastText(ann)).toContain("Delete Smoke-free <3 and its whole history? This cannot be undone.");
    expect(ann.lastMessage()?.html).toContain("Smoke-free &lt;3");
    expect(ann.buttons()).toEqual(["🗑 Yes, delete it", "↩️ No, keep it"]);
    await ann.tap("↩️ No, keep it");
    expect(lastText(ann)).toContain("Streak");
    expect(await kit.core.habits.get(await accountOf(ann), habit.id)).toBeDefined();

    await ann.tap("🗑 Delete");
    await ann.tap("🗑 Yes, delete it");
    expect(lastAnswer(ann)).toBe("🗑 Deleted: Smoke-free <3");
    expect(lastText(ann)).toContain("You have no habits yet");
    expect(await kit.core.habits.get(await accountOf(ann), habit.id)).toBeUndefined();
    // The old confirmation button, tapped again, changes nothing.
    await ann.tap({ data: `hab|confirm-delete|${habit.id}` });
    expect(lastAnswer(ann)).toBe("⌛ This button is out of date.");

    // An archived habit can be deleted too, from its card.
    const old = await habitFor(ann, "Old");
    await kit.core.habits.archive(await accountOf(ann), old.id);
    await ann.command("habits");
    await ann.tap("🗄 Archived (1)");
    await ann.tap("Old");
    await ann.tap("🗑 Delete");
    await ann.tap("🗑 Yes, delete it");
    expect(lastText(ann)).toContain("No archived habits.");
    expect(await habitsOf(ann)).toEqual([]);
  });

  it("edits the name and weight, skipping the other steps", async () => {
    const ann = kit.user();
    const habit = await habitFor(ann, "Read", {
      exemptWeekdays: [7],
      allowedSkipDays: 2,
      weight: 10,
      reminders: [{ time: "21:00", weekdays: [1, 2] }],
    });
    await habitFor(ann, "Run");
    await ann.command("habits");
    await ann.tap("Read");
    await ann.tap("✏️ Edit");
    expect(lastText(ann)).toContain("Editing Read");
    expect(lastText(ann)).toContain("Now: Read");
    expect(ann.buttons()).toEqual(["⏭ Skip", "✖️ Cancel"]);

    await ann.send("run");
    expect(lastText(ann)).toContain("You already have a habit called “run”");
    await ann.send("Read 20 pages");
    expect(lastText(ann)).toContain("Now: 📅 On Mon, Tue, Wed, Thu, Fri, Sat");
    await ann.tap("⏭ Skip");
    expect(lastText(ann)).toContain("Now: 2");
    await ann.tap("⏭ Skip");
    await ann.send("40");
    await ann.tap("⏭ Skip");
    expect(lastText(ann)).toContain("Weight: 40");
    await ann.tap("💾 Save");
    expect(lastText(ann)).toContain("Saved Read 20 pages.");

    expect(await kit.core.habits.get(await accountOf(ann), habit.id)).toMatchObject({
      name: "Read 20 pages",
      weight: 40,
      exemptWeekdays: [7],
      allowedSkipDays: 2,
      reminders: [{ time: "21:00", weekdays: [1, 2] }],
    });

    // Every step skipped: nothing changes.
    await ann.tap("🧩 Open the habit");
    await ann.tap("✏️ Edit");
    for (let step = 0; step < 5; step++) await ann.tap("⏭ Skip");
    await ann.tap("💾 Save");
    expect(await kit.core.habits.get(await accountOf(ann), habit.id)).toMatchObject({
      name: "Read 20 pages",
      weight: 40,
      exemptWeekdays: [7],
    });
  });

  it("ignores forged buttons for another person's habit", async () => {
    const bob = kit.user();
    const secret = await habitFor(bob, "Bob's secret habit");
    const ann = kit.user();
    await ann.command("habits");
    for (const action of ["card", "edit", "archive", "unarchive", "delete", "confirm-delete"]) {
      await ann.tap({ data: `hab|${action}|${secret.id}` });
      expect(lastAnswer(ann)).toBe("⌛ This button is out of date.");
    }
    await ann.tap({ data: "hab|card|not-an-id" });
    await ann.tap({ data: "hab|card" });
    await ann.tap({ data: "habs|nothing" });
    expect(ann.callbackAnswers().slice(-3)).toEqual(Array(3).fill("⌛ This button is out of date."));

    expect(await kit.core.habits.get(await accountOf(bob), secret.id)).toMatchObject({
      name: "Bob's secret habit",
      archivedAt: null,
    });
    for (const message of ann.messages()) expect(message.text).not.toContain("secret");
    expect(await kit.core.users.fromTelegram({ id: ann.id })).toMatchObject({ created: false });
    expect(await habitsOf(ann)).toEqual([]);
  });
});
