import { run } from "@grammyjs/runner";
import type { Logger } from "@habits/runtime";
import type { HabitBot } from "./create-bot.js";
import type { BotConfig } from "./env.js";
import { registerCommands } from "./telegram/commands.js";

export interface RunningBot {
  stop(): Promise<void>;
}

/**
 * Long polling with @grammyjs/runner: updates of different chats run concurrently, one chat's in
 * order (the bot sequentializes per chat). Start-up calls that are not essential (deleteWebhook,
 * setMyCommands) are logged, never fatal.
 */
export async function startPolling({ bot, i18n }: HabitBot, logger: Logger): Promise<RunningBot> {
  await bot.init();
  await bot.api.deleteWebhook().catch((error: unknown) => logger.warn({ err: error }, "deleteWebhook failed"));
  await registerCommands(bot.api, i18n, logger);
  const runner = run(bot);
  logger.info({ bot: bot.botInfo.username }, "bot polling");
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
    },
  };
}

export async function registerWebhook(
  { bot, i18n }: HabitBot,
  config: Extract<BotConfig, { mode: "webhook" }>,
  logger: Logger,
): Promise<void> {
  await bot.init();
  await bot.api.setWebhook(config.webhookUrl, { secret_token: config.webhookSecret });
  await registerCommands(bot.api, i18n, logger);
  logger.info({ bot: bot.botInfo.username, url: config.webhookUrl }, "bot webhook registered");
}
