// Prometheus metrics: request counts and latencies by route pattern, method and status, and the
// process's own (CPU, memory, event loop, GC). One registry per app, so apps never share series.
import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { problem, sendProblem } from "./problem.js";

/** The route pattern a request matched (`/api/v1/users/me/api-keys/{id}`), set by the router. */
export const routePatternKey = "routePattern";

/** Requests that matched no route share one label, so probing random paths cannot grow the series. */
const unmatched = "unmatched";

export interface HttpMetrics {
  registry: Registry;
  /** Counts and times every request; install before the routes. */
  middleware: RequestHandler;
  /** `GET /metrics`: the Prometheus text format. */
  handler: RequestHandler;
}

export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status_code"] as const;
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by route pattern, method and status",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route pattern, method and status",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  return {
    registry,
    middleware: (request, response, next) => {
      const started = process.hrtime.bigint();
      response.on("finish", () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const labels = {
          method: request.method,
          route: typeof response.locals[routePatternKey] === "string" ? response.locals[routePatternKey] : unmatched,
          status_code: String(response.statusCode),
        };
        requests.inc(labels);
        duration.observe(labels, seconds);
      });
      next();
    },
    handler: async (_request, response) => {
      response.type(registry.contentType).send(await registry.metrics());
    },
  };
}

/** Labels a plain Express route with its own path (routes built by the route table label themselves). */
export const labelRoute =
  (pattern: string): RequestHandler =>
  (_request, response, next) => {
    response.locals[routePatternKey] = pattern;
    next();
  };

/** RFC 6750's token68, as the access tokens' parser reads it. */
const bearerPattern = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Guards /metrics with METRICS_TOKEN: without one it is open; with one, a request must send
 * `Authorization: Bearer <token>`, else 401. The token is compared by SHA-256 digest in constant
 * time, so neither its length nor how much of it a guess got right shows in the answer's timing.
 */
export function requireMetricsToken(token: string | undefined): RequestHandler {
  if (token === undefined) return (_request, _response, next) => next();
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  const expected = digest(token);
  return (request, response, next) => {
    const authorization = request.get("authorization");
    if (authorization === undefined) {
      sendProblem(response, problem("credentials_required", "Send the metrics token: Authorization: Bearer <token>."));
      return;
    }
    const offered = bearerPattern.exec(authorization)?.[1];
    if (offered === undefined || !timingSafeEqual(digest(offered), expected)) {
      sendProblem(response, problem("invalid_token", "The metrics token is wrong."), {
        "WWW-Authenticate": 'Bearer realm="habits", error="invalid_token"',
      });
      return;
    }
    next();
  };
}
