import type { Clock, Core } from "@habits/core";
import type { DatabaseClient } from "@habits/db";
import { type Logger, systemClock } from "@habits/runtime";
import cors from "cors";
import express, { type ErrorRequestHandler, type Express, type RequestHandler, Router } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { TelegramLoginBot } from "./auth/telegram-login.js";
import { createTokens } from "./auth/tokens.js";
import { createAuthenticate } from "./http/auth.js";
import { type BackgroundWork, createBackgroundWork } from "./http/background-work.js";
import { bodyParserProblem, parseJsonBody, requireJsonBody } from "./http/body.js";
import { createProveIdentity } from "./http/credentials.js";
import { databaseProblemFor } from "./http/database-trouble.js";
import { idempotencyRecordsOver, type Repeat } from "./http/idempotency.js";
import { type AttemptLog, createLoginThrottle, createMemoryAttemptLog } from "./http/login-throttle.js";
import { createHttpMetrics, labelRoute } from "./http/metrics.js";
import { ProblemError, problem, sendProblem } from "./http/problem.js";
import { throttlePasswordProofs } from "./http/proof-throttle.js";
import { defaultRateLimits, type RateLimits } from "./http/rate-limit.js";
import { requestIdFor } from "./http/request-id.js";
import { createApiRoutes } from "./http/route.js";
import { pathDecodingProblem } from "./http/validate.js";
import { createDocsRouter } from "./openapi/docs-router.js";
import { createApiRegistry, generateOpenApiDocument } from "./openapi/document.js";
import { registerAnalyticsRoutes } from "./routes/analytics/router.js";
import { registerAuthRoutes } from "./routes/auth/router.js";
import { registerCompletionRoutes } from "./routes/completions/router.js";
import { registerHabitRoutes } from "./routes/habits/router.js";
import { createOperationsRouter, type Readiness } from "./routes/operations.js";
import { registerResources } from "./routes/resources.js";
import { registerRewardRoutes } from "./routes/rewards/router.js";
import { registerStreakRoutes } from "./routes/streaks/router.js";
import { registerTagRoutes } from "./routes/tags/router.js";
import { registerTelegramAuthRoutes } from "./routes/telegram/router.js";
import { registerUserRoutes } from "./routes/users/router.js";

/** Every versioned route sits under it. */
const basePath = "/api/v1";

export interface ApiDependencies {
  logger: Logger;
  /** Its client, when given, keeps the Idempotency-Key records. */
  database: Readiness & { readonly client?: DatabaseClient };
  core: Core;
  jwt: { secret: string };
  /** Origins allowed to call from a browser; none by default. `*` allows any. */
  cors: { origins: readonly string[] };
  /** The time tokens are signed and checked at; the system clock unless a test stands elsewhere. */
  clock?: Clock;
  /**
   * Reverse proxies in front of the API (TRUST_PROXY): the client address, which the rate limits
   * count by, is then read from X-Forwarded-For that many hops back. None by default.
   */
  trustProxy?: number;
  /** METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <token>`; open otherwise. */
  metrics?: { token?: string | undefined };
  /** Limits of the login and registration endpoints; the defaults unless a test lowers them. */
  rateLimits?: Partial<RateLimits>;
  /** POST routes owned by another part of the process (the bot's Telegram webhook). */
  webhooks?: ReadonlyArray<{ path: string; handler: RequestHandler }>;
  /** The bot: sends Telegram login codes, and its token checks Login Widget and Mini App data. */
  telegram?: TelegramLoginBot;
  /** Idempotency-Key leases (IDEMPOTENCY_LEASE_MS; 30 s by default) and the timer renewing them. */
  idempotency?: { leaseMs?: number; repeat?: Repeat };
  /** Where work that runs after an answer is tracked (`idle()`); a fresh tracker unless given. */
  background?: BackgroundWork;
  /** Where failed logins are counted; this process's memory unless given. */
  attempts?: AttemptLog;
}

/** The HTTP application, without listening: tests and the composition root mount it as they need. */
export function createApp(deps: ApiDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.trustProxy ? deps.trustProxy : false);
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: requestIdFor,
      quietReqLogger: true,
      // One short line per request; headers stay out of the logs (they carry credentials).
      serializers: {
        req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    }),
  );
  const metrics = createHttpMetrics();
  app.use(metrics.middleware);
  app.use(
    helmet({
      // The API is also served over plain http (pnpm start on a laptop): the docs' assets must still load.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.use(corsFor(deps.cors.origins));

  const registry = createApiRegistry();
  app.use(
    createOperationsRouter({
      registry,
      readiness: deps.database,
      metrics: metrics.handler,
      metricsToken: deps.metrics?.token,
    }),
  );
  for (const webhook of deps.webhooks ?? [])
    app.post(webhook.path, labelRoute(webhook.path), parseJsonBody, webhook.handler);

  const clock = deps.clock ?? systemClock;
  const tokens = createTokens({ secret: deps.jwt.secret, clock });
  const rateLimits = { ...defaultRateLimits, ...deps.rateLimits };
  const attempts = deps.attempts ?? createMemoryAttemptLog({ clock });
  // One throttle for every password check of an account: logins and proofs of identity.
  const loginThrottle = createLoginThrottle({
    name: "login",
    rules: {
      perAccountAddress: rateLimits.loginFailuresPerAccountAddress,
      perAccount: rateLimits.loginFailuresPerAccount,
    },
    clock,
    log: attempts,
  });
  const api = Router();
  const routes = createApiRoutes({
    router: api,
    registry,
    basePath,
    authenticate: createAuthenticate({ tokens, core: deps.core }),
    // A password proof is counted like a login of the account, in the same log (proof-throttle.ts).
    proveIdentity: throttlePasswordProofs(createProveIdentity(deps.core), loginThrottle),
    ...(deps.database.client && {
      idempotency: {
        records: idempotencyRecordsOver(deps.database.client, deps.idempotency?.leaseMs),
        now: () => clock.now(),
        ...(deps.idempotency?.repeat && { repeat: deps.idempotency.repeat }),
      },
    }),
  });
  const routeDependencies = {
    core: deps.core,
    tokens,
    clock,
    telegram: deps.telegram,
    rateLimits,
    background: deps.background ?? createBackgroundWork(),
    attempts,
    loginThrottle,
  };
  registerResources(routes);
  registerAuthRoutes(routes, routeDependencies);
  registerTelegramAuthRoutes(routes, routeDependencies);
  registerUserRoutes(routes, routeDependencies);
  registerHabitRoutes(routes, routeDependencies);
  registerTagRoutes(routes, routeDependencies);
  registerCompletionRoutes(routes, routeDependencies);
  registerStreakRoutes(routes, routeDependencies);
  registerRewardRoutes(routes, routeDependencies);
  registerAnalyticsRoutes(routes, routeDependencies);

  const documentPath = `${basePath}/openapi.json`;
  registry.registerPath({
    method: "get",
    path: documentPath,
    operationId: "getOpenApiDocument",
    tags: ["Operations"],
    summary: "This document",
    responses: { 200: { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: {} } } } },
  });
  // Built once, at start: a schema the generator cannot express fails here, not on the first request.
  const document = generateOpenApiDocument(registry);
  app.use(createDocsRouter({ document: () => document, documentPath }));

  app.use(requireJsonBody, parseJsonBody);
  app.use(basePath, api);

  app.use((request, response) => {
    sendProblem(response, problem("not_found", `No route for ${request.method} ${request.path}`));
  });
  const handleError: ErrorRequestHandler = (error, request, response, _next) => {
    if (response.headersSent) {
      request.log.error({ err: error }, "error after the answer began");
      return;
    }
    if (error instanceof ProblemError) {
      sendProblem(response, error.problem, error.headers);
      return;
    }
    const fromBody = bodyParserProblem(error) ?? pathDecodingProblem(error);
    if (fromBody) {
      sendProblem(response, fromBody);
      return;
    }
    const databaseTrouble = databaseProblemFor(error);
    if (databaseTrouble) {
      request.log.warn({ err: error, code: databaseTrouble.problem.code }, "database trouble");
      sendProblem(response, databaseTrouble.problem, databaseTrouble.headers);
      return;
    }
    request.log.error({ err: error }, "unhandled error");
    sendProblem(
      response,
      problem("internal_error", "Something went wrong on our side. Quote the request id when reporting it.", {
        requestId: String(request.id),
      }),
    );
  };
  app.use(handleError);
  return app;
}

/** Closed unless origins are configured: no CORS headers at all, so browsers refuse other sites. */
function corsFor(origins: readonly string[]): RequestHandler {
  if (origins.length === 0) return (_request, _response, next) => next();
  return cors({
    origin: origins.includes("*") ? "*" : [...origins],
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    allowedHeaders: ["Authorization", "Content-Type", "X-API-Key", "Idempotency-Key", "X-Request-Id"],
    exposedHeaders: [
      "Location",
      "X-Request-Id",
      "Retry-After",
      "RateLimit-Limit",
      "RateLimit-Remaining",
      "RateLimit-Reset",
      "RateLimit-Policy",
    ],
    maxAge: 600,
  });
}
