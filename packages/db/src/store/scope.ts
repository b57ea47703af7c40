// Where a repository runs its queries. On the client, every write is its own transaction; inside
// `store.transaction`, every write runs behind a savepoint. Either way a write that fails changes
// nothing, and a transaction survives a refused write: PostgreSQL would otherwise abort the whole
// transaction at the first unique violation, while the port lets a service catch it and go on.
import type { DatabaseClient } from "../create-database.js";
import type { Prisma } from "../generated/sqlite/client.ts";
import { toStoreError } from "./unique-violations.js";

/** The Prisma client or an open transaction's client: what queries run on. */
export type Db = Prisma.TransactionClient;

export interface StoreScope {
  /** For reads. */
  readonly db: Db;
  /** Runs a write of one or several statements all or nothing; unique violations become UniqueViolation. */
  write<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Runs a statement whose row locks must last until the transaction ends: outside any savepoint,
   * since rolling back to a savepoint releases the locks taken after it.
   */
  lock(work: (db: Db) => Promise<unknown>): Promise<void>;
}

// SQLite runs one transaction at a time: with the default 2 s maxWait, a burst of concurrent
// completions would fail while waiting for their turn.
export const transactionOptions = { maxWait: 10_000, timeout: 20_000 } as const;

export function clientScope(client: DatabaseClient): StoreScope {
  return {
    db: client,
    async write(work) {
      try {
        return await client.$transaction((tx) => work(tx), transactionOptions);
      } catch (error) {
        throw toStoreError(error);
      }
    },
    async lock(work) {
      await work(client);
    },
  };
}

export function transactionScope(tx: Db): StoreScope {
  // Writes take turns: with two at once, rolling one back to the savepoint would undo the other.
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = previous.then(work, work);
    previous = next.catch(() => undefined);
    return next;
  };
  return {
    db: tx,
    write: (work) =>
      inTurn(async () => {
        await tx.$executeRawUnsafe("SAVEPOINT store_write");
        try {
          const result = await work(tx);
          await tx.$executeRawUnsafe("RELEASE SAVEPOINT store_write");
          return result;
        } catch (error) {
          // When the transaction itself is gone (timed out), the original error is the one to see.
          await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT store_write").catch(() => undefined);
          await tx.$executeRawUnsafe("RELEASE SAVEPOINT store_write").catch(() => undefined);
          throw toStoreError(error);
        }
      }),
    lock: (work) =>
      inTurn(async () => {
        await work(tx);
      }),
  };
}
