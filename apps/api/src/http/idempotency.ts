// Idempotency-Key on POST (routes declared `idempotent: true`): the first request with a key runs and
// its answer is kept; a retry with the same key and the same request gets that answer again (status,
// body, Location), never a second run. Keys are per user, so idempotent routes need auth.
import { createHash } from "node:crypto";
import {
  abandonIdempotentRequest,
  beginIdempotentRequest,
  completeIdempotentRequest,
  type DatabaseClient,
  defaultIdempotencyLeaseMs,
  type IdempotencyStart,
  type IdempotentRequest,
  type IdempotentResponse,
  renewIdempotentRequest,
} from "@habits/db";
import type { Request } from "express";
import { z } from "../openapi/zod.js";
import { type Problem, ProblemError, problem } from "./problem.js";

const idempotencyKeyHeader = "Idempotency-Key";
/** Set on an answer that repeats a first request's. */
const replayedHeader = "Idempotent-Replayed";

/** Where the keys are kept (the IdempotencyKey table). */
export interface IdempotencyRecords {
  /** How long a running request holds its key unrenewed; after that a retry takes it over. */
  readonly leaseMs: number;
  begin(request: Omit<IdempotentRequest, "leaseMs">): Promise<IdempotencyStart>;
  renew(id: string, now: Date): Promise<boolean>;
  complete(id: string, response: IdempotentResponse, now: Date): Promise<boolean>;
  abandon(id: string): Promise<boolean>;
}

export function idempotencyRecordsOver(
  client: DatabaseClient,
  leaseMs: number = defaultIdempotencyLeaseMs,
): IdempotencyRecords {
  return {
    leaseMs,
    begin: (request) => beginIdempotentRequest(client, { ...request, leaseMs }),
    renew: (id, now) => renewIdempotentRequest(client, id, now, leaseMs),
    complete: (id, response, now) => completeIdempotentRequest(client, id, response, now),
    abandon: (id) => abandonIdempotentRequest(client, id),
  };
}

/** Calls `work` every `ms` until the returned function is called. */
export type Repeat = (ms: number, work: () => void) => () => void;

/** Real timers, which never keep the process alive; tests drive renewals themselves. */
const repeatOnTimer: Repeat = (ms, work) => {
  const timer = setInterval(work, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** 1–255 printable ASCII characters (space to tilde). */
const keyPattern = /^[\x20-\x7E]{1,255}$/;

/** The request header in the document. */
export const idempotencyHeaderSchema = z.strictObject({
  [idempotencyKeyHeader]: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({
      description:
        "1–255 printable characters, unique per request you mean (a UUID). A retry with the same key and the same " +
        "request answers as the first did; with another request it is 422 `idempotency_key_reused`; while the first " +
        "is still running, 409 `idempotency_in_progress`. Keys are per user and kept 24 hours. A first request " +
        "cut off by a crash holds its key at most 30 seconds; a retry after that runs the request.",
      example: "8e03978e-40d5-43e8-bc93-6894a57f9324",
    }),
});

/** The key the request carries; undefined without one; a 400 problem when it is not a valid key. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.get(idempotencyKeyHeader);
  if (key === undefined) return undefined;
  if (!keyPattern.test(key)) {
    throw new ProblemError(
      problem("validation_failed", "The Idempotency-Key header is not valid: see errors.", {
        errors: { [idempotencyKeyHeader]: "must be 1–255 printable ASCII characters" },
      }),
    );
  }
  return key;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(",")}}`;
}

/** What makes a request this request: method, path, query string (sorted) and the canonical body. */
function requestIdentity(request: Request): { method: string; path: string; hash: string } {
  const url = new URL(request.originalUrl, "http://api.invalid");
  const query = [...url.searchParams].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const method = request.method.toUpperCase();
  const hash = createHash("sha256")
    .update(canonicalJson({ method, path: url.pathname, query, body: request.body ?? null }))
    .digest("hex");
  return { method, path: url.pathname, hash };
}

/** An answer as the route table sends it. */
export type SentReply =
  | { problem: Problem; headers?: Record<string, string> }
  | { status: number; body?: unknown; headers?: Record<string, string> };

/** What is kept of an answer: the body, whether it is a problem, and its Location. */
interface KeptAnswer {
  body: unknown;
  problem: boolean;
  location?: string;
}

function keep(reply: SentReply): IdempotentResponse {
  const location = reply.headers?.Location;
  if ("problem" in reply) {
    const kept: KeptAnswer = { body: reply.problem, problem: true, ...(location && { location }) };
    return { status: reply.problem.status, body: kept };
  }
  const kept: KeptAnswer = { body: reply.body ?? null, problem: false, ...(location && { location }) };
  return { status: reply.status, body: kept };
}

function replay(status: number, stored: unknown): SentReply {
  const kept = stored as KeptAnswer;
  const headers: Record<string, string> = {
    [replayedHeader]: "true",
    ...(kept.location && { Location: kept.location }),
  };
  if (kept.problem) return { problem: kept.body as Problem, headers };
  return { status, ...(kept.body !== null && { body: kept.body }), headers };
}

/**
 * Runs `run` once per (user, key): a repeat replays, another request with the key is 422, a repeat
 * while the first runs is 409. An answer below 500 is kept; a 5xx (or a throw) forgets the key.
 * While `run` runs, its lease is renewed three times per lease, so only a request whose process
 * stopped (a crash) loses its key to a retry.
 */
export async function runIdempotently(options: {
  records: IdempotencyRecords;
  now: () => Date;
  /** The timer renewing the lease; real timers unless a test drives it. */
  repeat?: Repeat;
  userId: string;
  key: string;
  request: Request;
  run: () => Promise<SentReply>;
}): Promise<SentReply> {
  const { records, now, userId, key, request, run, repeat = repeatOnTimer } = options;
  const identity = requestIdentity(request);
  const start = await records.begin({
    userId,
    key,
    method: identity.method,
    path: identity.path,
    requestHash: identity.hash,
    now: now(),
  });
  switch (start.kind) {
    case "replay":
      return replay(start.status, start.body);
    case "mismatch":
      return {
        problem: problem(
          "idempotency_key_reused",
          "This Idempotency-Key was used for another request: use a new key for a new request.",
        ),
      };
    case "in_progress":
      return {
        problem: problem(
          "idempotency_in_progress",
          "The first request with this Idempotency-Key is still being processed: retry in a moment.",
        ),
        headers: { "Retry-After": "1" },
      };
    case "new":
      break;
  }
  // A renewal that fails (the database hiccups) is tried again at the next beat, within the lease.
  const stopRenewing = repeat(Math.max(1, Math.floor(records.leaseMs / 3)), () => {
    records.renew(start.id, now()).catch(() => undefined);
  });
  let reply: SentReply;
  try {
    reply = await run();
  } catch (error) {
    stopRenewing();
    if (error instanceof ProblemError && error.problem.status < 500) {
      await records.complete(start.id, keep({ problem: error.problem, headers: error.headers }), now());
    } else {
      await records.abandon(start.id);
    }
    throw error;
  }
  stopRenewing();
  const status = "problem" in reply ? reply.problem.status : reply.status;
  if (status >= 500) await records.abandon(start.id);
  else await records.complete(start.id, keep(reply), now());
  return reply;
}
