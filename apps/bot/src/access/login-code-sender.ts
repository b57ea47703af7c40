// The login code the REST API asks for (POST /auth/telegram/code), sent to the account's chat in
// its language, through sendSecret: errors reach the caller, which logs them (without the text, so
// without the code); the API answers alike either way.
import { accessLimits } from "@habits/core";
import type { HabitBot } from "../create-bot.js";
import { sendSecret } from "../telegram/send-secret.js";

export function createLoginCodeSender(bot: HabitBot) {
  return async (chatId: number, code: string, language: string): Promise<void> => {
    const text = bot.i18n.t(language, "login-code-message", { code, minutes: accessLimits.loginCodeTtlMinutes });
    await sendSecret(bot.bot.api, chatId, text, { parse_mode: "HTML" });
  };
}
