// `pnpm start:worker`: the minute tick alone (reminders and housekeeping), for scaled set-ups.
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import {
  baseConfigShape,
  createLogger,
  onShutdownSignal,
  parseConfig,
  runMain,
  secretsIn,
  systemClock,
} from "@habits/runtime";
import { z } from "zod";
import { createCoreFor } from "./core-for-database.js";
import { startTick } from "./reminders/tick.js";

runMain(async () => {
  const env = parseConfig(z.object(baseConfigShape), process.env);
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: Boolean(process.stdout.isTTY),
    secrets: secretsIn(process.env),
  });
  const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL, process.cwd()));
  await database.migrate();
  const core = createCoreFor(database);
  const tick = startTick({ client: database.client, core, clock: systemClock, logger });
  logger.info("worker ticking every minute");
  onShutdownSignal(logger, async () => {
    await tick.stop();
    await database.close();
  });
});
