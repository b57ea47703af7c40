// `pnpm start:api`: the REST API alone.
import { createCore, defaultCoreSettings } from "@habits/core";
import { createDatabase, createPrismaStore, parseDatabaseUrl } from "@habits/db";
import {
  createBcryptHasher,
  createLogger,
  createNodeSecrets,
  databaseLimitsFrom,
  listen,
  onShutdownSignal,
  runMain,
  secretsIn,
  systemClock,
  systemRandom,
} from "@habits/runtime";
import { createApp } from "./create-app.js";
import { apiConfigFrom, loadApiEnv } from "./env.js";
import { createBackgroundWork } from "./http/background-work.js";

runMain(async () => {
  const env = loadApiEnv(process.env);
  const config = apiConfigFrom(env, process.cwd());
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: Boolean(process.stdout.isTTY),
    secrets: [...secretsIn(process.env), config.jwtSecret],
  });
  const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL, process.cwd()), {
    onFileNotice: (line) => logger.warn(line),
    limits: databaseLimitsFrom(env),
  });
  const migration = await database.migrate();
  logger.info({ database: database.kind, appliedMigrations: migration.applied }, "database ready");
  // The same composition as the bot's createCoreFor (apps do not import each other; apps/server uses that one).
  const core = createCore({
    store: createPrismaStore(database),
    clock: systemClock,
    random: systemRandom,
    settings: defaultCoreSettings,
    passwords: createBcryptHasher(),
    // The login codes' hash is keyed by the same secret the bot issues them with.
    secrets: createNodeSecrets(config.jwtSecret),
  });
  // Work after an answer (a login code looked up) finishes before the database closes.
  const background = createBackgroundWork();
  const app = createApp({
    logger,
    background,
    database,
    core,
    jwt: { secret: config.jwtSecret },
    cors: { origins: config.corsOrigins },
    trustProxy: config.trustProxy,
    idempotency: { leaseMs: config.idempotencyLeaseMs },
    metrics: { token: config.metricsToken },
  });
  const server = await listen(app, config);
  // Before the line that says it listens: whoever reacts to that line finds the handler there.
  onShutdownSignal(
    logger,
    async () => {
      await server.close();
      await background.idle();
      await database.close();
    },
    { timeoutSeconds: env.SHUTDOWN_TIMEOUT },
  );
  logger.info({ port: server.port, host: config.host }, `API listening on http://${config.host}:${server.port}`);
});
