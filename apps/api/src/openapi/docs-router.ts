// `/api/v1/openapi.json` and the interactive reference at `/api/docs`, whose assets come from
// swagger-ui-dist in node_modules: nothing is loaded from a CDN.
import { Router } from "express";
import swaggerUi from "swagger-ui-express";
import { labelRoute } from "../http/metrics.js";
import type { OpenApiDocument } from "./document.js";

const docsPath = "/api/docs";

export function createDocsRouter(options: { document: () => OpenApiDocument; documentPath: string }): Router {
  const router = Router();
  router.get(options.documentPath, labelRoute(options.documentPath), (_request, response) => {
    response.json(options.document());
  });
  const swaggerOptions = {
    swaggerUrl: options.documentPath,
    customSiteTitle: "Habits API",
    // No call to the public validator service for its badge.
    swaggerOptions: { validatorUrl: null, persistAuthorization: false },
  };
  router.use(
    docsPath,
    labelRoute(docsPath),
    swaggerUi.serveFiles(undefined, swaggerOptions),
    swaggerUi.setup(undefined, swaggerOptions),
  );
  return router;
}
