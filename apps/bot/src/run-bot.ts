import type { Logger } from "@habits/runtime";
import type { Bot } from "grammy";
import type { BotConfig } from "./env.js";

export interface RunningBot {
  stop(): Promise<void>;
}

/**
 * Starts receiving updates by long polling. (Webhook mode receives them through an HTTP route
 * instead; see webhook.ts.) Start-up calls that are not essential are logged, never fatal.
 */
export async function startPolling(bot: Bot, logger: Logger): Promise<RunningBot> {
  await bot.init();
  await bot.api.deleteWebhook().catch((error: unknown) => logger.warn({ err: error }, "deleteWebhook failed"));
  const polling = bot.start({
    drop_pending_updates: false,
    onStart: (me) => logger.info({ bot: me.username }, "bot polling"),
  });
  polling.catch((error: unknown) => logger.error({ err: error }, "polling stopped with an error"));
  return {
    async stop() {
      // Stopping confirms the last updates to Telegram; if it can't be reached, shutdown goes on.
      await bot.stop().catch((error: unknown) => logger.warn({ err: error }, "could not confirm the last updates"));
    },
  };
}

export async function registerWebhook(
  bot: Bot,
  config: Extract<BotConfig, { mode: "webhook" }>,
  logger: Logger,
): Promise<void> {
  await bot.init();
  await bot.api.setWebhook(config.webhookUrl, { secret_token: config.webhookSecret });
  logger.info({ bot: bot.botInfo.username, url: config.webhookUrl }, "bot webhook registered");
}
