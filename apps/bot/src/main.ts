// `pnpm start:bot`: the Telegram bot alone (polling, or webhook on its own HTTP port).
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { ConfigError, createLogger, listen, onShutdownSignal, runMain, secretsIn } from "@habits/runtime";
import express from "express";
import { createCoreFor } from "./core-for-database.js";
import { createBot } from "./create-bot.js";
import { botConfigFrom, loadBotEnv } from "./env.js";
import { registerWebhook, startPolling } from "./run-bot.js";
import { createWebhookHandler } from "./webhook.js";

runMain(async () => {
  const env = loadBotEnv(process.env);
  const config = botConfigFrom(env);
  if (!config)
    throw new ConfigError("Invalid configuration: BOT_TOKEN is required to run the bot (get one from @BotFather)");
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: Boolean(process.stdout.isTTY),
    secrets: secretsIn(process.env),
  });
  const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL, process.cwd()));
  await database.migrate();
  const bot = createBot({
    token: config.token,
    apiRoot: config.apiRoot,
    logger,
    core: createCoreFor(database),
    client: database.client,
  });

  const shutdown = { timeoutSeconds: env.SHUTDOWN_TIMEOUT };

  if (config.mode === "polling") {
    const polling = await startPolling(bot, logger);
    onShutdownSignal(
      logger,
      async () => {
        await polling.stop();
        await database.close();
      },
      shutdown,
    );
    return;
  }
  const app = express();
  app.post(new URL(config.webhookUrl).pathname, express.json(), createWebhookHandler(bot, config.webhookSecret));
  // The same draining server as the API's: a webhook call in flight is answered before the exit.
  const server = await listen(app, { port: env.PORT, host: env.HOST });
  await registerWebhook(bot, config, logger);
  onShutdownSignal(
    logger,
    async () => {
      await server.close();
      await database.close();
    },
    shutdown,
  );
});
