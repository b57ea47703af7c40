// Completions: log a habit as done (idempotent), list, revert, batches, and the user's habit logs
// with page or cursor paging.
import { type BatchItemResult, type Completion, itemLimits, tooManyItems } from "@habits/core";
import { problemForFailure } from "../../http/failures.js";
import { pageOf, pageQueryShape, paginate } from "../../http/paging.js";
import type { Problem } from "../../http/problem.js";
import { type ApiRoutes, created, failed, ok, problemReply } from "../../http/route.js";
import { idParams } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";
import type { RouteDependencies } from "../dependencies.js";
import {
  batchInputSchema,
  batchResultSchema,
  completionDateParams,
  completionInputSchema,
  completionOutcomeSchema,
  completionPageSchema,
  completionSchema,
  dateRangeQueryShape,
  logCursorPageSchema,
  logPageSchema,
  presentCompletion,
  presentOutcome,
  presentRevert,
  revertOutcomeSchema,
} from "./schemas.js";

const tags = ["Completions"];

const completionErrors = [
  "not_found",
  "already_completed",
  "outside_backdate_window",
  "future_date",
  "before_start_date",
  "after_end_date",
  "habit_archived",
] as const;

const rangeRefinement = <Query extends { from?: string | undefined; to?: string | undefined }>(
  query: Query,
  context: z.RefinementCtx,
) => {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    context.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
  }
};

const habitCompletionsQuery = z
  .strictObject({ ...dateRangeQueryShape, ...pageQueryShape })
  .superRefine(rangeRefinement);

const logsQuery = z
  .strictObject({
    ...dateRangeQueryShape,
    habitId: z.string().min(1).max(64).optional().openapi({ description: "Only this habit's logs" }),
    page: z.coerce.number().int().min(1).optional().openapi({ description: "Page number, from 1 (not with cursor)" }),
    pageSize: pageQueryShape.pageSize,
    cursor: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .openapi({ description: "An opaque cursor from `nextCursor`: the items after it (not with page)" }),
  })
  .superRefine(rangeRefinement)
  .superRefine((query, context) => {
    if (query.page !== undefined && query.cursor !== undefined) {
      context.addIssue({ code: "custom", path: ["cursor"], message: "cannot be used with page" });
    }
    if (query.cursor !== undefined && !decodeCursor(query.cursor)) {
      context.addIssue({ code: "custom", path: ["cursor"], message: "is not a cursor this API gave" });
    }
  });

const batchQuery = z.strictObject({
  atomic: z
    .enum(["true", "false"])
    .default("true")
    .openapi({ description: "`true` (default): all or nothing; `false`: each item stands alone" }),
});

/** A cursor is the (date, id) of the last log given: stable under inserts and deletes. */
function encodeCursor(log: Pick<Completion, "date" | "id">): string {
  return Buffer.from(JSON.stringify([log.date, log.id]), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { date: string; id: string } | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(decoded) || decoded.length !== 2) return undefined;
    const [date, id] = decoded;
    if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
    if (typeof id !== "string" || id.length === 0 || id.length > 64) return undefined;
    return { date, id };
  } catch {
    return undefined;
  }
}

export function registerCompletionRoutes(routes: ApiRoutes, { core }: RouteDependencies): void {
  const logLocation = (id: string) => `${routes.basePath}/habit-logs/${encodeURIComponent(id)}`;

  routes.add({
    operationId: "completeHabit",
    method: "post",
    path: "/habits/{id}/completions",
    tags,
    summary: "Log a habit as done",
    description:
      "On `date` (the user's today by default): the log, the streak, the reward draw and its odds, and a " +
      "milestone reached. One per habit and day. Send an `Idempotency-Key` to retry safely.",
    auth: true,
    access: "write",
    idempotent: true,
    request: { params: idParams, body: completionInputSchema.optional() },
    responses: {
      201: { description: "Logged", body: completionOutcomeSchema, headers: { Location: "The habit log" } },
    },
    errors: completionErrors,
    handler: async ({ principal, params, body }) => {
      const done = await core.completions.complete({
        userId: principal.userId,
        habitId: params.id,
        ...(body?.date !== undefined && { date: body.date }),
        ...(body?.value !== undefined && { value: body.value }),
        ...(body?.note !== undefined && { note: body.note }),
        source: "api",
      });
      if (!done.ok) return failed(done);
      return created(presentOutcome(done.value), logLocation(done.value.completion.id));
    },
  });

  routes.add({
    operationId: "listHabitCompletions",
    method: "get",
    path: "/habits/{id}/completions",
    tags,
    summary: "A habit's completions",
    description: "Oldest first, within `from`–`to` (both included) when given.",
    auth: true,
    access: "read",
    request: { params: idParams, query: habitCompletionsQuery },
    responses: { 200: { description: "A page of completions", body: completionPageSchema } },
    errors: ["not_found"],
    handler: async ({ principal, params, query }) => {
      const range = { ...(query.from && { from: query.from }), ...(query.to && { to: query.to }) };
      const completions = await core.completions.list(principal.userId, params.id, range);
      if (!completions) return failed({ reason: "not_found" });
      const page = paginate(completions, query);
      return ok({ ...page, items: page.items.map(presentCompletion) });
    },
  });

  routes.add({
    operationId: "revertCompletion",
    method: "delete",
    path: "/habits/{id}/completions/{date}",
    tags,
    summary: "Undo a completion",
    description:
      "Removes the habit's log on `date`; the reward piece it earned is taken back and streaks are recomputed. " +
      "Answers 200 with what was reverted. No log on that date: 404 `nothing_to_revert`.",
    auth: true,
    access: "write",
    request: { params: completionDateParams },
    responses: { 200: { description: "What was reverted, and the streak after", body: revertOutcomeSchema } },
    errors: ["not_found", "nothing_to_revert"],
    handler: async ({ principal, params }) => {
      const reverted = await core.completions.revert({
        userId: principal.userId,
        habitId: params.id,
        date: params.date,
      });
      if (!reverted.ok) return failed(reverted);
      return ok(presentRevert(reverted.value));
    },
  });

  routes.add({
    operationId: "completeBatch",
    method: "post",
    path: "/completions/batch",
    tags,
    summary: "Log several completions",
    description:
      "Up to 100 items, in order. Atomic by default: all are recorded, or none (422 `batch_failed`, whose " +
      "`results` say each item's fate: its own problem, `rolled_back` or `not_attempted`). With `atomic=false` " +
      "each item stands alone and the answer is 200 with every item's result. Each item's `source` is `batch`.",
    auth: true,
    access: "write",
    idempotent: true,
    request: { query: batchQuery, body: batchInputSchema },
    responses: { 200: { description: "Every item's result", body: batchResultSchema } },
    errors: ["batch_failed", "too_many_items"],
    handler: async ({ principal, query, body }) => {
      if (body.items.length > itemLimits.completionsPerBatch) return failed(tooManyItems("completionsPerBatch"));
      const atomic = query.atomic === "true";
      const outcomes = await core.completions.completeMany(
        body.items.map((item) => ({
          userId: principal.userId,
          habitId: item.habitId,
          ...(item.date !== undefined && { date: item.date }),
          ...(item.value !== undefined && { value: item.value }),
          ...(item.note !== undefined && { note: item.note }),
          source: "batch" as const,
        })),
        { atomic },
      );
      const results = outcomes.map((outcome, index) => resultOf(outcome, index));
      const succeeded = outcomes.filter((outcome) => outcome.ok).length;
      const answer = { atomic, succeeded, failed: outcomes.length - succeeded, results };
      if (atomic && succeeded < outcomes.length) {
        const refused = problemReply("batch_failed", "An item failed, so none was recorded: see results.");
        return { problem: { ...refused.problem, results } as typeof refused.problem };
      }
      return ok(answer);
    },
  });

  routes.add({
    operationId: "listHabitLogs",
    method: "get",
    path: "/habit-logs",
    tags,
    summary: "The user's habit logs",
    description:
      "Every habit's logs, newest first (by date, then id), within `from`–`to` when given, of one habit with " +
      "`habitId`. Paged with `page`/`pageSize`, or walked with `cursor` (from a page's `nextCursor`): a cursor " +
      "is a position, so logs added or removed meanwhile never make a walk repeat or skip the others.",
    auth: true,
    access: "read",
    request: { query: logsQuery },
    responses: {
      200: {
        description: "A page of logs (`HabitLogPage`), or with `cursor` the logs after it (`HabitLogCursorPage`)",
        body: z.union([logPageSchema, logCursorPageSchema]),
      },
    },
    errors: ["not_found"],
    handler: async ({ principal, query }) => {
      if (query.habitId !== undefined && !(await core.habits.get(principal.userId, query.habitId))) {
        return failed({ reason: "not_found" });
      }
      const filter = {
        ...(query.from && { from: query.from }),
        ...(query.to && { to: query.to }),
        ...(query.habitId && { habitId: query.habitId }),
      };
      const cursor = query.cursor !== undefined ? decodeCursor(query.cursor) : undefined;
      if (cursor) {
        // One more than a page tells whether another follows.
        const { items: after } = await core.completions.logs(principal.userId, filter, {
          before: cursor,
          limit: query.pageSize + 1,
        });
        const items = after.slice(0, query.pageSize);
        const hasNextPage = after.length > items.length;
        const last = items.at(-1);
        return ok({
          items: items.map(presentCompletion),
          pageSize: query.pageSize,
          hasNextPage,
          nextCursor: hasNextPage && last ? encodeCursor(last) : null,
        });
      }
      const request = { page: query.page ?? 1, pageSize: query.pageSize };
      const { items, totalCount } = await core.completions.logs(principal.userId, filter, {
        offset: (request.page - 1) * request.pageSize,
        limit: request.pageSize,
      });
      const page = pageOf(items, request, totalCount);
      const last = items.at(-1);
      return ok({
        ...page,
        items: items.map(presentCompletion),
        nextCursor: page.hasNextPage && last ? encodeCursor(last) : null,
      });
    },
  });

  routes.add({
    operationId: "getHabitLog",
    method: "get",
    path: "/habit-logs/{id}",
    tags,
    summary: "One habit log",
    auth: true,
    access: "read",
    request: { params: idParams },
    responses: { 200: { description: "The log", body: completionSchema } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const log = await core.completions.findLog(principal.userId, params.id);
      return log ? ok(presentCompletion(log)) : failed({ reason: "not_found" });
    },
  });
}

type ItemResult =
  | { index: number; status: 201; outcome: ReturnType<typeof presentOutcome> }
  | { index: number; status: number; problem: Omit<Problem, "requestId"> };

function resultOf(outcome: BatchItemResult, index: number): ItemResult {
  if (outcome.ok) return { index, status: 201, outcome: presentOutcome(outcome.value) };
  const { status, code, title, detail, errors } = problemForFailure(outcome);
  return { index, status, problem: { status, code, title, detail, ...(errors && { errors }) } };
}
