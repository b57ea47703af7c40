import type { Logger } from "@habits/runtime";
import { Bot, type Context, type BotConfig as GrammyBotConfig } from "grammy";
import type { UserFromGetMe } from "grammy/types";

export interface BotDependencies {
  token: string;
  logger: Logger;
  /** A local Bot API server instead of api.telegram.org. */
  apiRoot?: string | undefined;
  /** Known bot identity, so tests need no getMe call. */
  botInfo?: UserFromGetMe;
  /** Replaces the HTTP transport, so tests can answer and record every Bot API call. */
  fetch?: NonNullable<GrammyBotConfig<Context>["client"]>["fetch"];
}

/**
 * The Telegram bot. The flows of BOT.md arrive with the bot issue; for now it greets and
 * answers, so a token proves the wiring (polling, webhook, shutdown) end to end.
 */
export function createBot(deps: BotDependencies): Bot {
  const bot = new Bot(deps.token, {
    botInfo: deps.botInfo,
    client: {
      ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    },
  });
  bot.command("start", (ctx) => ctx.reply("👋 Hi! Habit tracking is on its way here. Meanwhile, the REST API is up."));
  bot.on("message", (ctx) => ctx.reply("Send /start to begin."));
  bot.catch((error) => {
    deps.logger.error({ err: error.error, updateId: error.ctx.update.update_id }, "bot update failed");
  });
  return bot;
}
