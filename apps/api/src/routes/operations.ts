import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { classifyDatabaseError, databaseTroubles } from "@habits/db";
import { type RequestHandler, Router } from "express";
import { labelRoute, requireMetricsToken } from "../http/metrics.js";
import { problem, problemSchema, sendProblem } from "../http/problem.js";
import { z } from "../openapi/zod.js";

export interface Readiness {
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  /** Resolves when a write could be stored (disk space, not a read-only server). */
  checkWritable?(): Promise<void>;
  /** Resolves when the database has the migrations this version knows, no more, no fewer. */
  checkMigrations?(): Promise<void>;
}

/**
 * /ready answers within this, whatever the database does: a frozen server makes the checks time
 * out, not the probe that asks (load balancers give up after a few seconds and count that as down).
 */
const readyBudgetMs = 1_500;

/** A check's outcome: ok, out of time, or why it failed (a database trouble code, else `failed`). */
const checkOutcomes = ["ok", "timed_out", ...databaseTroubles, "failed"] as const;
type CheckOutcome = (typeof checkOutcomes)[number];

const checksSchema = z
  .strictObject({
    database: z.enum(checkOutcomes).openapi({ description: "The database answers a query" }),
    writable: z.enum(checkOutcomes).optional().openapi({
      description: "A write could be stored: SQLite has disk space and can grow its file; PostgreSQL is not read-only",
    }),
    migrations: z.enum(checkOutcomes).optional().openapi({
      description: "The database has exactly the migrations this version knows",
    }),
  })
  .openapi("ReadinessChecks");
const healthSchema = z.strictObject({ status: z.literal("ok") }).openapi("Health");
const readySchema = z
  .strictObject({ status: z.literal("ready"), checks: checksSchema })
  .openapi("Ready", { description: "Every check is `ok`" });

/** Runs the checks side by side; each has until the deadline. */
async function runChecks(readiness: Readiness): Promise<Array<[string, CheckOutcome, unknown]>> {
  const checks: Array<[string, (() => Promise<void>) | undefined]> = [
    ["database", () => readiness.ping()],
    ["writable", readiness.checkWritable && (() => readiness.checkWritable?.() ?? Promise.resolve())],
    ["migrations", readiness.checkMigrations && (() => readiness.checkMigrations?.() ?? Promise.resolve())],
  ];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<[CheckOutcome, unknown]>((resolve) => {
    timer = setTimeout(() => resolve(["timed_out", undefined]), readyBudgetMs);
  });
  try {
    return await Promise.all(
      checks.flatMap(([name, check]) =>
        check
          ? [
              Promise.race([
                check().then(
                  (): [CheckOutcome, unknown] => ["ok", undefined],
                  (error: unknown): [CheckOutcome, unknown] => [classifyDatabaseError(error) ?? "failed", error],
                ),
                deadline,
              ]).then(([outcome, error]): [string, CheckOutcome, unknown] => [name, outcome, error]),
            ]
          : [],
      ),
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness, readiness and metrics for load balancers, orchestrators and Prometheus. No user
 * authentication; /metrics asks for METRICS_TOKEN as a bearer token when one is configured.
 */
export function createOperationsRouter(options: {
  registry: OpenAPIRegistry;
  readiness: Readiness;
  metrics: RequestHandler;
  metricsToken?: string | undefined;
}): Router {
  const { registry, readiness } = options;
  const router = Router();
  const tags = ["Operations"];
  const json = (schema: z.ZodType) => ({ "application/json": { schema } });

  registry.registerPath({
    method: "get",
    path: "/health",
    operationId: "getHealth",
    tags,
    summary: "The process is alive",
    responses: { 200: { description: "Alive", content: json(healthSchema) } },
  });
  router.get("/health", labelRoute("/health"), (_request, response) => {
    response.json({ status: "ok" });
  });

  registry.registerPath({
    method: "get",
    path: "/ready",
    operationId: "getReadiness",
    tags,
    summary: "The database answers, can store writes and is migrated",
    description: `Answers within ${readyBudgetMs / 1000} s whatever the database does; a check still running then is \`timed_out\`.`,
    responses: {
      200: { description: "Ready to serve", content: json(readySchema) },
      503: {
        description: "`not_ready`: a check failed; `checks` says which, and why",
        content: { "application/problem+json": { schema: problemSchema.extend({ checks: checksSchema }) } },
      },
    },
  });
  router.get("/ready", labelRoute("/ready"), async (request, response) => {
    const results = await runChecks(readiness);
    const checks = Object.fromEntries(results.map(([name, outcome]) => [name, outcome]));
    const failed = results.filter(([, outcome]) => outcome !== "ok");
    if (failed.length === 0) {
      response.json({ status: "ready", checks });
      return;
    }
    for (const [name, outcome, error] of failed) {
      request.log.warn({ err: error, check: name, outcome }, "readiness check failed");
    }
    const detail = `Not ready: ${failed.map(([name, outcome]) => `${name} ${outcome.replaceAll("_", " ")}`).join("; ")}.`;
    sendProblem(response, Object.assign(problem("not_ready", detail), { checks }));
  });

  registry.registerPath({
    method: "get",
    path: "/metrics",
    operationId: "getMetrics",
    tags,
    summary: "Prometheus metrics",
    description:
      "Request counts and latency histograms by route pattern, method and status; process metrics. When the " +
      "server sets `METRICS_TOKEN`, send it as `Authorization: Bearer <token>`; otherwise the endpoint is open.",
    responses: {
      200: { description: "The Prometheus text format", content: { "text/plain": { schema: z.string() } } },
      401: {
        description:
          "`credentials_required` (no `Authorization`) or `invalid_token` (another token), when `METRICS_TOKEN` is set",
        content: { "application/problem+json": { schema: problemSchema } },
      },
    },
  });
  router.get("/metrics", labelRoute("/metrics"), requireMetricsToken(options.metricsToken), options.metrics);
  return router;
}
