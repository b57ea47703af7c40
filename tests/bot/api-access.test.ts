// 🔑 API access, played by people in a chat with the real bot over a real database: login codes
// and API keys, checked against the core's access service (what the REST API will call).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  accountOf,
  createTelegramKit,
  htmlToText,
  onboard,
  type TelegramKit,
  type TelegramUser,
} from "../kit/index.js";
import { dialect } from "../support/test-database.js";

const start = "2026-03-10T09:00:00Z";

describe(`API access on ${dialect}`, () => {
  let kit: TelegramKit;
  beforeAll(async () => {
    kit = await createTelegramKit();
  });
  afterEach(() => kit.clock.set(start));
  afterAll(async () => kit?.close());

  const text = (key: string, args?: Record<string, string | number>) => htmlToText(kit.bot.i18n.t("en", key, args));

  async function openAccess(user: TelegramUser): Promise<void> {
    await user.command("settings");
    await user.tap(text("settings-button-api"));
  }

  /** The code in the latest "your login code" message. */
  const shownCode = (user: TelegramUser) => /\d{6}/.exec(user.lastMessage()?.text ?? "")?.[0];
  /** The key in the latest "your new API key" message. */
  const shownKey = (user: TelegramUser) => /hab_[A-Za-z0-9_-]{43}/.exec(user.lastMessage()?.text ?? "")?.[0];

  it("gives a one-time login code that the core accepts once; the fourth in an hour is refused", async () => {
    const ann = kit.user();
    await onboard(ann);
    const account = await accountOf(kit, ann);
    await openAccess(ann);
    expect(ann.lastMessage()?.text).toContain(text("api-keys-none"));

    await ann.tap(text("api-button-code"));
    const code = shownCode(ann);
    expect(code).toBeDefined();
    expect(ann.lastMessage()?.text).toBe(text("api-code", { code: code ?? "", minutes: 5 }));
    const verified = await kit.core.access.verifyLoginCode(account.id, code ?? "");
    expect(verified.ok && verified.value.id).toBe(account.id);
    expect((await kit.core.access.verifyLoginCode(account.id, code ?? "")).ok).toBe(false);

    // The message goes once it has been copied.
    const messages = ann.messages().length;
    await ann.tap(text("api-button-forget"));
    expect(ann.messages()).toHaveLength(messages - 1);
    expect(ann.messages().some((message) => message.text.includes(code ?? "-"))).toBe(false);

    await ann.tap(text("api-button-code"));
    await ann.tap(text("api-button-code"));
    const shown = ann.messages().length;
    await ann.tap(text("api-button-code"));
    // 09:00 UTC is 10:00 in Berlin: the first code of the hour ages out at 11:00.
    expect(ann.callbackAnswers().at(-1)).toBe(text("api-code-limit", { limit: 3, time: "11:00" }));
    expect(ann.messages()).toHaveLength(shown);
  });

  it("makes a named API key shown once, lists it, and revokes it after a confirmation", async () => {
    const ben = kit.user({ firstName: "Ben" });
    await onboard(ben);
    const account = await accountOf(kit, ben);
    await openAccess(ben);
    await ben.tap(text("api-button-new-key"));
    expect(ben.lastMessage()?.text).toBe(text("api-key-ask-name", { limit: 50 }));

    await ben.send("   ");
    expect(ben.lastMessage()?.text).toBe(text("api-key-name-empty", { limit: 50 }));
    await ben.send("x".repeat(51));
    expect(ben.lastMessage()?.text).toBe(text("api-key-name-too-long", { limit: 50 }));
    expect(await kit.core.access.listApiKeys(account.id)).toEqual([]);

    await ben.send("<b>My</b> script");
    const key = shownKey(ben);
    expect(ben.lastMessage()?.text).toBe(
      text("api-key-made", { name: "&lt;b&gt;My&lt;/b&gt; script", key: key ?? "" }),
    );
    expect((await kit.core.access.authenticateApiKey(key ?? ""))?.user.id).toBe(account.id);

    await openAccess(ben);
    const [listed] = await kit.core.access.listApiKeys(account.id);
    expect(ben.lastMessage()?.text).toContain(`<b>My</b> script ${listed?.prefix}…`);
    expect(ben.lastMessage()?.text).not.toContain(key ?? "-");
    // Button labels are plain text: the name as typed.
    await ben.tap(kit.bot.i18n.t("en", "api-button-revoke", { name: "<b>My</b> script" }));
    expect(ben.lastMessage()?.text).toBe(
      text("api-revoke-confirm", { name: "&lt;b&gt;My&lt;/b&gt; script", prefix: listed?.prefix ?? "" }),
    );
    await ben.tap(text("api-button-revoke-yes"));
    expect(ben.callbackAnswers().at(-1)).toBe(text("api-revoked-toast"));
    expect(ben.lastMessage()?.text).toContain(text("api-keys-none"));
    expect(await kit.core.access.authenticateApiKey(key ?? "")).toBeUndefined();
  });

  it("continues the key's name step after a restart, and Cancel or a command makes no key", async () => {
    const cid = kit.user();
    await onboard(cid);
    const account = await accountOf(kit, cid);
    await openAccess(cid);
    await cid.tap(text("api-button-new-key"));
    await kit.restart();
    await cid.send("Backup job");
    expect(shownKey(cid)).toBeDefined();
    expect((await kit.core.access.listApiKeys(account.id)).map((item) => item.name)).toEqual(["Backup job"]);

    await openAccess(cid);
    await cid.tap(text("api-button-new-key"));
    await cid.tap(text("api-button-cancel"));
    expect(cid.lastMessage()?.text).toContain(text("api-title"));
    await cid.send("Not a key name");
    expect(cid.lastMessage()?.text).toBe(text("hint-free-text"));

    await cid.tap(text("api-button-new-key"));
    await cid.command("streaks");
    await cid.send("Nor this");
    expect(cid.lastMessage()?.text).toBe(text("hint-free-text"));
    expect(await kit.core.access.listApiKeys(account.id)).toHaveLength(1);
  });

  it("refuses a forged revoke of another person's key and changes nothing", async () => {
    const owner = kit.user();
    await onboard(owner);
    const ownerAccount = await accountOf(kit, owner);
    const made = await kit.core.access.createApiKey(ownerAccount.id, "Owner's key");
    if (!made.ok) throw new Error(JSON.stringify(made));
    const eve = kit.user();
    await onboard(eve);
    for (const action of ["revoke", "revoke-yes", "nonsense"]) {
      await eve.tap({ data: `api|${action}|${made.value.apiKey.id}` });
      expect(eve.callbackAnswers().at(-1)).toBe(text("error-stale-button"));
    }
    expect((await kit.core.access.authenticateApiKey(made.value.key))?.user.id).toBe(ownerAccount.id);
  });

  it("lists each key with what it may do and its last use, so a key made elsewhere can be found and revoked", async () => {
    const dee = kit.user();
    await onboard(dee);
    const account = await accountOf(kit, dee);
    // A read-only key made in the bot, and one made elsewhere (the REST API) that may read and write.
    await openAccess(dee);
    await dee.tap(text("api-button-new-read-key"));
    await dee.send("Dashboard");
    const dashboard = shownKey(dee);
    const elsewhere = await kit.core.access.createApiKey(account.id, "Unknown app");
    if (!elsewhere.ok) throw new Error(JSON.stringify(elsewhere));
    expect(dashboard).toBeDefined();
    expect((await kit.core.access.listApiKeys(account.id)).map((key) => `${key.name}:${key.scopes}`).sort()).toEqual([
      "Dashboard:read",
      "Unknown app:read,write",
    ]);

    // The unknown app used its key on 12 March.
    kit.clock.set("2026-03-12T15:00:00Z");
    await kit.core.access.authenticateApiKey(elsewhere.value.key);
    await openAccess(dee);
    const screen = dee.lastMessage()?.text ?? "";
    const line = (name: string) => screen.split("\n").find((row) => row.includes(name)) ?? "";
    expect(line("Unknown app")).toContain(text("api-scope-read-write"));
    expect(line("Unknown app")).toContain(
      new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: account.timezone }).format(
        new Date("2026-03-12T15:00:00Z"),
      ),
    );
    expect(line("Dashboard")).toContain(text("api-scope-read"));
    expect(line("Dashboard")).toContain(text("api-key-never-used"));
    expect(screen).toContain(text("api-keys-hint"));

    await dee.tap(kit.bot.i18n.t("en", "api-button-revoke", { name: "Unknown app" }));
    await dee.tap(text("api-button-revoke-yes"));
    expect(await kit.core.access.authenticateApiKey(elsewhere.value.key)).toBeUndefined();
    expect((await kit.core.access.listApiKeys(account.id)).map((key) => key.name)).toEqual(["Dashboard"]);
  });

  it.each(["ru", "kk"])("names the scopes in %s too", async (language) => {
    const person = kit.user({ languageCode: language });
    await onboard(person);
    const account = await accountOf(kit, person);
    const made = await kit.core.access.createApiKey(account.id, "Script", ["read"]);
    if (!made.ok) throw new Error(JSON.stringify(made));
    await person.command("api");
    const shown = person.lastMessage()?.text ?? "";
    expect(shown).toContain(htmlToText(kit.bot.i18n.t(language, "api-scope-read")));
    expect(shown).toContain(htmlToText(kit.bot.i18n.t(language, "api-keys-hint")));
    expect(kit.bot.i18n.t(language, "api-scope-read")).not.toBe(kit.bot.i18n.t("en", "api-scope-read"));
  });
});
