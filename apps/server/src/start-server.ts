import { apiConfigFrom, createApp, createBackgroundWork, listen, type RunningServer } from "@habits/api";
import {
  botConfigFrom,
  createBot,
  createCoreFor,
  createLoginCodeSender,
  createReminderSender,
  createSummarySender,
  createWebhookHandler,
  type RunningBot,
  type RunningTick,
  registerWebhook,
  startPolling,
  startTick,
} from "@habits/bot";
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { createLogger, databaseLimitsFrom, onShutdownSignal, secretsIn, systemClock } from "@habits/runtime";
import { loadServerEnv } from "./env.js";

/**
 * Everything in one process on one database: migrate, then the API, the bot when BOT_TOKEN is
 * set, and the minute tick. On SIGTERM or SIGINT (from the moment the database is migrated, so a
 * process that answers requests always drains them) every part stops taking work at once (the
 * HTTP server stops accepting, polling stops fetching, the tick stops scheduling), each finishes
 * what it has in flight (requests and webhook updates, fetched updates, a running tick), and then
 * the database closes; the process exits 0, or 1 after SHUTDOWN_TIMEOUT.
 */
export async function startProduct(env: Record<string, string | undefined>, workingDirectory: string): Promise<void> {
  const settings = loadServerEnv(env);
  const apiConfig = apiConfigFrom(settings, workingDirectory);
  const botConfig = botConfigFrom(settings);
  const logger = createLogger({
    level: settings.LOG_LEVEL,
    pretty: Boolean(process.stdout.isTTY),
    secrets: [...secretsIn(env), apiConfig.jwtSecret],
  });

  const database = createDatabase(parseDatabaseUrl(settings.DATABASE_URL, workingDirectory), {
    onFileNotice: (line) => logger.warn(line),
    limits: databaseLimitsFrom(settings),
  });
  const migration = await database.migrate();
  logger.info({ database: database.kind, appliedMigrations: migration.applied }, "database ready");

  // Installed before anything listens or is announced: a signal always finds its handler, and
  // stops whatever has started by then.
  let server: RunningServer | undefined;
  let polling: RunningBot | undefined;
  let tick: RunningTick | undefined;
  let stopping = false;
  // Work after an answer (a login code looked up and sent) finishes before the database closes.
  const background = createBackgroundWork();
  onShutdownSignal(
    logger,
    async () => {
      stopping = true;
      // At once, not one after another: HTTP must stop accepting now, not after a tick's pass.
      await Promise.all([server?.close(), polling?.stop(), tick?.stop()]);
      await background.idle();
      await database.close();
    },
    { timeoutSeconds: settings.SHUTDOWN_TIMEOUT },
  );

  const core = createCoreFor(database, apiConfig.jwtSecret);
  const bot = botConfig
    ? createBot({ token: botConfig.token, apiRoot: botConfig.apiRoot, logger, core, client: database.client })
    : undefined;
  const webhooks =
    bot && botConfig?.mode === "webhook"
      ? [{ path: new URL(botConfig.webhookUrl).pathname, handler: createWebhookHandler(bot, botConfig.webhookSecret) }]
      : [];
  const app = createApp({
    logger,
    database,
    core,
    jwt: { secret: apiConfig.jwtSecret },
    cors: { origins: apiConfig.corsOrigins },
    trustProxy: apiConfig.trustProxy,
    idempotency: { leaseMs: apiConfig.idempotencyLeaseMs },
    metrics: { token: apiConfig.metricsToken },
    background,
    webhooks,
    ...(bot && botConfig && { telegram: { botToken: botConfig.token, sendLoginCode: createLoginCodeSender(bot) } }),
  });
  server = await listen(app, apiConfig);
  logger.info({ port: server.port, host: apiConfig.host }, `API listening on http://${apiConfig.host}:${server.port}`);

  if (bot && botConfig?.mode === "polling") polling = await startPolling(bot, logger);
  else if (bot && botConfig?.mode === "webhook") await registerWebhook(bot, botConfig, logger);
  else logger.info("bot off: set BOT_TOKEN (from @BotFather) to run the Telegram bot in this process");
  // A signal while the bot was starting: stopping has begun without the parts still to come.
  if (stopping) {
    await polling?.stop();
    return;
  }

  const senderDeps = bot && { api: bot.bot.api, core, i18n: bot.i18n, logger };
  const senders = senderDeps
    ? { send: createReminderSender(senderDeps), sendSummary: createSummarySender(senderDeps) }
    : {};
  tick = startTick({ client: database.client, core, clock: systemClock, logger, ...senders });
}
