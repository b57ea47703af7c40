import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountOf, createTelegramKit, htmlToText, type TelegramKit } from "../kit/index.js";
import { dialect } from "../support/test-database.js";

const languages = [
  { language: "en", welcome: "Welcome, Ann!", menu: "Main menu" },
  { language: "ru", welcome: "Здравствуйте, Ann!", menu: "Главное меню" },
  { language: "kk", welcome: "Қош келдіңіз, Ann!", menu: "Басты мәзір" },
] as const;

describe(`onboarding on ${dialect}`, () => {
  let kit: TelegramKit;
  beforeAll(async () => {
    kit = await createTelegramKit();
  });
  afterAll(async () => kit?.close());

  const text = (language: string, key: string, args?: Record<string, string | number>) =>
    htmlToText(kit.bot.i18n.t(language, key, args));

  describe.each(languages)("in $language", ({ language, welcome, menu }) => {
    it("welcomes in the person's language and offers zones, a location button and typing", async () => {
      const ann = kit.user({ languageCode: language });
      await ann.command("start");
      const [first, ...rest] = ann.messages();
      expect(rest).toEqual([]);
      expect(first?.text).toContain(welcome);
      expect(first?.text).toContain(text(language, "start-ask-timezone"));
      expect(ann.replyButtons()).toEqual([
        text(language, "timezone-location-button"),
        "Europe/Moscow",
        "Asia/Almaty",
        "Europe/Berlin",
        "Europe/London",
        "America/New_York",
        "Asia/Tokyo",
        "UTC",
      ]);
      const account = await accountOf(kit, ann);
      expect(account.language).toBe(language);
      expect(account.telegram?.firstName).toBe("Ann");
    });

    it("takes a preset zone button, removes the keyboard and shows the main menu", async () => {
      const ann = kit.user({ languageCode: language });
      await ann.command("start");
      await ann.pressReplyButton("Europe/Moscow");
      expect((await accountOf(kit, ann)).timezone).toBe("Europe/Moscow");
      const [, zoneSet, ready] = ann.messages();
      expect(zoneSet?.text).toContain("Europe/Moscow");
      const [zoneLine] = text(language, "timezone-set", { zone: "Europe/Moscow", time: "@" }).split("@");
      expect(zoneSet?.text.startsWith(zoneLine ?? "?")).toBe(true);
      expect(ann.replyButtons()).toEqual([]);
      expect(ready?.text).toContain(menu);
      expect(ann.buttons()).toContain(text(language, "menu-done"));

      // The first habit is offered on top: one tap starts the new-habit flow.
      expect(ann.buttons()[0]).toBe(text(language, "start-button-first-habit"));
      await ann.tap(text(language, "start-button-first-habit"));
      expect(ann.lastMessage()?.text).toContain(text(language, "habit-new-title"));
    });

    it("takes a shared location (Almaty)", async () => {
      const ann = kit.user({ languageCode: language });
      await ann.command("start");
      await ann.shareLocation(43.24, 76.89);
      expect((await accountOf(kit, ann)).timezone).toBe("Asia/Almaty");
      expect(ann.lastMessage()?.text).toContain(menu);
    });

    it("takes a typed zone name", async () => {
      const ann = kit.user({ languageCode: language });
      await ann.command("start");
      await ann.send("America/Los_Angeles");
      expect((await accountOf(kit, ann)).timezone).toBe("America/Los_Angeles");
    });

    it.each([
      ["Алматы", "Asia/Almaty"],
      ["Tokyo", "Asia/Tokyo"],
      ["new york", "America/New_York"],
    ])("takes a typed city: %s", async (city, zone) => {
      const ann = kit.user({ languageCode: language });
      await ann.command("start");
      await ann.send(city);
      expect((await accountOf(kit, ann)).timezone).toBe(zone);
    });

    it("answers an unknown zone and asks again", async () => {
      const ann = kit.user({ languageCode: language });
      await ann.command("start");
      const zoneBefore = (await accountOf(kit, ann)).timezone;
      await ann.send("Atlantis <b>");
      expect(ann.lastMessage()?.text).toBe(text(language, "timezone-unknown", { input: "Atlantis &lt;b&gt;" }));
      expect(ann.lastMessage()?.html).toContain("Atlantis &lt;b&gt;");
      expect((await accountOf(kit, ann)).timezone).toBe(zoneBefore);
      // Still asking: the next answer is taken as a zone.
      await ann.send("Berlin");
      expect((await accountOf(kit, ann)).timezone).toBe("Europe/Berlin");
      expect(ann.lastMessage()?.text).toContain(menu);
    });
  });

  it("speaks English to a person whose Telegram language is not ours, or unset", async () => {
    for (const languageCode of ["de", undefined]) {
      // An unset language: some Telegram clients send none.
      const hans = kit.user({ firstName: "Hans", languageCode });
      await hans.command("start");
      expect(hans.lastMessage()?.text).toContain("Welcome, Hans!");
      expect((await accountOf(kit, hans)).language).toBe("en");
    }
  });

  it("escapes the person's name in the welcome", async () => {
    const mallory = kit.user({ firstName: "<i>M&M</i>" });
    await mallory.command("start");
    expect(mallory.lastMessage()?.html).toContain("Welcome, &lt;i&gt;M&amp;M&lt;/i&gt;!");
    expect(mallory.lastMessage()?.text).toContain("Welcome, <i>M&M</i>!");
  });

  it("takes a deep link and /start again shows the menu instead of onboarding again", async () => {
    const ann = kit.user();
    await ann.command("start", "from-a-friend");
    expect(ann.lastMessage()?.text).toContain("Welcome, Ann!");
    await ann.pressReplyButton("UTC");
    await ann.command("start");
    expect(ann.lastMessage()?.text).toBe("🏠 Main menu");
  });

  it("opens the screen a deep link names, once the person has an account; others land on the menu", async () => {
    const ann = kit.user();
    await ann.command("start", "done");
    expect(ann.lastMessage()?.text).toContain("Welcome, Ann!");
    await ann.pressReplyButton("UTC");
    await ann.command("start", "done");
    expect(ann.lastMessage()?.text).toBe(text("en", "done-no-habits"));
    await ann.command("start", "settings");
    expect(ann.lastMessage()?.text).toContain(text("en", "settings-title"));
    await ann.command("start", "nothing-we-know");
    expect(ann.lastMessage()?.text).toBe(text("en", "menu-title"));
  });

  it("asks again when /start, a button or a sticker comes instead of a zone", async () => {
    const ann = kit.user();
    await ann.command("start");
    const question = text("en", "start-ask-timezone");
    await ann.command("start");
    expect(ann.lastMessage()?.text).toBe(question);
    await ann.tap({ data: "menu|main" });
    expect(ann.lastMessage()?.text).toBe(question);
    expect(ann.callbackAnswers()).toEqual([""]);
    expect(ann.replyButtons()).toContain("Asia/Almaty");
    await ann.pressReplyButton("Asia/Almaty");
    expect((await accountOf(kit, ann)).timezone).toBe("Asia/Almaty");
  });

  it("does another command at once, and asks for the zone again at the next /start or message", async () => {
    const ann = kit.user();
    await ann.command("start");
    await ann.command("help");
    const [later, help] = ann.messages().slice(-2);
    expect(later?.text).toBe(text("en", "start-zone-later"));
    expect(help?.text).toBe(text("en", "help-text"));
    expect(ann.replyButtons()).toEqual([]);
    expect((await accountOf(kit, ann)).timezoneChosenAt).toBeNull();

    await ann.command("start");
    expect(ann.lastMessage()?.text).toContain(text("en", "start-ask-timezone"));
    await ann.pressReplyButton("Asia/Tokyo");
    expect((await accountOf(kit, ann)).timezoneChosenAt).toEqual(kit.clock.now());
    await ann.command("start");
    expect(ann.lastMessage()?.text).toBe(text("en", "menu-title"));
  });

  it("onboards someone whose first message is not /start", async () => {
    const ben = kit.user({ firstName: "Ben" });
    await ben.send("hi");
    expect(ben.lastMessage()?.text).toContain("Welcome, Ben!");
    await ben.pressReplyButton("UTC");
    // UTC chosen on purpose: chosen is chosen.
    await ben.command("start");
    expect(ben.lastMessage()?.text).toBe(text("en", "menu-title"));
  });

  it("says when a shared place has no zone, and shows a whole-hour offset as UTC+5", async () => {
    const ann = kit.user();
    await ann.command("start");
    await ann.shareLocation(95, 200);
    expect(ann.lastMessage()?.text).toBe(text("en", "timezone-location-unknown"));
    await ann.send("UTC+5");
    expect((await accountOf(kit, ann)).timezone).toBe("Etc/GMT-5");
    const [shown] = text("en", "timezone-set", { zone: "UTC+5", time: "@" }).split("@");
    const confirmation = ann.messages().at(-2)?.text ?? "";
    expect(confirmation.startsWith(shown ?? "?")).toBe(true);
  });

  it("quotes a long unknown zone cut at whole characters", async () => {
    const ann = kit.user();
    await ann.command("start");
    await ann.send(`${"a".repeat(63)}😀😀`);
    expect(ann.lastMessage()?.text).toContain(`“${"a".repeat(63)}😀”`);
  });

  it("continues the onboarding after a restart of the bot", async () => {
    const ann = kit.user({ languageCode: "kk" });
    await ann.command("start");
    await kit.restart();
    await ann.send("Алматы");
    expect((await accountOf(kit, ann)).timezone).toBe("Asia/Almaty");
    expect(ann.lastMessage()?.text).toContain("Басты мәзір");
  });
});
