// `pnpm start:bot`: the Telegram bot alone (polling, or webhook on its own HTTP port).
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import {
  ConfigError,
  createLogger,
  databaseLimitsFrom,
  listen,
  onShutdownSignal,
  type RunningServer,
  runMain,
  secretsIn,
  serverSecretFrom,
} from "@habits/runtime";
import express from "express";
import { createCoreFor } from "./core-for-database.js";
import { createBot } from "./create-bot.js";
import { botConfigFrom, loadBotEnv } from "./env.js";
import { type RunningBot, registerWebhook, startPolling } from "./run-bot.js";
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
    limits: databaseLimitsFrom(env),
  });
  await database.migrate();
  const bot = createBot({
    token: config.token,
    apiRoot: config.apiRoot,
    logger,
    core: createCoreFor(database, serverSecret),
    client: database.client,
  });

  // Installed before the bot starts: a signal always finds its handler and stops what has started.
  let polling: RunningBot | undefined;
  let server: RunningServer | undefined;
  onShutdownSignal(
    logger,
    async () => {
      await Promise.all([polling?.stop(), server?.close()]);
      await database.close();
    },
    { timeoutSeconds: env.SHUTDOWN_TIMEOUT },
  );

  if (config.mode === "polling") {
    polling = await startPolling(bot, logger);
    return;
  }
  const app = express();
  app.post(new URL(config.webhookUrl).pathname, express.json(), createWebhookHandler(bot, config.webhookSecret));
  // The same draining server as the API's: a webhook call in flight is answered before the exit.
  server = await listen(app, { port: env.PORT, host: env.HOST });
  await registerWebhook(bot, config, logger);
});
