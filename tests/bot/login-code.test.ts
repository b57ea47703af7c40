// The login code the REST API asks the bot to send (POST /auth/telegram/code), as the person sees it:
// in their language, with the code and how long it works.

import { createLoginCodeSender } from "@habits/bot";
import { accessLimits } from "@habits/core";
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

  it("lets a refusal reach the caller (the API logs it)", async () => {
    const user = kit.user();
    user.blockBot();
    await expect(createLoginCodeSender(kit.bot)(user.id, "111111", "en")).rejects.toThrow();
  });
});
