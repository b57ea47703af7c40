// The one place a core outcome becomes HTTP: each failure reason the core returns maps to a problem
// code, whose status and title the catalog holds. The services know nothing of HTTP.
import type { FieldError } from "@habits/core";
import { type Problem, type ProblemCode, problem } from "./problem.js";

/**
 * Core reason → problem code, with the detail a client reads. Statuses (problemCatalog):
 * 400 invalid · 401 credentials · 404 not_found, nothing_to_revert · 409 duplicates and
 * already_* · 422 domain rules · 429 too_many_codes.
 */
const failureTable = {
  invalid: { code: "validation_failed", detail: "Some fields are not valid: see errors." },
  not_found: { code: "not_found", detail: "No such resource." },
  name_taken: { code: "name_taken", detail: "You already have one with that name." },
  tag_not_found: { code: "tag_not_found", detail: "One of the tags is not one of yours." },
  username_taken: { code: "username_taken", detail: "That username is taken." },
  email_taken: { code: "email_taken", detail: "That email address belongs to another account." },
  telegram_taken: { code: "telegram_taken", detail: "That Telegram account belongs to another account." },
  already_completed: { code: "already_completed", detail: "The habit is already completed for that date." },
  already_claimed: { code: "already_claimed", detail: "The reward is already claimed." },
  wrong_password: { code: "wrong_password", detail: "The password is wrong." },
  too_many_keys: { code: "too_many_keys", detail: "Revoke an API key before making another." },
  outside_backdate_window: {
    code: "outside_backdate_window",
    detail: "That date is further back than completions may be recorded.",
  },
  future_date: { code: "future_date", detail: "That date is after today in your time zone." },
  before_start_date: { code: "before_start_date", detail: "That date is before the habit's start date." },
  after_end_date: { code: "after_end_date", detail: "That date is after the habit's end date." },
  habit_archived: { code: "habit_archived", detail: "The habit is archived." },
  nothing_to_revert: { code: "nothing_to_revert", detail: "There is no completion on that date." },
  not_achieved: { code: "reward_not_achieved", detail: "The reward has not collected all its pieces yet." },
  has_unclaimed_pieces: { code: "has_unclaimed_pieces", detail: "The reward has pieces that were not claimed." },
  too_many_codes: { code: "too_many_codes", detail: "Too many login codes were asked for this hour." },
  code_invalid: { code: "code_invalid", detail: "The login code is wrong." },
  code_expired: { code: "code_expired", detail: "The login code has expired or was already used." },
  code_locked: { code: "code_locked", detail: "Too many wrong tries: ask for a new login code." },
  invalid_token: { code: "invalid_token", detail: "The refresh token is not valid." },
  token_expired: { code: "token_expired", detail: "The refresh token has expired: log in again." },
  token_reused: {
    code: "token_reused",
    detail: "The refresh token was already used: every session of its family is revoked. Log in again.",
  },
  session_revoked: { code: "session_revoked", detail: "The session was revoked: log in again." },
  rolled_back: { code: "rolled_back", detail: "Undone because another item of the batch failed." },
  not_attempted: { code: "not_attempted", detail: "Not tried because an earlier item of the batch failed." },
} as const satisfies Record<string, { code: ProblemCode; detail: string }>;

/** Every core reason the API knows how to answer; a route that forwards another does not compile. */
type CoreReason = keyof typeof failureTable;

/** The problem code a core reason answers with. */
export type CodeForReason<Reason extends CoreReason> = (typeof failureTable)[Reason]["code"];

export type CoreFailure = { reason: CoreReason; errors?: readonly FieldError[] };

export function problemForFailure(failure: CoreFailure): Problem {
  const row = failureTable[failure.reason];
  return problem(row.code, row.detail, failure.errors ? { errors: fieldErrorMessages(failure.errors) } : {});
}

/** The core's field errors (codes, no language) as the `errors` map of a problem, in English. */
function fieldErrorMessages(errors: readonly FieldError[]): Record<string, string> {
  // A Map: a field path is never looked up on Object.prototype (`constructor`, `__proto__`).
  const messages = new Map<string, string>();
  for (const error of errors) {
    const message = fieldErrorMessage(error);
    const known = messages.get(error.field);
    messages.set(error.field, known === undefined ? message : `${known}; ${message}`);
  }
  return Object.fromEntries(messages);
}

function fieldErrorMessage(error: FieldError): string {
  const limit = error.limit;
  switch (error.code) {
    case "required":
      return "is required";
    case "too_short":
      return `must be at least ${limit} characters`;
    case "too_long":
      return `must be at most ${limit} characters`;
    case "too_small":
      // The core says too_small both for "at least" and "more than": the limit, without the comparison.
      return limit === undefined ? "is too small" : `is too small (limit ${limit})`;
    case "too_large":
      return limit === undefined ? "is too large" : `must be at most ${limit}`;
    case "not_integer":
      return "must be a whole number";
    case "invalid_format":
      return limit === undefined ? "has an invalid format" : `must have the format ${limit}`;
    case "invalid_choice":
      return error.allowed ? `must be one of ${error.allowed.join(", ")}` : "is not an accepted value";
    case "duplicate":
      return "must not repeat a value";
    case "before_start":
      return "must not be before the start date";
    case "not_allowed":
      return "is not allowed here";
  }
}
