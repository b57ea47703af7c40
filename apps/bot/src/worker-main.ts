// `pnpm start:worker`: the minute tick alone (reminders and housekeeping), for scaled set-ups.
// With BOT_TOKEN it sends the reminders it claims through the Bot API; without, it only claims.
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { createLogger, onShutdownSignal, runMain, secretsIn, systemClock } from "@habits/runtime";
import { createCoreFor } from "./core-for-database.js";
import { createBot } from "./create-bot.js";
import { botConfigFrom, loadBotEnv } from "./env.js";
import { createReminderSender } from "./reminders/send-reminder.js";
import { startTick } from "./reminders/tick.js";

runMain(async () => {
  const env = loadBotEnv(process.env);
  const botConfig = botConfigFrom(env);
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: Boolean(process.stdout.isTTY),
    secrets: secretsIn(process.env),
  });
  const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL, process.cwd()));
  await database.migrate();
  const core = createCoreFor(database);
  // The bot object only for its API client and translations: this process receives no updates.
  const bot = botConfig
    ? createBot({ token: botConfig.token, apiRoot: botConfig.apiRoot, logger, core, client: database.client })
    : undefined;
  const send = bot ? createReminderSender({ api: bot.bot.api, core, i18n: bot.i18n, logger }) : undefined;
  const tick = startTick({ client: database.client, core, clock: systemClock, logger, ...(send ? { send } : {}) });
  logger.info(
    send
      ? "worker ticking every minute, sending reminders"
      : "worker ticking every minute (no BOT_TOKEN: reminders are claimed, not sent)",
  );
  onShutdownSignal(logger, async () => {
    await tick.stop();
    await database.close();
  });
});
