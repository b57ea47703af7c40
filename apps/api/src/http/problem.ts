import type { Response } from "express";
import { z } from "../openapi/zod.js";

/**
 * Every problem the API answers with, by its stable `code`: the status and the title. Core outcomes
 * reach this catalog through the failure table (failures.ts); the rest come from the HTTP layer.
 */
export const problemCatalog = {
  // The request itself
  malformed_json: { status: 400, title: "Malformed JSON" },
  malformed_encoding: { status: 400, title: "Body not in its Content-Encoding" },
  nesting_too_deep: { status: 400, title: "Nested too deeply" },
  validation_failed: { status: 400, title: "Validation failed" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  rate_limited: { status: 429, title: "Too many requests" },
  // Credentials
  credentials_required: { status: 401, title: "Credentials required" },
  invalid_token: { status: 401, title: "Invalid token" },
  token_expired: { status: 401, title: "Token expired" },
  token_reused: { status: 401, title: "Refresh token reused" },
  session_revoked: { status: 401, title: "Session revoked" },
  invalid_api_key: { status: 401, title: "Invalid API key" },
  invalid_credentials: { status: 401, title: "Invalid credentials" },
  insufficient_scope: { status: 403, title: "Insufficient scope" },
  reauthentication_required: { status: 403, title: "Recent proof of identity required" },
  // Resources and domain rules
  not_found: { status: 404, title: "Not found" },
  name_taken: { status: 409, title: "Name already taken" },
  username_taken: { status: 409, title: "Username already taken" },
  email_taken: { status: 409, title: "Email already taken" },
  telegram_taken: { status: 409, title: "Telegram account already linked" },
  telegram_not_linked: { status: 409, title: "No Telegram account linked" },
  password_proof_required: { status: 409, title: "The account proves itself with its password" },
  already_completed: { status: 409, title: "Already completed" },
  already_claimed: { status: 409, title: "Already claimed" },
  patch_test_failed: { status: 409, title: "JSON Patch test failed" },
  patch_not_applicable: { status: 422, title: "JSON Patch does not apply" },
  patch_into_itself: { status: 400, title: "JSON Patch copies or moves a value into itself" },
  tag_not_found: { status: 422, title: "Tag not found" },
  wrong_password: { status: 422, title: "Wrong password" },
  password_required: { status: 422, title: "Password required" },
  // Account limits (@habits/core limits.ts): the body's `limit` names which, `{ name, max }`
  limit_reached: { status: 409, title: "Account limit reached" },
  too_many_items: { status: 422, title: "Too many items in one request" },
  outside_backdate_window: { status: 422, title: "Outside the backdate window" },
  future_date: { status: 422, title: "Date in the future" },
  before_start_date: { status: 422, title: "Before the habit's start date" },
  after_end_date: { status: 422, title: "After the habit's end date" },
  habit_archived: { status: 422, title: "Habit archived" },
  nothing_to_revert: { status: 404, title: "Nothing to revert" },
  reward_not_achieved: { status: 422, title: "Reward not achieved" },
  has_unclaimed_pieces: { status: 409, title: "Reward has unclaimed pieces" },
  too_many_codes: { status: 429, title: "Too many login codes" },
  idempotency_key_reused: { status: 422, title: "Idempotency key reused" },
  idempotency_in_progress: { status: 409, title: "Idempotent request in progress" },
  batch_failed: { status: 422, title: "Batch failed: nothing was recorded" },
  rolled_back: { status: 424, title: "Undone: another item of the batch failed" },
  not_attempted: { status: 424, title: "Not attempted: an earlier item of the batch failed" },
  code_invalid: { status: 401, title: "Wrong login code" },
  code_expired: { status: 401, title: "Login code expired" },
  code_locked: { status: 401, title: "Login code locked" },
  telegram_data_invalid: { status: 401, title: "Telegram login data not valid" },
  telegram_data_expired: { status: 401, title: "Telegram login data expired" },
  telegram_unavailable: { status: 503, title: "Telegram login not configured" },
  // Operations
  not_ready: { status: 503, title: "Not ready" },
  database_unavailable: { status: 503, title: "Database unavailable" },
  database_timeout: { status: 503, title: "Database timed out" },
  storage_full: { status: 503, title: "Storage full" },
  internal_error: { status: 500, title: "Internal server error" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemCatalog;

/** An RFC 9457 problem details body; `code` is the stable machine-readable reason. */
export interface Problem {
  status: number;
  code: ProblemCode;
  title: string;
  detail: string;
  /** Field path → message, for validation failures. */
  errors?: Record<string, string>;
  /** The limit a `limit_reached` or `too_many_items` refusal hit. */
  limit?: { name: string; max: number };
  requestId?: string;
}

/** A problem for `code`, with its catalog status and title. */
export function problem(
  code: ProblemCode,
  detail: string,
  extra: Pick<Problem, "errors" | "limit" | "requestId"> = {},
): Problem {
  const { status, title } = problemCatalog[code];
  return { status, code, title, detail, ...extra };
}

const problemTypeUri = (code: string) => `https://habits.dev/problems/${code.replaceAll("_", "-")}`;

/** Every 401 names the scheme to authenticate with (RFC 9110 § 15.5.2). */
const bearerChallenge = 'Bearer realm="habits"';

export function sendProblem(response: Response, body: Problem, headers: Record<string, string> = {}): void {
  response
    .status(body.status)
    .set(body.status === 401 ? { "WWW-Authenticate": bearerChallenge, ...headers } : headers)
    .type("application/problem+json")
    .json({ type: problemTypeUri(body.code), ...body });
}

/** Thrown by middleware (authentication, parsing) and turned into its answer by the error handler. */
export class ProblemError extends Error {
  override name = "ProblemError";

  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
  }
}

/** The problem body in the OpenAPI document. Extension members may follow (RFC 9457 § 3.2). */
export const problemSchema = z
  .object({
    type: z.string().openapi({ format: "uri", example: problemTypeUri("not_found") }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    code: z.string().openapi({ description: "Stable, machine-readable reason", example: "not_found" }),
    errors: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: "Field path → message, for validation failures", example: { email: "is required" } }),
    limit: z
      .strictObject({ name: z.string(), max: z.number().int().min(0) })
      .optional()
      .openapi({
        description: "The limit hit, for limit_reached and too_many_items",
        example: { name: "habits", max: 200 },
      }),
    requestId: z.string().optional().openapi({ description: "Quote it when reporting a 500" }),
  })
  .catchall(z.unknown())
  .openapi("Problem", { description: "RFC 9457 problem details" });
