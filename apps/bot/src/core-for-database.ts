// The core as the processes run it: on the database, with the system clock, unpredictable
// randomness, bcrypt, and node:crypto for login codes and API keys. The one place it is put
// together (the bot, the worker and the all-in-one server use it), so every process runs the same
// rules with the same settings.
import { type Core, createCore, defaultCoreSettings } from "@habits/core";
import { createPrismaStore, type Database } from "@habits/db";
import { createBcryptHasher, createNodeSecrets, systemClock, systemRandom } from "@habits/runtime";

/**
 * `serverSecret` (JWT_SECRET or ./data/jwt-secret, as the API reads it) keys the login codes' hash,
 * so a code the bot issues is one the API can check. The worker, which neither issues nor checks
 * codes, runs without one.
 */
export function createCoreFor(database: Database, serverSecret: string | undefined): Core {
  return createCore({
    store: createPrismaStore(database),
    clock: systemClock,
    random: systemRandom,
    settings: defaultCoreSettings,
    passwords: createBcryptHasher(),
    secrets: createNodeSecrets(serverSecret),
  });
}
