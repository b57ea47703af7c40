// `pnpm start:api`: the REST API alone.
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { createLogger, onShutdownSignal, runMain, secretsIn } from "@habits/runtime";
import { createApp } from "./create-app.js";
import { apiConfigFrom, loadApiEnv } from "./env.js";
import { listen } from "./listen.js";

runMain(async () => {
  const env = loadApiEnv(process.env);
  const config = apiConfigFrom(env, process.cwd());
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: Boolean(process.stdout.isTTY),
    secrets: [...secretsIn(process.env), config.jwtSecret],
  });
  const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL, process.cwd()));
  const migration = await database.migrate();
  logger.info({ database: database.kind, appliedMigrations: migration.applied }, "database ready");
  const server = await listen(createApp({ logger, database }), config);
  logger.info({ port: server.port, host: config.host }, `API listening on http://${config.host}:${server.port}`);
  onShutdownSignal(logger, async () => {
    await server.close();
    await database.close();
  });
});
