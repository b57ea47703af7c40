import type { I18n } from "@grammyjs/i18n";
import { languages } from "@habits/core";
import type { Logger } from "@habits/runtime";
import type { Api } from "grammy";
import type { FlowContext } from "../context.js";

export const commandNames = [
  "start",
  "done",
  "new",
  "habits",
  "rewards",
  "streaks",
  "stats",
  "settings",
  "help",
  "cancel",
] as const;

/** Registers the command list in every language we speak; a failure is logged, never fatal. */
export async function registerCommands(api: Api, i18n: I18n<FlowContext>, logger: Logger): Promise<void> {
  for (const language of languages) {
    const commands = commandNames.map((command) => ({ command, description: i18n.t(language, `cmd-${command}`) }));
    await api
      .setMyCommands(commands, language === "en" ? {} : { language_code: language })
      .catch((error: unknown) => logger.warn({ err: error, language }, "setMyCommands failed"));
  }
}
