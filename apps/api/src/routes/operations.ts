import { Router } from "express";
import { sendProblem } from "../http/problem.js";

export interface Readiness {
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}

/** Liveness and readiness for load balancers and orchestrators; no authentication. */
export function createOperationsRouter(readiness: Readiness): Router {
  const router = Router();
  router.get("/health", (_request, response) => {
    response.json({ status: "ok" });
  });
  router.get("/ready", async (request, response) => {
    try {
      await readiness.ping();
      response.json({ status: "ready", checks: { database: "ok" } });
    } catch (error) {
      request.log.warn({ err: error }, "readiness check failed: database unreachable");
      sendProblem(response, {
        status: 503,
        code: "not_ready",
        title: "Not ready",
        detail: "The database is not reachable.",
      });
    }
  });
  return router;
}
