// The OpenAPI 3.1 document, generated from the zod schemas the routes declare (routes register
// themselves in a registry made per app, so two apps never share entries).
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

export function createApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "An access token from `POST /api/v1/auth/login`, `register` or `refresh`; it lives 15 minutes.",
  });
  registry.registerComponent("securitySchemes", "apiKeyAuth", {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: "A key made with `POST /api/v1/users/me/api-keys` (or in the bot's settings).",
  });
  return registry;
}

export function generateOpenApiDocument(registry: OpenAPIRegistry): OpenApiDocument {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Habits API",
      version: "1.0.0",
      description:
        "Habits, streaks and rewards: everything the Telegram bot does, over HTTP. JSON in and out; every " +
        "error is an RFC 9457 problem (`application/problem+json`) with a stable `code`.",
    },
    tags: [
      { name: "Auth", description: "Accounts, tokens and sessions" },
      { name: "Users", description: "The signed-in user, their password and API keys" },
      { name: "Operations", description: "Health, readiness, metrics and this document" },
    ],
  });
}
