export {
  createDatabase,
  type Database,
  type DatabaseClient,
  type DatabaseLimits,
  defaultDatabaseLimits,
} from "./create-database.js";
export { classifyDatabaseError, type DatabaseTrouble, databaseTroubles } from "./database-errors.js";
export { type DatabaseTarget, defaultSqliteFile, parseDatabaseUrl } from "./database-url.js";
export { type PurgeReport, purgeExpiredRecords, retention } from "./housekeeping.js";
export {
  abandonIdempotentRequest,
  beginIdempotentRequest,
  completeIdempotentRequest,
  defaultIdempotencyLeaseMs,
  type IdempotencyStart,
  type IdempotentRequest,
  type IdempotentResponse,
  renewIdempotentRequest,
} from "./idempotency.js";
export { MigrationError, type MigrationReport } from "./migrations.js";
export { recordProcessedUpdate } from "./processed-updates.js";
export { createPrismaStore } from "./store/create-prisma-store.js";
