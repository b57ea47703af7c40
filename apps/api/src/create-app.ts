import type { Logger } from "@habits/runtime";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import { sendProblem } from "./http/problem.js";
import { requestIdFor } from "./http/request-id.js";
import { createOperationsRouter, type Readiness } from "./routes/operations.js";

export interface ApiDependencies {
  logger: Logger;
  database: Readiness;
  /** POST routes owned by another part of the process (the bot's Telegram webhook). */
  webhooks?: ReadonlyArray<{ path: string; handler: RequestHandler }>;
}

/** The HTTP application, without listening: tests and the composition root mount it as they need. */
export function createApp(deps: ApiDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
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
  app.use(createOperationsRouter(deps.database));
  for (const webhook of deps.webhooks ?? []) app.post(webhook.path, express.json(), webhook.handler);

  app.use((request, response) => {
    sendProblem(response, {
      status: 404,
      code: "not_found",
      title: "Not found",
      detail: `No route for ${request.method} ${request.path}`,
    });
  });
  const handleError: ErrorRequestHandler = (error, request, response, _next) => {
    request.log.error({ err: error }, "unhandled error");
    if (response.headersSent) return;
    sendProblem(response, {
      status: 500,
      code: "internal_error",
      title: "Internal server error",
      detail: "Something went wrong on our side. Quote the request id when reporting it.",
      requestId: String(request.id),
    });
  };
  app.use(handleError);
  return app;
}
