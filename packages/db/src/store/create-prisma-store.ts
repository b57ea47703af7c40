import type { Repositories, Store } from "@habits/core";
import type { Database } from "../create-database.js";
import { accessRepository } from "./access.js";
import { completionRepository } from "./completions.js";
import { drawRepository } from "./draws.js";
import { habitRepository } from "./habits.js";
import { reminderRepository } from "./reminders.js";
import { rewardRepository } from "./rewards.js";
import { clientScope, type StoreScope, transactionOptions, transactionScope } from "./scope.js";
import { sessionRepository } from "./sessions.js";
import { summaryRepository } from "./summaries.js";
import { tagRepository } from "./tags.js";
import { userRepository } from "./users.js";

function repositories(scope: StoreScope): Repositories {
  return {
    users: userRepository(scope),
    habits: habitRepository(scope),
    completions: completionRepository(scope),
    draws: drawRepository(scope),
    rewards: rewardRepository(scope),
    reminders: reminderRepository(scope),
    summaries: summaryRepository(scope),
    access: accessRepository(scope),
    sessions: sessionRepository(scope),
    tags: tagRepository(scope),
  };
}

/**
 * The core's Store on a Prisma database (SQLite or PostgreSQL). Inside `transaction`, use the
 * repositories it passes: calling the store's own from there waits for the transaction on SQLite.
 */
export function createPrismaStore(database: Database): Store {
  const { client } = database;
  return {
    ...repositories(clientScope(client)),
    transaction: (work) => client.$transaction((tx) => work(repositories(transactionScope(tx))), transactionOptions),
  };
}
