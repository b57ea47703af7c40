// `pnpm start:bot`: the Telegram bot alone (polling, or webhook on its own HTTP port).
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { ConfigError, createLogger, onShutdownSignal, runMain, secretsIn, serverSecretFrom } from "@habits/runtime";
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
  // The API's secret, read the same way: the login codes this bot issues are checked by the API.
  const serverSecret = serverSecretFrom(env, process.cwd());
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: Boolean(process.stdout.isTTY),
    secrets: [...secretsIn(process.env), serverSecret],
  });
  const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL, process.cwd()), {
    onFileNotice: (line) => logger.warn(line),
  });
  await database.migrate();
  const bot = createBot({
    token: config.token,
    apiRoot: config.apiRoot,
    logger,
    core: createCoreFor(database, serverSecret),
    client: database.client,
  });

  if (config.mode === "polling") {
    const polling = await startPolling(bot, logger);
    onShutdownSignal(logger, async () => {
      await polling.stop();
      await database.close();
    });
    return;
  }
  const app = express();
  app.post(new URL(config.webhookUrl).pathname, express.json(), createWebhookHandler(bot, config.webhookSecret));
  const server = app.listen(env.PORT, env.HOST);
  await registerWebhook(bot, config, logger);
  onShutdownSignal(logger, async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });
});
