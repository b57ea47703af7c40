// The Store port in memory, for the core's unit tests: no database, and it behaves like one.
// Ids come from counters and timestamps from an injected clock, so runs are reproducible.
// Transactions run one at a time, like a database that serializes writers; a transaction that
// throws puts back the whole state it started from. Everything returned is a copy.
//
// Calls on the store itself (not on a transaction's repositories) run at once, even while a
// transaction is open, and such writes are lost if that transaction rolls back. Calling
// `store.transaction` inside a transaction waits for itself forever: use the `tx` it was given.
import type { Repositories, Store } from "../ports/store.js";
import { createAccessRepository } from "./in-memory-access.js";
import { createCompletionRepository, createDrawRepository } from "./in-memory-activity.js";
import { createHabitRepository } from "./in-memory-habits.js";
import { createReminderRepository } from "./in-memory-reminders.js";
import { createRewardRepository } from "./in-memory-rewards.js";
import { createSessionRepository } from "./in-memory-sessions.js";
import { emptyState, type Scope, type State } from "./in-memory-state.js";
import { createSummaryRepository } from "./in-memory-summaries.js";
import { createTagRepository } from "./in-memory-tags.js";
import { createUserRepository } from "./in-memory-users.js";

export interface InMemoryStoreOptions {
  /** The store's clock for createdAt and updatedAt; a fixed instant by default. */
  now?: () => Date;
}

const defaultInstant = new Date("2026-01-01T00:00:00Z");

export function createInMemoryStore(options: InMemoryStoreOptions = {}): Store {
  const clock = options.now ?? (() => defaultInstant);
  const database = { state: emptyState() };
  // Like a database sequence, counters are not rolled back: an id is never handed out twice.
  const counters = new Map<string, number>();
  const newId = (kind: string): string => {
    const next = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, next);
    return `${kind}-${String(next).padStart(6, "0")}`;
  };
  const now = () => new Date(clock().getTime());

  const repositories = (state: () => State): Repositories => {
    const scope: Scope = { state, now, newId };
    return {
      users: createUserRepository(scope),
      habits: createHabitRepository(scope),
      completions: createCompletionRepository(scope),
      draws: createDrawRepository(scope),
      rewards: createRewardRepository(scope),
      reminders: createReminderRepository(scope),
      summaries: createSummaryRepository(scope),
      access: createAccessRepository(scope),
      sessions: createSessionRepository(scope),
      tags: createTagRepository(scope),
    };
  };

  /** Settles when the last transaction queued so far has ended. */
  let queue: Promise<void> = Promise.resolve();

  async function runTransaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    const snapshot = structuredClone(database.state);
    let open = true;
    const tx = repositories(() => {
      if (!open) throw new Error("this transaction has ended: its repositories can no longer be used");
      return database.state;
    });
    try {
      return await work(tx);
    } catch (error) {
      database.state = snapshot;
      throw error;
    } finally {
      open = false;
    }
  }

  return {
    ...repositories(() => database.state),
    transaction(work) {
      const result = queue.then(() => runTransaction(work));
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}
