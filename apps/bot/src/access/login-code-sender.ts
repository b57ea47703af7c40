// The login code the REST API asks for (POST /auth/telegram/code), sent to the account's chat in
// its language. Errors reach the caller, which logs them: the API answers alike either way.
import { accessLimits } from "@habits/core";
import type { HabitBot } from "../create-bot.js";

export function createLoginCodeSender(bot: HabitBot) {
  return async (chatId: number, code: string, language: string): Promise<void> => {
    const text = bot.i18n.t(language, "login-code-message", { code, minutes: accessLimits.loginCodeTtlMinutes });
    await bot.bot.api.sendMessage(chatId, text, { parse_mode: "HTML" });
  };
}
