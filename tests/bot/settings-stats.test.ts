// ⚙️ Settings, 📊 Stats and 📅 Done for another day, played by people in a chat with the real bot
// over a real database. The kit's clock stands at Tuesday 2026-03-10 09:00 UTC (10:00 in Berlin).
import { dayLabel } from "@habits/bot";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  accountOf,
  type BotApiCall,
  createTelegramKit,
  htmlToText,
  onboard,
  type TelegramKit,
  type TelegramUser,
} from "../kit/index.js";
import { dialect } from "../support/test-database.js";

const start = "2026-03-10T09:00:00Z";

describe(`settings, stats and another day on ${dialect}`, () => {
  let kit: TelegramKit;
  beforeAll(async () => {
    kit = await createTelegramKit();
  });
  afterEach(() => kit.clock.set(start));
  afterAll(async () => kit?.close());

  const text = (language: string, key: string, args?: Record<string, string | number>) =>
    htmlToText(kit.bot.i18n.t(language, key, args));

  async function personWith(habits: string[], language = "en") {
    const user = kit.user({ languageCode: language });
    await onboard(user);
    const account = await accountOf(kit, user);
    const ids: string[] = [];
    for (const name of habits) {
      const created = await kit.core.habits.create(account.id, { name });
      if (!created.ok) throw new Error(JSON.stringify(created));
      ids.push(created.value.id);
    }
    return { user, account, ids };
  }

  async function openSettings(user: TelegramUser, screen?: string) {
    await user.command("settings");
    if (screen) await user.tap(text("en", screen));
  }

  describe("settings", () => {
    it("a new language answers at once, and the next screens speak it", async () => {
      const { user, account } = await personWith([]);
      await openSettings(user, "settings-button-language");
      expect(user.lastMessage()?.text).toBe(text("en", "settings-language-title"));
      expect(user.buttons()).toEqual([
        text("en", "settings-chosen", { label: text("en", "settings-language-en") }),
        text("en", "settings-language-ru"),
        text("en", "settings-language-kk"),
        text("en", "button-back"),
      ]);

      await user.tap(text("en", "settings-language-ru"));
      expect((await kit.core.users.get(account.id))?.language).toBe("ru");
      expect(user.callbackAnswers().at(-1)).toBe(text("ru", "settings-saved"));
      const screen = user.lastMessage();
      expect(screen?.edited).toBe(true);
      expect(screen?.text.split("\n")[0]).toBe(text("ru", "settings-title"));
      expect(screen?.text).toContain(
        text("ru", "settings-language-line", { language: text("ru", "settings-language-ru") }),
      );
      expect(user.buttons()).toContain(text("ru", "settings-button-export"));

      await user.command("stats");
      expect(user.lastMessage()?.text).toBe(text("ru", "stats-none"));
      await user.command("done");
      expect(user.lastMessage()?.text).toBe(text("ru", "done-no-habits"));

      await openSettings(user);
      await user.tap(text("ru", "settings-button-language"));
      await user.tap(text("ru", "settings-language-kk"));
      expect(user.lastMessage()?.text.split("\n")[0]).toBe(text("kk", "settings-title"));
    });

    it("changes the time zone to a typed city, after explaining a city it does not know", async () => {
      const { user, account } = await personWith([]);
      await openSettings(user, "settings-button-timezone");
      expect(user.lastMessage()?.text).toBe(text("en", "settings-timezone-ask", { zone: "Europe/Berlin" }));
      expect(user.replyButtons()).toContain("Asia/Tokyo");
      expect(user.replyButtons()).toContain(text("en", "settings-timezone-keep"));

      await user.send("Atlantis");
      expect(user.lastMessage()?.text).toBe(text("en", "timezone-unknown", { input: "Atlantis" }));
      // A long one is quoted cut at whole characters (half an emoji is text Telegram refuses).
      await user.send(`${"a".repeat(63)}😀😀`);
      expect(user.lastMessage()?.text).toContain(`“${"a".repeat(63)}😀”`);
      expect((await kit.core.users.get(account.id))?.timezone).toBe("Europe/Berlin");

      await user.send("tokyo");
      expect((await kit.core.users.get(account.id))?.timezone).toBe("Asia/Tokyo");
      const [confirmation, screen] = user.messages().slice(-2);
      expect(confirmation?.text).toContain("Asia/Tokyo");
      expect(screen?.text).toContain(text("en", "settings-timezone-line", { zone: "Asia/Tokyo" }));
      expect(user.replyButtons()).toEqual([]);

      // The flow is over: the next text is not taken for a zone.
      await user.send("London");
      expect((await kit.core.users.get(account.id))?.timezone).toBe("Asia/Tokyo");
    });

    it("keeps the zone when asked to, and a command in the middle leaves the flow", async () => {
      const { user, account } = await personWith([]);
      await openSettings(user, "settings-button-timezone");
      await user.pressReplyButton(text("en", "settings-timezone-keep"));
      expect(user.messages().at(-2)?.text).toBe(text("en", "settings-timezone-kept"));

      await user.tap(text("en", "settings-button-timezone"));
      await user.command("stats");
      expect(user.lastMessage()?.text).toBe(text("en", "stats-none"));
      expect((await kit.core.users.get(account.id))?.timezone).toBe("Europe/Berlin");
    });

    it("saves the reward odds and the last-habit guarantee", async () => {
      const { user, account } = await personWith([]);
      await openSettings(user, "settings-button-odds");
      expect(user.lastMessage()?.text).toContain(text("en", "settings-odds-explain", { weight: 10, chance: 50 }));
      const more = text("en", "settings-odds-more", { weight: 5 });
      expect(user.buttons()).toContain(
        text("en", "settings-chosen", { label: text("en", "settings-odds-normal", { weight: 10 }) }),
      );

      await user.tap(more);
      let saved = await kit.core.users.get(account.id);
      expect(saved?.rewardOdds.noRewardWeight).toBe(5);
      expect(user.lastMessage()?.text).toContain(text("en", "settings-odds-explain", { weight: 5, chance: 67 }));
      expect(user.buttons()).toContain(text("en", "settings-chosen", { label: more }));

      await user.tap(text("en", "settings-guarantee-button", { guarantee: "off" }));
      saved = await kit.core.users.get(account.id);
      expect(saved?.rewardOdds).toMatchObject({ noRewardWeight: 5, guaranteeLastHabit: false });
      expect(user.buttons()).toContain(text("en", "settings-guarantee-button", { guarantee: "on" }));

      await user.tap(text("en", "button-back"));
      expect(user.lastMessage()?.text).toContain(
        text("en", "settings-odds-line", { level: "more", chance: 67, guarantee: "off" }),
      );
    });

    it("turns reminders off and on, and sets and clears quiet hours", async () => {
      const { user, account } = await personWith([]);
      await openSettings(user, "settings-button-reminders");
      await user.tap(text("en", "settings-reminders-toggle", { enabled: "off" }));
      expect((await kit.core.users.get(account.id))?.reminders.enabled).toBe(false);
      expect(user.lastMessage()?.text).toContain(text("en", "settings-reminders-state", { enabled: "off" }));

      await user.tap(text("en", "settings-reminders-toggle", { enabled: "on" }));
      expect((await kit.core.users.get(account.id))?.reminders.enabled).toBe(true);

      await user.tap(text("en", "settings-quiet-preset", { start: "22:00", end: "07:00" }));
      expect((await kit.core.users.get(account.id))?.reminders).toMatchObject({
        enabled: true,
        quietHours: { start: "22:00", end: "07:00" },
      });
      expect(user.lastMessage()?.text).toContain(text("en", "settings-quiet-state", { quiet: "22:00–07:00" }));

      await user.tap(text("en", "settings-quiet-none"));
      expect((await kit.core.users.get(account.id))?.reminders.quietHours).toBeNull();
    });

    it("refuses a forged settings button and changes nothing", async () => {
      const { user, account } = await personWith([]);
      await openSettings(user);
      await user.tap({ data: "settings|language|de" });
      await user.tap({ data: "settings|odds|7" });
      expect(user.callbackAnswers()).toEqual([text("en", "error-stale-button"), text("en", "error-stale-button")]);
      const saved = await kit.core.users.get(account.id);
      expect(saved?.language).toBe("en");
      expect(saved?.rewardOdds.noRewardWeight).toBe(10);
    });

    it("exports the person's data as a JSON document, without a password hash", async () => {
      const { user, account, ids } = await personWith(["Read", "Run"]);
      const [read] = ids;
      await kit.core.completions.complete({ userId: account.id, habitId: read ?? "", source: "bot" });
      await kit.core.rewards.create(account.id, { name: "Coffee", piecesRequired: 3 });
      expect((await kit.core.users.changePassword(account.id, null, "a long secret password")).ok).toBe(true);

      await openSettings(user);
      await user.tap(text("en", "settings-button-export"));
      const sent = user.calls().filter((call: BotApiCall) => call.method === "sendDocument");
      expect(sent).toHaveLength(1);
      const document = sent[0]?.payload.document as { filename: string; content: string };
      expect(document.filename).toBe("habits-export.json");
      expect(sent[0]?.payload.caption).toBe(text("en", "settings-export-caption"));
      const data = JSON.parse(document.content);
      expect(data.account).toMatchObject({
        id: account.id,
        language: "en",
        timezone: "Europe/Berlin",
        hasPassword: true,
      });
      expect(data.habits.map((habit: { name: string }) => habit.name).sort()).toEqual(["Read", "Run"]);
      expect(data.completions).toEqual([expect.objectContaining({ habitId: read, date: "2026-03-10" })]);
      expect(data.rewards).toEqual([expect.objectContaining({ name: "Coffee" })]);
      expect(data.claims).toEqual([]);
      expect(document.content).not.toMatch(/passwordHash|password_hash|\$2[aby]\$/);
    });

    it("sets the summary to weekly at 22:00 and off again; the main screen shows the choice", async () => {
      const { user, account } = await personWith([]);
      await openSettings(user);
      expect(user.lastMessage()?.text).toContain(text("en", "settings-summary-line", { mode: "off", time: "21:00" }));
      await user.tap(text("en", "settings-button-summary"));
      expect(user.lastMessage()?.text).toContain(text("en", "settings-summary-explain"));

      await user.tap(text("en", "settings-summary-weekly"));
      await user.tap(text("en", "settings-summary-time", { time: "22:00" }));
      expect((await kit.core.users.get(account.id))?.reminders.summary).toEqual({ mode: "weekly", time: "22:00" });
      expect(user.lastMessage()?.text).toContain(text("en", "settings-summary-time-ask", { zone: "Europe/Berlin" }));
      expect(user.buttons()).toContain(
        text("en", "settings-chosen", { label: text("en", "settings-summary-time", { time: "22:00" }) }),
      );
      await user.tap(text("en", "button-back"));
      expect(user.lastMessage()?.text).toContain(
        text("en", "settings-summary-line", { mode: "weekly", time: "22:00" }),
      );

      await user.tap(text("en", "settings-button-summary"));
      await user.tap(text("en", "settings-summary-off"));
      expect((await kit.core.users.get(account.id))?.reminders.summary).toEqual({ mode: "off", time: "22:00" });
      // Off, the time does not matter: it is not offered.
      expect(user.buttons()).not.toContain(text("en", "settings-summary-time", { time: "20:00" }));

      await user.tap({ data: "settings|summary-time|03:17" });
      await user.tap({ data: "settings|summary|monthly" });
      expect(user.callbackAnswers().slice(-2)).toEqual([
        text("en", "error-stale-button"),
        text("en", "error-stale-button"),
      ]);
      expect((await kit.core.users.get(account.id))?.reminders.summary).toEqual({ mode: "off", time: "22:00" });
    });
  });

  describe("stats", () => {
    it("shows the success rates, the streaks and a 4-week calendar of a known history", async () => {
      const { user, account, ids } = await personWith(["Read"]);
      const [read = ""] = ids;
      // Tuesday 03-10: done 03-04, 03-05, 03-06, then 03-08, 03-09 and today; 03-07 missed.
      for (const date of ["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-08", "2026-03-09", "2026-03-10"]) {
        const done = await kit.core.completions.complete({ userId: account.id, habitId: read, date, source: "bot" });
        expect(done.ok).toBe(true);
      }

      await user.command("stats");
      const overview = user.lastMessage()?.text.split("\n");
      expect(overview?.slice(0, 3)).toEqual([
        text("en", "stats-title"),
        text("en", "stats-overall", { rate: 86, achieved: 6, expected: 7 }),
        text("en", "stats-live-streaks", { live: 1, habits: 1 }),
      ]);
      expect(overview).toContain(text("en", "stats-habit-line", { habit: "Read", rate: 86, current: 3, longest: 3 }));

      await user.tap(text("en", "stats-habit-button", { habit: "Read" }));
      expect(user.lastMessage()?.text.split("\n")).toEqual([
        text("en", "stats-habit-title", { habit: "Read" }),
        text("en", "stats-habit-rate", { rate: 86, achieved: 6, expected: 7 }),
        text("en", "stats-habit-streak", { current: 3, longest: 3 }),
        "",
        text("en", "stats-calendar-title"),
        "▫️▫️▫️▫️▫️▫️▫️ Feb 16",
        "▫️▫️▫️▫️▫️▫️▫️ Feb 23",
        "▫️▫️🟩🟩🟩⬜🟩 Mar 2",
        "🟩✅▫️▫️▫️▫️▫️ Mar 9",
        text("en", "stats-calendar-legend"),
      ]);

      await user.tap(text("en", "button-back"));
      expect(user.lastMessage()?.text.split("\n")[0]).toBe(text("en", "stats-title"));
    });

    it("answers a button of a habit that is gone with a short notice", async () => {
      const { user, account, ids } = await personWith(["Read"]);
      await user.command("stats");
      await kit.core.habits.delete(account.id, ids[0] ?? "");
      await user.tap(text("en", "stats-habit-button", { habit: "Read" }));
      expect(user.callbackAnswers().at(-1)).toBe(text("en", "error-stale-button"));
    });
  });

  describe("done for another day", () => {
    const day = (date: string, style: "short" | "long" = "short") =>
      new Intl.DateTimeFormat("en", { weekday: style, day: "numeric", month: style, timeZone: "UTC" }).format(
        new Date(`${date}T12:00:00Z`),
      );

    it("logs yesterday from the done-today screen, answered with the streak", async () => {
      const { user, account, ids } = await personWith(["Read"]);
      await user.command("done");
      expect(user.buttons()).toContain(text("en", "backdate-button"));
      await user.tap(text("en", "backdate-button"));
      expect(user.lastMessage()?.text).toBe(text("en", "backdate-pick-habit"));

      await user.tap("Read");
      expect(user.buttons()).toEqual([
        text("en", "backdate-today"),
        text("en", "backdate-yesterday"),
        ...["2026-03-08", "2026-03-07", "2026-03-06", "2026-03-05", "2026-03-04", "2026-03-03"].map((date) =>
          day(date),
        ),
        text("en", "button-back"),
      ]);
      await user.tap(text("en", "backdate-yesterday"));
      expect(user.lastMessage()?.text).toBe(
        text("en", "backdate-confirm", { habit: "Read", day: day("2026-03-09", "long") }),
      );

      await user.tap(text("en", "backdate-confirm-yes"));
      expect(user.lastMessage()?.text.split("\n").slice(0, 2)).toEqual([
        text("en", "backdate-logged-for", { day: day("2026-03-09", "long") }),
        text("en", "done-logged", { habit: "Read", streak: 1 }),
      ]);
      const logged = await kit.core.completions.list(account.id, ids[0] ?? "");
      expect(logged?.map((completion) => completion.date)).toEqual(["2026-03-09"]);

      // The day is now marked as logged, and logging it again is refused.
      await user.tap(text("en", "backdate-button"));
      await user.tap("Read");
      const yesterday = text("en", "backdate-day-logged", { day: text("en", "backdate-yesterday") });
      expect(user.buttons()).toContain(yesterday);
      await user.tap(yesterday);
      expect(user.callbackAnswers().at(-1)).toBe(
        text("en", "error-already-completed", { date: dayLabel("en", "2026-03-09", "long") }),
      );
    });

    it("answers a day logged further back with that day's own streak, not today's", async () => {
      const { user } = await personWith(["Read"]);
      await user.command("backdate");
      await user.tap("Read");
      await user.tap(day("2026-03-07"));
      await user.tap(text("en", "backdate-confirm-yes"));
      expect(user.lastMessage()?.text).toContain(text("en", "done-logged", { habit: "Read", streak: 1 }));
    });

    it("offers no day before the last 7 and refuses one that slipped out of the window", async () => {
      const { user, account, ids } = await personWith(["Read"]);
      await user.command("backdate");
      await user.tap("Read");
      expect(user.buttons()).toContain(day("2026-03-03"));
      expect(user.buttons()).not.toContain(day("2026-03-02"));
      await user.tap(day("2026-03-03"));

      // A day later the confirmation is 8 days back: the core refuses it.
      kit.clock.set("2026-03-11T09:00:00Z");
      await user.tap(text("en", "backdate-confirm-yes"));
      expect(user.callbackAnswers().at(-1)).toBe(text("en", "error-outside-window"));
      expect(await kit.core.completions.list(account.id, ids[0] ?? "")).toEqual([]);
    });
  });
});
