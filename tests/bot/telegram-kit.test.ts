// The kit itself: its fake Telegram refuses what Telegram refuses, and its errors help.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramKit, onboard, type TelegramKit } from "../kit/index.js";
import { htmlError, htmlToText } from "../kit/telegram-html.js";

describe("the Telegram kit", () => {
  let kit: TelegramKit;
  beforeAll(async () => {
    kit = await createTelegramKit();
  });
  afterAll(async () => kit?.close());

  it("checks HTML as Telegram does", () => {
    expect(htmlError('<b>bold</b> &lt;x&gt; &amp; &#128512; <a href="https://x.y">link</a>')).toBeUndefined();
    expect(htmlError("<code>a</code><pre>b</pre><blockquote>c</blockquote><tg-spoiler>d</tg-spoiler>")).toBeUndefined();
    expect(htmlError("<script>x</script>")).toContain("Unsupported start tag");
    expect(htmlError("a < b")).toContain("Unsupported start tag");
    expect(htmlError("<b>open")).toContain("end tag");
    expect(htmlError("<b><i>x</b></i>")).toContain("Unexpected end tag");
    expect(htmlError("&nbsp;")).toContain("Unsupported HTML entity");
    expect(htmlToText("<b>1 &lt; 2</b> &amp; &quot;q&quot; &#128512;")).toBe('1 < 2 & "q" 😀');
  });

  it("says which buttons there are when a label is not found", async () => {
    const ann = kit.user();
    await onboard(ann);
    await expect(ann.tap("No such button")).rejects.toThrow(/No inline button "No such button"[\s\S]*Done today/);
    await expect(ann.pressReplyButton("Europe/Paris")).rejects.toThrow(/No reply button "Europe\/Paris"/);
  });

  it("refuses a location button press and points to shareLocation", async () => {
    const ann = kit.user();
    await ann.command("start");
    await expect(ann.pressReplyButton("📍 Send my location")).rejects.toThrow(/shareLocation/);
  });

  it("records each chat's calls apart, and every call of the bot", async () => {
    const [ann, bob] = [kit.user(), kit.user()];
    await ann.command("start");
    await bob.command("help");
    expect(ann.calls().map((call) => call.payload.chat_id)).toEqual([ann.id]);
    expect(bob.calls().map((call) => call.payload.chat_id)).toEqual([bob.id]);
    expect(kit.calls().length).toBeGreaterThanOrEqual(2);
    expect(ann.messages().map((message) => message.id)).toEqual([2]);
  });

  it("keeps the users working after a restart, with a new bot", async () => {
    const ann = kit.user();
    await onboard(ann);
    const before = kit.bot;
    await kit.restart();
    expect(kit.bot).not.toBe(before);
    await ann.tap("❓ Help");
    expect(ann.lastMessage()?.edited).toBe(true);
  });
});
