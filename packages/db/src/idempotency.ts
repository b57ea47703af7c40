// Idempotency-Key records for the API's POST requests (IdempotencyKey rows): a retried request
// with the same key gets the first answer instead of running again. An HTTP concern, so it lives
// here as plain functions rather than behind a core port.
import { randomUUID } from "node:crypto";
import type { DatabaseClient } from "./create-database.js";
import { retention } from "./housekeeping.js";

export interface IdempotentRequest {
  userId: string;
  /** The client's Idempotency-Key, unique per user. */
  key: string;
  method: string;
  path: string;
  /** A hash of what makes the request this request (its body), computed by the API. */
  requestHash: string;
  now: Date;
  /** How long the record is held for this request before a retry may take it over; 30 s unless said. */
  leaseMs?: number;
}

/**
 * How long a running request holds its key without renewing: a retry after that (the process
 * crashed or froze) takes the record over and runs the request. The API renews well within it.
 */
export const defaultIdempotencyLeaseMs = 30_000;

export type IdempotencyStart =
  /** The first request with this key: run it, then complete (or abandon) the record `id`. */
  | { kind: "new"; id: string }
  /** The same request completed before: answer with its status and body again. */
  | { kind: "replay"; status: number; body: unknown }
  /** The key was used for another method, path or body. */
  | { kind: "mismatch" }
  /** The first request with this key is still running (its lease has not expired). */
  | { kind: "in_progress" };

export interface IdempotentResponse {
  status: number;
  /** A JSON value, stored as its JSON text; undefined or null for a response without a body. */
  body: unknown;
}

/** Prisma's code for a unique index refusing a write: here, the (userId, key) one. */
const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

/** A record taken, then removed by abandon or housekeeping before it could be read, is tried again. */
const maxAttempts = 3;

const leaseUntil = (now: Date, leaseMs = defaultIdempotencyLeaseMs) => new Date(now.getTime() + leaseMs);

/**
 * Records the first request with a key, or says what to do with a repeat. Of concurrent first
 * requests, the unique index lets exactly one be "new"; the others see it "in_progress".
 *
 * An unfinished record whose lease expired was left by a request that stopped (a crash): it is
 * deleted and the key begins anew, with a new id, so the stopped request's late complete, renew or
 * abandon finds nothing. Of concurrent retries, one deletes it and the unique index lets one insert.
 * The same request must match: a lapsed record of another request is still a mismatch.
 */
export async function beginIdempotentRequest(
  client: DatabaseClient,
  request: IdempotentRequest,
): Promise<IdempotencyStart> {
  const { userId, key, method, path, requestHash, now } = request;
  // Older than the retention counts as absent, as housekeeping would have purged it (same bound).
  const staleBefore = new Date(now.getTime() - retention.idempotencyKeysMs);
  await client.idempotencyKey.deleteMany({
    where: {
      userId,
      key,
      OR: [
        { createdAt: { lt: staleBefore } },
        {
          completedAt: null,
          method,
          path,
          requestHash,
          OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lte: now } }],
        },
      ],
    },
  });

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const { id } = await client.idempotencyKey.create({
        data: {
          id: randomUUID(),
          userId,
          key,
          method,
          path,
          requestHash,
          createdAt: now,
          leaseExpiresAt: leaseUntil(now, request.leaseMs),
        },
        select: { id: true },
      });
      return { kind: "new", id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const first = await client.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
    if (!first) continue;
    if (first.method !== method || first.path !== path || first.requestHash !== requestHash) {
      return { kind: "mismatch" };
    }
    if (first.completedAt === null || first.responseStatus === null) return { kind: "in_progress" };
    return {
      kind: "replay",
      status: first.responseStatus,
      body: first.responseBody === null ? null : JSON.parse(first.responseBody),
    };
  }
  throw new Error(`idempotency key ${key} kept vanishing between its insert and its read`);
}

/**
 * Extends the lease of a request still running, from `now`; false when the record is completed or
 * gone (taken over after the lease lapsed, or abandoned).
 */
export async function renewIdempotentRequest(
  client: DatabaseClient,
  id: string,
  now: Date,
  leaseMs = defaultIdempotencyLeaseMs,
): Promise<boolean> {
  const { count } = await client.idempotencyKey.updateMany({
    where: { id, completedAt: null },
    data: { leaseExpiresAt: leaseUntil(now, leaseMs) },
  });
  return count > 0;
}

/** Stores the first request's answer for the repeats; false when the record is gone or completed already. */
export async function completeIdempotentRequest(
  client: DatabaseClient,
  id: string,
  response: IdempotentResponse,
  now: Date,
): Promise<boolean> {
  const body = response.body === undefined || response.body === null ? null : JSON.stringify(response.body);
  const { count } = await client.idempotencyKey.updateMany({
    where: { id, completedAt: null },
    data: { responseStatus: response.status, responseBody: body, completedAt: now },
  });
  return count > 0;
}

/**
 * Forgets a first request that failed on our side (a 5xx), so a retry with the key runs it
 * again. A completed record is never removed: its answer stands.
 */
export async function abandonIdempotentRequest(client: DatabaseClient, id: string): Promise<boolean> {
  const { count } = await client.idempotencyKey.deleteMany({ where: { id, completedAt: null } });
  return count > 0;
}
