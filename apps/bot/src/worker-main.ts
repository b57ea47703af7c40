// `pnpm start:worker`: the minute tick alone (reminders, summaries, housekeeping), for scaled set-ups.
// With BOT_TOKEN it sends what it claims through the Bot API; without, it only claims reminders.
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { createLogger, databaseLimitsFrom, onShutdownSignal, runMain, secretsIn, systemClock } from "@habits/runtime";
import { createCoreFor } from "./core-for-database.js";
import { createBot } from "./create-bot.js";
import { botConfigFrom, loadBotEnv } from "./env.js";
import { createReminderSender } from "./reminders/send-reminder.js";
import { startTick } from "./reminders/tick.js";
import { createSummarySender } from "./summaries/send-summary.js";

runMain(async () => {
  const env = loadBotEnv(process.env);
  const botConfig = botConfigFrom(env);
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: Boolean(process.stdout.isTTY),
    secrets: secretsIn(process.env),
  });
  const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL, process.cwd()), {
    onFileNotice: (line) => logger.warn(line),
    limits: databaseLimitsFrom(env),
  });
  await database.migrate();
  // No server secret: the tick neither issues nor checks login codes.
  const core = createCoreFor(database, undefined);
  // The bot object only for its API client and translations: this process receives no updates.
  const bot = botConfig
    ? createBot({ token: botConfig.token, apiRoot: botConfig.apiRoot, logger, core, client: database.client })
    : undefined;
  const senderDeps = bot && { api: bot.bot.api, core, i18n: bot.i18n, logger };
  const senders = senderDeps
    ? { send: createReminderSender(senderDeps), sendSummary: createSummarySender(senderDeps) }
    : {};
  const tick = startTick({ client: database.client, core, clock: systemClock, logger, ...senders });
  // Before the line that says it runs: whoever reacts to that line finds the handler there.
  onShutdownSignal(
    logger,
    async () => {
      await tick.stop();
      await database.close();
    },
    { timeoutSeconds: env.SHUTDOWN_TIMEOUT },
  );
  logger.info(
    senderDeps
      ? "worker ticking every minute, sending reminders and summaries"
      : "worker ticking every minute (no BOT_TOKEN: reminders are claimed, not sent)",
  );
});
