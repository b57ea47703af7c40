import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountOf,
  createTelegramKit,
  htmlToText,
  onboard,
  type TelegramKit,
  type TelegramUser,
} from "../kit/index.js";
import { dialect } from "../support/test-database.js";

describe(`robustness on ${dialect}`, () => {
  let kit: TelegramKit;
  beforeAll(async () => {
    kit = await createTelegramKit();
  });
  afterAll(async () => kit?.close());

  const text = (key: string, args?: Record<string, string | number>) => htmlToText(kit.bot.i18n.t("en", key, args));

  async function personWithHabit(name: string) {
    const user = kit.user();
    await onboard(user);
    const account = await accountOf(kit, user);
    const habit = await kit.core.habits.create(account.id, { name });
    if (!habit.ok) throw new Error(JSON.stringify(habit));
    return { user, account, habitId: habit.value.id };
  }

  describe("stale and forged buttons", () => {
    let mallory: TelegramUser;
    let victim: Awaited<ReturnType<typeof personWithHabit>>;
    beforeAll(async () => {
      victim = await personWithHabit("Victim's habit");
      // The victim logs it, so there is a completion an Undo could take back.
      await victim.user.command("done");
      await victim.user.tap("Victim's habit");
      ({ user: mallory } = await personWithHabit("Mine"));
      await mallory.command("done");
    });

    it.each([
      ["random data", () => "x7$kq|||"],
      ["another person's habit", () => `done|${victim.habitId}`],
      ["done with the habit missing", () => "done|"],
      ["done with an extra field", () => `done|${victim.habitId}|x`],
      ["undo of another person's completion", () => `undo|${victim.habitId}|2026-03-10`],
      ["undo with the date missing", () => `undo|${victim.habitId}`],
      ["undo with a malformed date", () => `undo|${victim.habitId}|yesterday`],
      ["an unknown menu section", () => "menu|secret"],
      ["a menu button with no section", () => "menu|"],
    ])("%s is answered and changes nothing", async (_name, data) => {
      const before = mallory.messages();
      const answersBefore = mallory.callbackAnswers().length;
      await mallory.tap({ data: data() });
      expect(mallory.callbackAnswers().slice(answersBefore)).toEqual([text("error-stale-button")]);
      expect(mallory.messages()).toEqual(before);
      const victimCompletions = await kit.core.completions.list(victim.account.id, victim.habitId);
      expect(victimCompletions?.map((completion) => completion.date)).toEqual(["2026-03-10"]);
      expect(victim.user.callbackAnswers()).toEqual([""]);
    });
  });

  it("answers free text outside a flow with a hint", async () => {
    const ann = kit.user();
    await onboard(ann);
    for (const words of ["hello", "what now?"]) {
      await ann.send(words);
      expect(ann.lastMessage()?.text).toBe(text("hint-free-text"));
    }
    await ann.shareLocation(52.52, 13.4);
    expect(ann.lastMessage()?.text).toBe(text("hint-free-text"));
    await ann.send("/nosuchcommand");
    expect(ann.lastMessage()?.text).toBe(text("hint-free-text"));
  });

  it("/cancel with nothing going on says so", async () => {
    const ann = kit.user();
    await onboard(ann);
    await ann.command("cancel");
    expect(ann.lastMessage()?.text).toBe(text("cancel-nothing"));
  });

  it("/cancel leaves the onboarding: the keyboard goes; the zone is asked for again at the next message", async () => {
    const ann = kit.user();
    await ann.command("start");
    expect(ann.replyButtons()).not.toEqual([]);
    await ann.command("cancel");
    expect(ann.lastMessage()?.text).toBe(text("cancel-done"));
    expect(ann.replyButtons()).toEqual([]);
    await ann.send("Berlin");
    expect(ann.lastMessage()?.text).toContain(text("start-ask-timezone"));
    expect((await accountOf(kit, ann)).timezone).toBe("UTC");
  });

  it("marks a person who blocked the bot unreachable, and reachable again when they write", async () => {
    const { user } = await personWithHabit("Read");
    user.blockBot();
    // An update that was on its way when they blocked the bot: its answer gets a 403.
    await user.command("done");
    const blocked = await accountOf(kit, user);
    expect(blocked.telegramBlockedAt).toEqual(kit.clock.now());
    expect(user.calls().at(-1)?.method).toBe("sendMessage");

    user.unblockBot();
    await user.command("done");
    expect((await accountOf(kit, user)).telegramBlockedAt).toBeNull();
    expect(user.lastMessage()?.text?.startsWith(`${text("done-title")}\n`)).toBe(true);
  });

  it("apologises in the chat when a tap fails after it was answered, and keeps running", async () => {
    const { user, account, habitId } = await personWithHabit("Read");
    await user.command("done");
    user.failNextCall("editMessageText");
    await user.tap("Read");
    expect(user.callbackAnswers()).toEqual([""]);
    expect(user.lastMessage()?.text).toBe(text("error-generic"));
    // The completion itself was kept; the next tap on the stale list says so.
    expect(await kit.core.completions.list(account.id, habitId)).toHaveLength(1);
    await user.command("streaks");
    expect(user.lastMessage()?.text).toContain("Read: 1 now");
  });

  it("toasts the apology when a tap fails before it was answered", async () => {
    const { user } = await personWithHabit("Read");
    await user.command("done");
    user.failNextCall("answerCallbackQuery");
    await user.tap("Read").catch(() => undefined);
    // The first answer failed; the error boundary answered with the apology.
    expect(user.callbackAnswers()).toEqual([text("error-generic")]);
  });

  it("escapes what people typed in every HTML message", async () => {
    const name = "<b>x</b>&";
    const { user } = await personWithHabit(name);
    await user.command("done");
    // Button labels are plain text: shown exactly as typed.
    expect(user.buttons()).toContain(name);
    await user.tap(name);
    const logged = user.lastMessage();
    expect(logged?.html).toContain("<b>&lt;b&gt;x&lt;/b&gt;&amp;</b>");
    expect(logged?.text).toContain(`${name} done!`);
    await user.command("streaks");
    expect(user.lastMessage()?.html).toContain("&lt;b&gt;x&lt;/b&gt;&amp;: 1 now");
  });

  it("shows markdown-looking text literally: the bot speaks HTML, so nothing is formatted or linked", async () => {
    const name = "*bold* _it_ `code` [link](https://example.com)";
    const { user } = await personWithHabit(name);
    await user.command("done");
    await user.tap(name);
    expect(user.lastMessage()?.text).toContain(`${name} done!`);
    expect(user.lastMessage()?.html).not.toContain("<a ");
  });

  it("keeps a person's chat and flow across a restart; update ids go on increasing", async () => {
    const { user } = await personWithHabit("Read");
    await user.command("done");
    await kit.restart();
    await user.tap("Read");
    expect(user.lastMessage()?.text).toContain("Read done!");
    const ann = kit.user();
    await ann.command("start");
    await kit.restart();
    await ann.pressReplyButton("Asia/Tokyo");
    expect((await accountOf(kit, ann)).timezone).toBe("Asia/Tokyo");
  });
});
