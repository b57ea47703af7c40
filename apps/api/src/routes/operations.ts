import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { type RequestHandler, Router } from "express";
import { labelRoute, requireMetricsToken } from "../http/metrics.js";
import { problem, problemSchema, sendProblem } from "../http/problem.js";
import { z } from "../openapi/zod.js";

export interface Readiness {
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}

const healthSchema = z.strictObject({ status: z.literal("ok") }).openapi("Health");
const readySchema = z
  .strictObject({ status: z.literal("ready"), checks: z.strictObject({ database: z.literal("ok") }) })
  .openapi("Ready");

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
    summary: "The database answers",
    responses: {
      200: { description: "Ready to serve", content: json(readySchema) },
      503: {
        description: "`not_ready`: the database does not answer",
        content: { "application/problem+json": { schema: problemSchema } },
      },
    },
  });
  router.get("/ready", labelRoute("/ready"), async (request, response) => {
    try {
      await readiness.ping();
      response.json({ status: "ready", checks: { database: "ok" } });
    } catch (error) {
      request.log.warn({ err: error }, "readiness check failed: database unreachable");
      sendProblem(response, problem("not_ready", "The database is not reachable."));
    }
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
