// Habits: create, read, list (filters, sort, fields), replace, patch (merge and JSON Patch),
// delete, archive, the month calendar, and their tags.
import { type Core, countsAsDone, type Habit } from "@habits/core";
import {
  applyJsonPatch,
  applyMergePatch,
  jsonEqual,
  jsonPatchSchema,
  type PatchOperation,
  patchBounds,
} from "../../http/json-patch.js";
import { compareValues, selectFields, sortItems } from "../../http/list-query.js";
import { paginate } from "../../http/paging.js";
import { ProblemError, problem } from "../../http/problem.js";
import { type ApiRoutes, created, failed, noContent, ok, problemReply } from "../../http/route.js";
import { parseInput } from "../../http/validate.js";
import { idParams } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";
import type { RouteDependencies } from "../dependencies.js";
import {
  calendarQuerySchema,
  calendarSchema,
  type HabitFacts,
  type HabitJson,
  habitInputSchema,
  habitListQuerySchema,
  habitMergePatchSchema,
  habitPageSchema,
  habitSchema,
  habitTagsSchema,
  presentCalendarRow,
  presentHabit,
  toHabitInput,
  writableHabitFields,
} from "./schemas.js";

const tags = ["Habits"];

const habitTagParams = z.strictObject({ id: idParams.shape.id, tagId: idParams.shape.id });

const jsonPatchMediaType = "application/json-patch+json";

const frequencyOrder = { daily: 0, weekly: 1, monthly: 2 } as const;

/** Counted completions and the last day done, from the habit's history. */
async function factsOf(core: Core, userId: string, habit: Habit): Promise<HabitFacts> {
  const history = (await core.completions.list(userId, habit.id)) ?? [];
  const counted = history.filter((completion) => countsAsDone(habit, completion.value));
  return { countedCompletions: counted.length, lastCompletedDate: counted.at(-1)?.date ?? null };
}

export function registerHabitRoutes(routes: ApiRoutes, { core }: RouteDependencies): void {
  const location = (habit: Habit) => `${routes.basePath}/habits/${encodeURIComponent(habit.id)}`;
  const present = async (userId: string, habit: Habit) => presentHabit(habit, await factsOf(core, userId, habit));

  routes.add({
    operationId: "listHabits",
    method: "get",
    path: "/habits",
    tags,
    summary: "The user's habits",
    description:
      "Active habits by default (`status=archived|all`), oldest first unless `sort` says otherwise. Filters " +
      "combine: `q` (name or description), `category`, `tag` (names, any case), `type`, `frequency`. " +
      "`lastCompletedAt` sorts by the last day done; habits never done, and those without a category, come last.",
    auth: true,
    access: "read",
    request: { query: habitListQuerySchema },
    responses: { 200: { description: "A page of habits", body: habitPageSchema } },
    handler: async ({ principal, query }) => {
      const text = query.q?.trim().toLocaleLowerCase("en");
      const same = (a: string | null, b: string) =>
        a !== null && a.trim().toLocaleLowerCase("en") === b.trim().toLocaleLowerCase("en");
      const habits = (await core.habits.list(principal.userId, query.status)).filter(
        (habit) =>
          (!text ||
            habit.name.toLocaleLowerCase("en").includes(text) ||
            (habit.description?.toLocaleLowerCase("en").includes(text) ?? false)) &&
          (query.category === undefined || same(habit.category, query.category)) &&
          (query.tag === undefined || habit.tags.some((tag) => same(tag, query.tag as string))) &&
          (query.type === undefined || habit.type === query.type) &&
          (query.frequency === undefined || habit.frequency.type === query.frequency),
      );
      const needsFacts = query.sort.some((key) => key.field === "lastCompletedAt");
      const facts = new Map<string, HabitFacts>();
      const factsFor = async (list: readonly Habit[]) => {
        for (const habit of list)
          if (!facts.has(habit.id)) facts.set(habit.id, await factsOf(core, principal.userId, habit));
      };
      if (needsFacts) await factsFor(habits);
      const last = (habit: Habit) => facts.get(habit.id)?.lastCompletedDate ?? null;
      const sorted = sortItems(habits, query.sort, {
        name: { compare: (a, b) => compareValues(a.name, b.name) },
        createdAt: { compare: (a, b) => a.createdAt.getTime() - b.createdAt.getTime() },
        updatedAt: { compare: (a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() },
        weight: { compare: (a, b) => a.weight - b.weight },
        frequency: {
          compare: (a, b) =>
            frequencyOrder[a.frequency.type] - frequencyOrder[b.frequency.type] ||
            a.frequency.timesPerPeriod - b.frequency.timesPerPeriod,
        },
        category: {
          compare: (a, b) => compareValues(a.category ?? "", b.category ?? ""),
          isNull: (habit) => habit.category === null,
        },
        lastCompletedAt: {
          compare: (a, b) => compareValues(last(a) ?? "", last(b) ?? ""),
          isNull: (habit) => last(habit) === null,
        },
      });
      const page = paginate(sorted, query);
      await factsFor(page.items);
      return ok({
        ...page,
        items: page.items.map((habit) =>
          selectFields(presentHabit(habit, facts.get(habit.id) as HabitFacts), query.fields),
        ),
      });
    },
  });

  routes.add({
    operationId: "createHabit",
    method: "post",
    path: "/habits",
    tags,
    summary: "Create a habit",
    description:
      "Only `name` is required; a field left out takes its default. Missing tags are made. Send an " +
      "`Idempotency-Key` to retry safely.",
    auth: true,
    access: "write",
    idempotent: true,
    request: { body: habitInputSchema },
    responses: { 201: { description: "The habit", body: habitSchema, headers: { Location: "The habit" } } },
    errors: ["name_taken", "limit_reached", "too_many_items"],
    handler: async ({ principal, body }) => {
      const made = await core.habits.create(principal.userId, toHabitInput(body));
      if (!made.ok) return made.reason === "not_found" ? accountGone() : failed(made);
      return created(await present(principal.userId, made.value), location(made.value));
    },
  });

  // Before /habits/{id}, which would take `calendar` for an id.
  routes.add({
    operationId: "getHabitCalendar",
    method: "get",
    path: "/habits/calendar",
    tags,
    summary: "The month grid",
    description: "Every active habit with one number per day of the month (1/0, or the value logged).",
    auth: true,
    access: "read",
    request: { query: calendarQuerySchema },
    responses: { 200: { description: "One row per active habit", body: calendarSchema } },
    handler: async ({ principal, query }) => {
      const grid = await core.analytics.monthGrid(principal.userId, query.year, query.month);
      return grid ? ok(grid.map(presentCalendarRow)) : accountGone();
    },
  });

  routes.add({
    operationId: "getHabit",
    method: "get",
    path: "/habits/{id}",
    tags,
    summary: "One habit",
    auth: true,
    access: "read",
    request: { params: idParams },
    responses: { 200: { description: "The habit", body: habitSchema } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const habit = await core.habits.get(principal.userId, params.id);
      return habit ? ok(await present(principal.userId, habit)) : failed({ reason: "not_found" });
    },
  });

  routes.add({
    operationId: "replaceHabit",
    method: "put",
    path: "/habits/{id}",
    tags,
    summary: "Replace a habit",
    description: "The whole habit: a field left out takes its default (the color stays).",
    auth: true,
    access: "write",
    request: { params: idParams, body: habitInputSchema },
    responses: { 200: { description: "The habit as replaced", body: habitSchema } },
    errors: ["not_found", "name_taken", "limit_reached", "too_many_items"],
    handler: async ({ principal, params, body }) => {
      const updated = await core.habits.update(principal.userId, params.id, toHabitInput(body));
      return updated.ok ? ok(await present(principal.userId, updated.value)) : failed(updated);
    },
  });

  routes.add({
    operationId: "patchHabit",
    method: "patch",
    path: "/habits/{id}",
    tags,
    summary: "Change a habit",
    description:
      "A JSON Merge Patch (`application/json` or `application/merge-patch+json`: fields left out stay, `null` " +
      "removes one, which then takes its default) or a JSON Patch (`application/json-patch+json`, RFC 6902) " +
      "over the habit as GET shows it. Read-only fields (id, status, milestone.current, timestamps) may be " +
      "tested, not changed. The result is validated as a whole, as PUT validates. A failed `test` is 409 " +
      "`patch_test_failed`; a location that does not exist is 422 `patch_not_applicable`; a copy or move from " +
      "the root or an ancestor of its target is 400 `patch_into_itself`. After every operation the habit " +
      `must stay within ${patchBounds.maxBytes / 1024} kB as JSON (413 \`payload_too_large\`) and ` +
      `${patchBounds.maxDepth} levels of nesting (400 \`nesting_too_deep\`).`,
    auth: true,
    access: "write",
    request: {
      params: idParams,
      body: z.union([habitMergePatchSchema, jsonPatchSchema]),
      contentTypes: ["application/json", "application/merge-patch+json", jsonPatchMediaType],
      bodyFor: {
        "application/json": habitMergePatchSchema,
        "application/merge-patch+json": habitMergePatchSchema,
        [jsonPatchMediaType]: jsonPatchSchema,
      },
    },
    responses: { 200: { description: "The habit as changed", body: habitSchema } },
    errors: [
      "not_found",
      "name_taken",
      "patch_test_failed",
      "patch_not_applicable",
      "patch_into_itself",
      "payload_too_large",
      "nesting_too_deep",
      "limit_reached",
      "too_many_items",
    ],
    handler: async ({ principal, params, body }) => {
      // The body is parsed by its media type (bodyFor): an array is a JSON Patch, an object a merge patch.
      const habit = await core.habits.get(principal.userId, params.id);
      if (!habit) return failed({ reason: "not_found" });
      const current = await present(principal.userId, habit);
      const isJsonPatch = Array.isArray(body);
      const outcome = isJsonPatch ? applyJsonPatch(current, body as PatchOperation[]) : applyMergePatch(current, body);
      if (!outcome.ok) {
        const detail = isJsonPatch
          ? `Operation ${outcome.index}: ${outcome.detail}.`
          : `The merge patch: ${outcome.detail}.`;
        switch (outcome.reason) {
          case "test_failed":
            return problemReply("patch_test_failed", detail);
          case "not_applicable":
            return problemReply("patch_not_applicable", detail);
          case "into_itself":
            return problemReply("patch_into_itself", detail);
          case "too_large":
            return problemReply("payload_too_large", detail);
          case "too_deep":
            return problemReply("nesting_too_deep", detail);
          case "invalid":
            return invalidBody(detail, { [`body.${outcome.index}`]: outcome.detail });
        }
      }
      const replacement = parseInput(habitInputSchema, writablePart(outcome.document, current), "body");
      const updated = await core.habits.update(principal.userId, params.id, toHabitInput(replacement));
      return updated.ok ? ok(await present(principal.userId, updated.value)) : failed(updated);
    },
  });

  routes.add({
    operationId: "deleteHabit",
    method: "delete",
    path: "/habits/{id}",
    tags,
    summary: "Delete a habit and its whole history",
    description: "Permanent; archive a habit to keep its history.",
    auth: true,
    access: "write",
    request: { params: idParams },
    responses: { 204: { description: "Deleted" } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const deleted = await core.habits.delete(principal.userId, params.id);
      return deleted.ok ? noContent() : failed(deleted);
    },
  });

  for (const [action, summary] of [
    ["archive", "Archive a habit: it keeps its history, is not due and sends no reminders"],
    ["unarchive", "Make an archived habit active again (409 when an active habit has its name)"],
  ] as const) {
    routes.add({
      operationId: `${action}Habit`,
      method: "post",
      path: `/habits/{id}/${action}`,
      tags,
      summary,
      description: "Doing it twice changes nothing the second time.",
      auth: true,
      access: "write",
      request: { params: idParams },
      responses: { 200: { description: "The habit", body: habitSchema } },
      errors: ["not_found", "name_taken"],
      handler: async ({ principal, params }) => {
        const done = await core.habits[action](principal.userId, params.id);
        return done.ok ? ok(await present(principal.userId, done.value)) : failed(done);
      },
    });
  }

  routes.add({
    operationId: "setHabitTags",
    method: "put",
    path: "/habits/{id}/tags",
    tags,
    summary: "Set a habit's tags",
    description:
      "Replaces them with these tags of the user's (by id; none clears them). An id that is not one of " +
      "the user's tags is 422 `tag_not_found`.",
    auth: true,
    access: "write",
    request: { params: idParams, body: habitTagsSchema },
    responses: { 200: { description: "The habit with its tags", body: habitSchema } },
    errors: ["not_found", "tag_not_found", "too_many_items"],
    handler: async ({ principal, params, body }) => {
      const set = await core.tags.setHabitTags(principal.userId, params.id, body.tagIds);
      return set.ok ? ok(await present(principal.userId, set.value)) : failed(set);
    },
  });

  routes.add({
    operationId: "removeHabitTag",
    method: "delete",
    path: "/habits/{id}/tags/{tagId}",
    tags,
    summary: "Take a tag off a habit",
    description: "A tag of the user's that the habit does not carry is already off (204).",
    auth: true,
    access: "write",
    request: { params: habitTagParams },
    responses: { 204: { description: "Taken off" } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const removed = await core.tags.removeHabitTag(principal.userId, params.id, params.tagId);
      return removed.ok ? noContent() : failed(removed);
    },
  });
}

/** The user behind valid credentials is gone only if the account was deleted a moment ago. */
const accountGone = () => problemReply("session_revoked", "The account no longer exists.");

function invalidBody(detail: string, errors: Record<string, string>) {
  const reply = problemReply("validation_failed", detail);
  return { ...reply, problem: { ...reply.problem, errors } };
}

const readOnlyFields = ["id", "status", "createdAt", "updatedAt"] as const;

/**
 * The writable fields of a patched habit document. A read-only field that was changed or removed
 * is a validation failure; `milestone.current` may stay or go, not change.
 */
function writablePart(patched: unknown, current: HabitJson): Record<string, unknown> {
  if (typeof patched !== "object" || patched === null || Array.isArray(patched)) {
    invalid({ body: "must be a habit object" });
  }
  const document = { ...(patched as Record<string, unknown>) };
  const errors: Record<string, string> = {};
  for (const field of readOnlyFields) {
    if (!jsonEqual(document[field], current[field])) errors[field] = "is read-only";
    delete document[field];
  }
  const milestone = document.milestone;
  if (typeof milestone === "object" && milestone !== null && !Array.isArray(milestone) && "current" in milestone) {
    const { current: count, ...rest } = milestone as Record<string, unknown>;
    if (count !== current.milestone?.current) errors["milestone.current"] = "is read-only";
    document.milestone = rest;
  }
  if (Object.keys(errors).length > 0) invalid(errors);
  const known = new Set<string>(writableHabitFields);
  for (const field of Object.keys(document)) if (!known.has(field)) errors[field] = "is not a known field";
  if (Object.keys(errors).length > 0) invalid(errors);
  return document;
}

function invalid(errors: Record<string, string>): never {
  throw new ProblemError(problem("validation_failed", "The patched habit is not valid: see errors.", { errors }));
}
