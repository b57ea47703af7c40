import { run } from "@grammyjs/runner";
import type { Logger } from "@habits/runtime";
import type { BotError } from "grammy";
import type { BotContext } from "./context.js";
import type { HabitBot } from "./create-bot.js";
import type { BotConfig } from "./env.js";
import { registerCommands } from "./telegram/commands.js";

export interface RunningBot {
  stop(): Promise<void>;
}

/**
 * Long polling with @grammyjs/runner: updates of different chats run concurrently, one chat's in
 * order (the bot sequentializes per chat). Stopping waits for the updates already fetched.
 * Start-up calls that are not essential (deleteWebhook, setMyCommands) are logged, never fatal.
 */
export async function startPolling({ bot, i18n }: HabitBot, logger: Logger): Promise<RunningBot> {
  await bot.init();
  await bot.api.deleteWebhook().catch((error: unknown) => logger.warn({ err: error }, "deleteWebhook failed"));
  await registerCommands(bot.api, i18n, logger);
  // The runner's stop() resolves once it stops fetching, not when the updates it fetched are
  // handled (its concurrent sink hands them off): count them here, so stopping waits for them
  // before the database closes under them.
  const inFlight = new Set<Promise<void>>();
  const runner = run({
    init: () => bot.init(),
    api: bot.api,
    errorHandler: (error: BotError<BotContext>) => bot.errorHandler(error),
    handleUpdate: (update) => {
      const handled = bot.handleUpdate(update);
      inFlight.add(handled);
      const forget = () => inFlight.delete(handled);
      handled.then(forget, forget);
      return handled;
    },
  });
  logger.info({ bot: bot.botInfo.username }, "bot polling");
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
      // Failures were the bot's error handler's to log (the runner gets them too).
      await Promise.allSettled(inFlight);
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
