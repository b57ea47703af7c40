// The route table's promises that the HTTP tests cannot show: what the document gets by itself, and
// that a handler cannot answer with a status or a problem its route does not declare (compile time).
import { Router } from "express";
import { describe, expect, it } from "vitest";
import { createApiRegistry, generateOpenApiDocument } from "../openapi/document.js";
import { z } from "../openapi/zod.js";
import { createApiRoutes, failed, noContent, ok, problemReply } from "./route.js";

function table() {
  const registry = createApiRegistry();
  const routes = createApiRoutes({
    router: Router(),
    registry,
    basePath: "/api/v1",
    proveIdentity: async () => undefined,
    authenticate: async () => ({
      userId: "u",
      sessionId: "s",
      via: "bearer",
      credential: { kind: "session", login: null },
    }),
  });
  const responsesOf = (path: string, method: string) => {
    const item = generateOpenApiDocument(registry).paths?.[path] as Record<string, { responses: object }> | undefined;
    return Object.keys(item?.[method]?.responses ?? {});
  };
  return { routes, responsesOf };
}

const thing = z.strictObject({ name: z.string() });

describe("the document a route gets by itself", () => {
  it("a public GET without input: its answers, a 500 and the database's 503", () => {
    const { routes, responsesOf } = table();
    routes.add({
      operationId: "getThing",
      method: "get",
      path: "/thing",
      tags: ["Test"],
      summary: "A thing",
      auth: false,
      responses: { 200: { description: "The thing", body: thing } },
      handler: async () => ok({ name: "x" }),
    });
    expect(responsesOf("/api/v1/thing", "get")).toEqual(["200", "500", "503"]);
  });

  it("an authenticated POST with a body: 400, 401, 403 (scope), 413, 415, its own codes, a 500 and the database's 503", () => {
    const { routes, responsesOf } = table();
    routes.add({
      operationId: "makeThing",
      method: "post",
      path: "/things/{id}",
      tags: ["Test"],
      summary: "Make a thing",
      auth: true,
      access: "write",
      request: { body: thing, params: z.strictObject({ id: z.string() }) },
      responses: { 204: { description: "Made" } },
      errors: ["name_taken", "not_found"],
      handler: async ({ body }) => (body.name ? noContent() : failed({ reason: "name_taken" })),
    });
    expect(responsesOf("/api/v1/things/{id}", "post")).toEqual([
      "204",
      "400",
      "401",
      "403",
      "404",
      "409",
      "413",
      "415",
      "500",
      "503",
    ]);
  });

  it("refuses an operationId used twice", () => {
    const { routes } = table();
    const spec = {
      operationId: "same",
      method: "get",
      path: "/a",
      tags: ["Test"],
      summary: "A",
      auth: false,
      responses: { 204: { description: "None" } },
      handler: async () => noContent(),
    } as const;
    routes.add(spec);
    expect(() => routes.add({ ...spec, path: "/b" })).toThrow(/used twice/);
  });
});

// Compiled, never run: each @ts-expect-error fails the typecheck if the line it guards compiles.
function undeclaredAnswersDoNotCompile() {
  const { routes } = table();
  const base = { method: "get", path: "/x", tags: ["Test"], summary: "X", auth: false } as const;
  routes.add({
    ...base,
    operationId: "undeclaredStatus",
    responses: { 204: { description: "None" } },
    // @ts-expect-error 200 is not among the declared responses
    handler: async () => ok({ name: "x" }),
  });
  routes.add({
    ...base,
    operationId: "undeclaredProblem",
    responses: { 204: { description: "None" } },
    errors: ["not_found"],
    // @ts-expect-error name_taken is not among the declared errors
    handler: async () => failed({ reason: "name_taken" }),
  });
  routes.add({
    ...base,
    operationId: "wrongBody",
    responses: { 200: { description: "A thing", body: thing } },
    // @ts-expect-error the body does not match the declared schema
    handler: async () => ok({ title: "x" }),
  });
  routes.add({
    ...base,
    operationId: "authCodeWithoutAuth",
    responses: { 204: { description: "None" } },
    // @ts-expect-error a public route does not answer with authentication problems
    handler: async () => problemReply("token_expired", "expired"),
  });
  // @ts-expect-error a route with auth must declare the access it needs (docs/api.md, Credentials)
  routes.add({
    ...base,
    auth: true,
    operationId: "authWithoutAccess",
    responses: { 204: { description: "None" } },
    handler: async () => noContent(),
  });
  routes.add({
    ...base,
    operationId: "accessWithoutAuth",
    // @ts-expect-error a public route has no access to declare
    access: "read",
    responses: { 204: { description: "None" } },
    handler: async () => noContent(),
  });
}

it("the compile-time checks above exist", () => {
  expect(undeclaredAnswersDoNotCompile).toBeTypeOf("function");
});
