// Analytics: success rates, streaks and trends over a range of the user's local dates.
import { addDays, daysBetween, localDateAt } from "@habits/core";
import { ProblemError, problem } from "../../http/problem.js";
import { type ApiRoutes, failed, ok, problemReply } from "../../http/route.js";
import { idParams } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";
import type { RouteDependencies } from "../dependencies.js";
import {
  habitAnalyticsSchema,
  maxRangeDays,
  overviewSchema,
  presentHabitStats,
  presentOverview,
  presentTrendPoint,
  rangeQueryShape,
  trendsSchema,
} from "./schemas.js";

const tags = ["Analytics"];
const defaultDays = 30;

const rangeDescription =
  `\`from\` and \`to\` are local dates (YYYY-MM-DD) in the user's time zone, both included; by default the ` +
  `${defaultDays} days up to today. \`from\` must not be after \`to\`, and a range spans at most ${maxRangeDays} days.`;

const rangeQuery = z.strictObject(rangeQueryShape);
const trendsQuery = z.strictObject({
  granularity: z.enum(["week", "month"]).default("week").openapi({ description: "ISO weeks or calendar months" }),
  ...rangeQueryShape,
});

const accountGone = () => problemReply("session_revoked", "The account no longer exists.");

function rangeProblem(field: "from" | "to", message: string): ProblemError {
  return new ProblemError(
    problem("validation_failed", "The request query is not valid: see errors.", { errors: { [field]: message } }),
  );
}

export function registerAnalyticsRoutes(routes: ApiRoutes, { core, clock }: RouteDependencies): void {
  /** The range asked for, defaults filled in from the user's today; refused when reversed or too long. */
  async function rangeFor(userId: string, query: { from?: string | undefined; to?: string | undefined }) {
    const user = await core.users.get(userId);
    if (!user) return undefined;
    const to = query.to ?? localDateAt(clock.now(), user.timezone);
    const from = query.from ?? addDays(to, -(defaultDays - 1));
    if (from > to) throw rangeProblem("from", query.to ? "must not be after to" : "must not be after today");
    if (daysBetween(from, to) + 1 > maxRangeDays) {
      throw rangeProblem(query.from ? "from" : "to", `the range may span at most ${maxRangeDays} days`);
    }
    return { from, to };
  }

  routes.add({
    operationId: "getAnalyticsOverview",
    method: "get",
    path: "/analytics/overview",
    tags,
    summary: "Totals and each active habit's statistics over a range",
    description: rangeDescription,
    auth: true,
    access: "read",
    request: { query: rangeQuery },
    responses: { 200: { description: "The overview", body: overviewSchema } },
    handler: async ({ principal, query }) => {
      const range = await rangeFor(principal.userId, query);
      const found = range && (await core.analytics.overview(principal.userId, range));
      if (!found) return accountGone();
      return ok(presentOverview(found.overview, found.habits));
    },
  });

  routes.add({
    operationId: "getHabitAnalytics",
    method: "get",
    path: "/analytics/habits/{id}",
    tags,
    summary: "One habit's statistics over a range",
    description: rangeDescription,
    auth: true,
    access: "read",
    request: { params: idParams, query: rangeQuery },
    responses: { 200: { description: "The habit's statistics", body: habitAnalyticsSchema } },
    errors: ["not_found"],
    handler: async ({ principal, params, query }) => {
      const range = await rangeFor(principal.userId, query);
      if (!range) return accountGone();
      const stats = await core.analytics.habitStats(principal.userId, params.id, range);
      return stats ? ok(presentHabitStats(stats)) : failed({ reason: "not_found" });
    },
  });

  routes.add({
    operationId: "getAnalyticsTrends",
    method: "get",
    path: "/analytics/trends",
    tags,
    summary: "Completions and success rate per week or month",
    description: `${rangeDescription} The first and last buckets are cut to the range.`,
    auth: true,
    access: "read",
    request: { query: trendsQuery },
    responses: { 200: { description: "One point per week or month", body: trendsSchema } },
    handler: async ({ principal, query }) => {
      const range = await rangeFor(principal.userId, query);
      const points = range && (await core.analytics.trends(principal.userId, query.granularity, range));
      if (!range || !points) return accountGone();
      return ok({ granularity: query.granularity, range, points: points.map(presentTrendPoint) });
    },
  });
}
