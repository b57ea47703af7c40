// The core as the processes run it: on the database, with the system clock, unpredictable
// randomness, bcrypt, and node:crypto for login codes and API keys. The one place it is put
// together (the worker and the all-in-one server both use it), so every process runs the same
// rules with the same settings.
import { type Core, createCore, defaultCoreSettings } from "@habits/core";
import { createPrismaStore, type Database } from "@habits/db";
import { createBcryptHasher, nodeSecrets, systemClock, systemRandom } from "@habits/runtime";

export function createCoreFor(database: Database): Core {
  return createCore({
    store: createPrismaStore(database),
    clock: systemClock,
    random: systemRandom,
    settings: defaultCoreSettings,
    passwords: createBcryptHasher(),
    secrets: nodeSecrets,
  });
}
