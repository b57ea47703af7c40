// The login code the REST API asks the bot to send (POST /auth/telegram/code), as the person sees it:
// in their language, with the code and how long it works.

import { inspect } from "node:util";
import { createLoginCodeSender } from "@habits/bot";
import { accessLimits } from "@habits/core";
import { GrammyError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramKit, htmlToText, type TelegramKit } from "../kit/index.js";

describe("the API's login code message", () => {
  let kit: TelegramKit;
  beforeAll(async () => {
    kit = await createTelegramKit();
  });
  afterAll(async () => kit?.close());

  it.each(["en", "ru", "kk"])("arrives in %s with the code and its lifetime", async (language) => {
    const user = kit.user();
    await createLoginCodeSender(kit.bot)(user.id, "482913", language);
    const expected = htmlToText(
      kit.bot.i18n.t(language, "login-code-message", { code: "482913", minutes: accessLimits.loginCodeTtlMinutes }),
    );
    expect(user.lastMessage()?.text).toBe(expected);
    expect(expected).toContain("482913");
    expect(expected).toContain(String(accessLimits.loginCodeTtlMinutes));
  });

  it("lets a refusal reach the caller (the API logs it) without the message, so without the code", async () => {
    const user = kit.user();
    user.blockBot();
    const refused: unknown = await createLoginCodeSender(kit.bot)(user.id, "111111", "en").catch((error) => error);
    expect(refused).toBeInstanceOf(GrammyError);
    expect(refused).toMatchObject({ method: "sendMessage", error_code: 403 });
    expect(inspect(refused, { showHidden: true, depth: 10 })).not.toContain("111111");

    user.unblockBot();
    user.breakNextCall("sendMessage");
    const failed: unknown = await createLoginCodeSender(kit.bot)(user.id, "222222", "en").catch((error) => error);
    expect(String(failed)).toContain("Network request for 'sendMessage' failed");
    expect(inspect(failed, { showHidden: true, depth: 10 })).not.toContain("222222");
  });
});
