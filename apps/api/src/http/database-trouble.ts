// A request that fails because the database is down, too slow or full answers 503 with a stable
// code and Retry-After, never a 500: the client may retry, and nothing was half done (every write
// is a transaction). Which errors these are is decided by @habits/db, which knows the drivers.
import { classifyDatabaseError, type DatabaseTrouble } from "@habits/db";
import { type Problem, problem } from "./problem.js";

const answers: Record<DatabaseTrouble, { detail: string; retryAfterSeconds: number }> = {
  database_unavailable: {
    detail: "The database cannot be reached right now; nothing was changed. Retry in a few seconds.",
    retryAfterSeconds: 5,
  },
  database_timeout: {
    detail: "The database did not answer in time; nothing was changed. Retry in a moment.",
    retryAfterSeconds: 2,
  },
  storage_full: {
    detail: "The server's storage is full, so nothing can be saved; nothing was changed. Retry later.",
    retryAfterSeconds: 60,
  },
};

/** Every code a database failure answers with: documented on every route. */
export const databaseProblemCodes = Object.keys(answers) as DatabaseTrouble[];

/** The 503 answer for a database failure, or undefined when `error` is something else. */
export function databaseProblemFor(error: unknown): { problem: Problem; headers: Record<string, string> } | undefined {
  const trouble = classifyDatabaseError(error);
  if (!trouble) return undefined;
  const { detail, retryAfterSeconds } = answers[trouble];
  return { problem: problem(trouble, detail), headers: { "Retry-After": String(retryAfterSeconds) } };
}
