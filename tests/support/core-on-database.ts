// The core's services over a real database (SQLite file or PostgreSQL), with an injected clock
// and a seeded random source: what the bot and the API will run, minus the front ends.
import { type Clock, type Core, createCore, defaultCoreSettings, type RandomSource } from "@habits/core";
import { createPrismaStore, type Database } from "@habits/db";
import { createBcryptHasher, createNodeSecrets } from "@habits/runtime";
import { openMigratedTestDatabase, type TestDatabase } from "./test-database.js";

export interface MovableClock extends Clock {
  set(instant: string): void;
}

export function movableClock(start: string): MovableClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set(instant) {
      now = new Date(instant);
    },
  };
}

/** The server secret the tests' cores key login codes with (the API harness signs tokens with it too). */
export const testServerSecret = "a-test-secret-that-is-at-least-32-characters-long";

/** The core over a database, with the given clock and random source. */
export function coreOver(database: Database, options: { clock: Clock; random: RandomSource }): Core {
  return createCore({
    store: createPrismaStore(database),
    clock: options.clock,
    random: options.random,
    settings: defaultCoreSettings,
    // The lowest bcrypt cost: these tests are about the rules, not password strength.
    passwords: createBcryptHasher(4),
    secrets: createNodeSecrets(testServerSecret),
  });
}

export async function coreOnTestDatabase(options: { clock: Clock; random: RandomSource }) {
  const { database, testDatabase }: { database: Database; testDatabase: TestDatabase } =
    await openMigratedTestDatabase();
  const core = coreOver(database, options);
  return {
    core,
    database,
    async cleanup() {
      await database.close();
      await testDatabase.drop();
    },
  };
}
