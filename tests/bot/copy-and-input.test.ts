// What a QA pass found, played through the kit: the stats calendar on a day the habit is not due,
// dates and words people read (not ISO dates, not jargon, not a "-"), Russian plurals and neutral
// forms, Kazakh words used one way, typed numbers and times echoed as typed, time zones typed as
// old names, Cyrillic cities or UTC offsets, the reward form's old buttons, and the API key's
// message kept when the API screen is opened under it. The kit's clock: Tuesday 2026-03-10 09:00 UTC.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { accountOf, createTelegramKit, htmlToText, onboard, type TelegramKit } from "../kit/index.js";
import { dialect } from "../support/test-database.js";

const start = "2026-03-10T09:00:00Z";

describe(`copy and input on ${dialect}`, () => {
  let kit: TelegramKit;
  beforeAll(async () => {
    kit = await createTelegramKit();
  });
  afterEach(() => kit.clock.set(start));
  afterAll(async () => kit?.close());

  const text = (language: string, key: string, args?: Record<string, string | number>) =>
    htmlToText(kit.bot.i18n.t(language, key, args));
  const en = (key: string, args?: Record<string, string | number>) => text("en", key, args);

  async function person(language = "en") {
    const user = kit.user({ languageCode: language });
    await onboard(user);
    return { user, account: await accountOf(kit, user) };
  }

  describe("the stats calendar", () => {
    it("marks today not due for a Mon/Wed habit on a Tuesday, and labels weeks in the person's language", async () => {
      const { user, account } = await person();
      const made = await kit.core.habits.create(account.id, { name: "Gym", exemptWeekdays: [2, 4, 5, 6, 7] });
      if (!made.ok) throw new Error(JSON.stringify(made));
      await kit.core.completions.complete({
        userId: account.id,
        habitId: made.value.id,
        date: "2026-03-09",
        source: "bot",
      });
      await user.command("stats");
      await user.tap(en("stats-habit-button", { habit: "Gym" }));
      const lines = user.lastMessage()?.text.split("\n") ?? [];
      // Monday 03-09 done, Tuesday (today) not due: ▫️, not 🔲.
      expect(lines.at(-2)).toBe("🟩▫️▫️▫️▫️▫️▫️ Mar 9");
      expect(lines.at(-5)).toMatch(/ Feb 16$/);

      await user.command("settings");
      await user.tap(en("settings-button-language"));
      await user.tap(en("settings-language-ru"));
      await user.command("stats");
      await user.tap(text("ru", "stats-habit-button", { habit: "Gym" }));
      expect(user.lastMessage()?.text.split("\n").at(-2)).toBe("🟩▫️▫️▫️▫️▫️▫️ 9 мар.");
    });

    it("still marks today 🔲 when the habit is due and not done", async () => {
      const { user, account } = await person();
      await kit.core.habits.create(account.id, { name: "Read" });
      await user.command("stats");
      await user.tap(en("stats-habit-button", { habit: "Read" }));
      expect(user.lastMessage()?.text.split("\n").at(-2)).toBe("▫️🔲▫️▫️▫️▫️▫️ Mar 9");
    });
  });

  describe("settings", () => {
    it("says the reward odds plainly, and the guarantee text follows its state", async () => {
      const { user } = await person();
      await user.command("settings");
      const main = user.lastMessage()?.text ?? "";
      expect(main).toContain(en("settings-odds-line", { level: "normal", chance: 50, guarantee: "on" }));
      expect(main).toContain("wins a piece about 50% of the time");
      expect(main).not.toContain("weight");

      await user.tap(en("settings-button-odds"));
      expect(user.lastMessage()?.text).toContain("(on): finishing the last habit due today always wins a piece");
      await user.tap(en("settings-guarantee-button", { guarantee: "off" }));
      const off = user.lastMessage()?.text ?? "";
      expect(off).toContain(en("settings-guarantee-explain", { guarantee: "off" }));
      expect(off).toContain("(off): the last habit due today draws like any other");
      expect(off).not.toContain("(off): finishing the last habit due today always wins a piece");
    });

    it("lists an API key never used as never used, in every language", async () => {
      const { user, account } = await person();
      const made = await kit.core.access.createApiKey(account.id, "Script");
      if (!made.ok) throw new Error(JSON.stringify(made));
      await user.command("api");
      expect(user.lastMessage()?.text).toContain("last used: never");
      expect(user.lastMessage()?.text).not.toContain("last used -");
      expect(text("ru", "api-key-never-used")).toBe("ещё не использовался");
      expect(text("kk", "api-key-never-used")).toBe("әлі қолданылмаған");
    });

    it("opens 🔑 API access under a new key as a new message, so the key stays", async () => {
      const { user } = await person();
      await user.command("api");
      await user.tap(en("api-button-new-key"));
      await user.send("Backup");
      const keyMessage = user.lastMessage();
      const key = /hab_[A-Za-z0-9_-]{43}/.exec(keyMessage?.text ?? "")?.[0] ?? "";
      expect(key).not.toBe("");
      await user.tap(en("api-button-back-to-access"));
      expect(user.lastMessage()?.text).toContain(en("api-title"));
      expect(user.lastMessage()?.edited).toBe(false);
      expect(user.messages().find((message) => message.id === keyMessage?.id)?.text).toContain(key);
      // Its 🧹 still removes it.
      await user.tap(en("api-button-forget"));
      expect(user.messages().some((message) => message.text.includes(key))).toBe(false);
    });
  });

  describe("time zones", () => {
    async function typeZone(typed: string, language = "en") {
      const { user, account } = await person(language);
      await user.command("settings");
      await user.tap(text(language, "settings-button-timezone"));
      await user.send(typed);
      return { user, zone: (await kit.core.users.get(account.id))?.timezone };
    }

    it("keeps the current name of a renamed zone: Kiev and Europe/Kiev are Europe/Kyiv", async () => {
      expect((await typeZone("Kiev")).zone).toBe("Europe/Kyiv");
      expect((await typeZone("europe/kiev")).zone).toBe("Europe/Kyiv");
      expect((await typeZone("Calcutta")).zone).toBe("Asia/Kolkata");
    });

    it("understands Cyrillic city names", async () => {
      for (const [city, zone] of [
        ["Москва", "Europe/Moscow"],
        ["Санкт-Петербург", "Europe/Moscow"],
        ["Алматы", "Asia/Almaty"],
        ["Астана", "Asia/Almaty"],
        ["Киев", "Europe/Kyiv"],
        ["Київ", "Europe/Kyiv"],
        ["Минск", "Europe/Minsk"],
        ["Ташкент", "Asia/Tashkent"],
        ["Бишкек", "Asia/Bishkek"],
        ["Новосибирск", "Asia/Novosibirsk"],
        ["Екатеринбург", "Asia/Yekaterinburg"],
        ["владивосток", "Asia/Vladivostok"],
      ]) {
        expect((await typeZone(city ?? "", "ru")).zone, city).toBe(zone);
      }
      // The Russian hint suggests Cyrillic cities, not Berlin.
      const { user } = await typeZone("Атлантида", "ru");
      expect(user.lastMessage()?.text).toContain("Москва");
      expect(user.lastMessage()?.text).not.toContain("Berlin");
    });

    it("takes whole-hour UTC offsets as Etc/GMT zones of the opposite sign, and shows them as UTC+N", async () => {
      /** The hours shown as the local time (the flow reads the real clock), and the UTC hour now. */
      const shownHour = (message: string | undefined) => Number(/(\d\d):\d\d\.$/.exec(message ?? "")?.[1]);
      const hourIn = (offset: number) => (new Date().getUTCHours() + offset + 24) % 24;

      const east = await typeZone("UTC+5");
      expect(east.zone).toBe("Etc/GMT-5");
      // Five hours east of UTC (Etc/GMT-5 counts the other way).
      expect([hourIn(5), hourIn(4)]).toContain(shownHour(east.user.messages().at(-2)?.text));
      expect(east.user.lastMessage()?.text).toContain(en("settings-timezone-line", { zone: "UTC+5" }));

      const west = await typeZone("GMT-3");
      expect(west.zone).toBe("Etc/GMT+3");
      expect([hourIn(-3), hourIn(-4)]).toContain(shownHour(west.user.messages().at(-2)?.text));
      expect(west.user.lastMessage()?.text).toContain(en("settings-timezone-line", { zone: "UTC-3" }));
      expect((await typeZone("utc+0")).zone).toBe("UTC");
    });

    it("refuses an offset no zone keeps, with a hint to type a city or a zone", async () => {
      for (const typed of ["UTC-03:30", "UTC+15"]) {
        const { user, zone } = await typeZone(typed);
        expect(zone).toBe("Europe/Berlin");
        expect(user.lastMessage()?.text).toBe(en("timezone-unknown", { input: typed }));
        expect(user.lastMessage()?.text).toContain("a zone such as Europe/Berlin");
      }
    });
  });

  describe("typed answers", () => {
    it("says the allowed range for a number out of it, and quotes a mistyped time whole", async () => {
      const { user } = await person();
      await user.command("new");
      await user.send("Stretch");
      await user.tap(en("habit-button-daily"));
      await user.tap("1");
      await user.send("-1");
      expect(user.lastMessage()?.text).toContain(en("habit-error-number-range", { input: "-1", min: 1, max: 100 }));
      expect(user.lastMessage()?.text).not.toContain("is not a number");
      await user.send("10");
      await user.send("7 30");
      expect(user.lastMessage()?.text).toContain("“7 30” is not a time");
    });

    it("takes the reward form's buttons off a question once it is answered by typing", async () => {
      const { user } = await person();
      await user.command("add_reward");
      await user.send("Cake");
      await user.send("2");
      const withCancel = user
        .messages()
        .filter((message) => message.inlineButtons.flat().includes(en("reward-form-cancel")));
      expect(withCancel).toHaveLength(1);
      expect(withCancel[0]?.id).toBe(user.lastMessage()?.id);
      expect(user.lastMessage()?.text).toContain("How many pieces");
    });
  });

  describe("Russian and Kazakh copy", () => {
    it("uses Russian plurals and neutral forms", () => {
      const ru = (key: string, args?: Record<string, string | number>) => text("ru", key, args);
      expect([1, 3, 5, 21].map((count) => ru("done-milestone-target", { count }))).toEqual([
        "🏅 Цель достигнута: 1 выполнение!",
        "🏅 Цель достигнута: 3 выполнения!",
        "🏅 Цель достигнута: 5 выполнений!",
        "🏅 Цель достигнута: 21 выполнение!",
      ]);
      expect(ru("reward-claimed-recurring", { required: 1 })).toBe("🔁 Соберите 1 часть, чтобы получить её снова.");
      expect(ru("reward-claimed-recurring", { required: 3 })).toBe("🔁 Соберите 3 части, чтобы получить её снова.");
      const summary = (pieces: number) =>
        ru("reward-form-summary", { name: "Торт", weight: 1, pieces, recurring: "" }).split("\n")[2];
      expect([1, 2, 5].map(summary)).toEqual([
        "🧩 Нужно собрать 1 часть",
        "🧩 Нужно собрать 2 части",
        "🧩 Нужно собрать 5 частей",
      ]);
      const claimed = (times: number) =>
        ru("reward-card", { name: "Торт", progress: "", weight: 1, recurring: "yes", active: "yes", times })
          .split("\n")
          .at(-1);
      expect([0, 1, 2, 5].map(claimed)).toEqual([
        "🏆 Ещё не получена",
        "🏆 Получена 1 раз",
        "🏆 Получена 2 раза",
        "🏆 Получена 5 раз",
      ]);
      expect(ru("hint-free-text")).toBe("Не понимаю. Воспользуйтесь меню или /help.");
      expect(ru("api-button-forget")).toBe("🧹 Сохранено: удалить сообщение");
      expect(ru("api-key-gave-up")).not.toMatch(/\bЯ\b/);
    });

    it("gives claimed rewards' dates in the person's language", async () => {
      const { user, account } = await person("ru");
      const reward = await kit.core.rewards.create(account.id, { name: "Торт", piecesRequired: 1 });
      if (!reward.ok) throw new Error(JSON.stringify(reward));
      const habit = await kit.core.habits.create(account.id, { name: "Бег" });
      if (!habit.ok) throw new Error(JSON.stringify(habit));
      // The guarantee gives the last habit of the day its piece.
      await kit.core.completions.complete({ userId: account.id, habitId: habit.value.id, source: "bot" });
      expect((await kit.core.rewards.claim(account.id, reward.value.id)).ok).toBe(true);
      await user.command("claimed_rewards");
      expect(user.lastMessage()?.text.split("\n")[1]).toBe("10 мар. 2026 г., 10:00 · Торт");
    });

    it("says Cancel one way in Kazakh, and writes weekdays as dates do", async () => {
      const kk = (key: string) => text("kk", key);
      expect(kk("habit-button-cancel")).toBe(kk("reward-form-cancel"));
      expect(kk("api-button-cancel")).toBe(kk("reward-form-cancel"));
      const intl = new Intl.DateTimeFormat("kk", { weekday: "short", timeZone: "UTC" });
      // 2026-03-09 is a Monday.
      for (let day = 1; day <= 7; day++) {
        const weekday = intl.format(new Date(Date.UTC(2026, 2, 8 + day, 12)));
        expect(kk(`habit-day-${day}`).toLowerCase(), `day ${day}`).toBe(weekday);
      }
    });
  });
});
