// The OpenAPI 3.1 document the app serves, generated from the routes' zod schemas; the interactive
// reference served from node_modules; and the contract check every other API test relies on.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "./support/api-client.js";
import { type RunningApi, startApi } from "./support/api-harness.js";
import { createContract } from "./support/openapi-contract.js";

let running: RunningApi;
beforeAll(async () => {
  running = await startApi();
});
afterAll(async () => running.close());

const methods = ["get", "post", "put", "patch", "delete"] as const;
const operations = () =>
  Object.entries(running.contract.document.paths).flatMap(([path, item]) =>
    methods.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] as Json })),
  );

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const answer = await running.api.get("/api/v1/openapi.json");
    expect(answer.status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(answer.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("covers the operations endpoints, auth and users under /api/v1", () => {
    const paths = Object.keys(running.contract.document.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/health",
        "/ready",
        "/metrics",
        "/api/v1/openapi.json",
        "/api/v1/auth/register",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        "/api/v1/auth/logout-all",
        "/api/v1/users/me",
        "/api/v1/users/me/password",
        "/api/v1/users/me/api-keys",
        "/api/v1/users/me/api-keys/{id}",
      ]),
    );
  });

  it("gives every operation a unique id, a summary and a 500 problem", () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations()) {
      expect(operation.operationId, `${method} ${path}`).toEqual(expect.any(String));
      expect(operation.summary, `${method} ${path}`).toEqual(expect.any(String));
      if (path.startsWith("/api/v1/") && path !== "/api/v1/openapi.json") {
        expect(Object.keys(operation.responses), `${method} ${path}`).toContain("500");
      }
    }
  });

  it("documents the 401 answers and the security of every authenticated route", () => {
    const authenticated = operations().filter(({ operation }) => operation.security);
    expect(authenticated.map(({ method, path }) => `${method} ${path}`)).toContain("get /api/v1/users/me");
    for (const { operation } of authenticated) {
      expect(operation.security).toEqual([{ bearerAuth: [] }, { apiKeyAuth: [] }]);
      const unauthorized = operation.responses["401"];
      expect(unauthorized.headers).toHaveProperty("WWW-Authenticate");
      expect(JSON.stringify(unauthorized.content)).toMatch(/token_expired/);
    }
  });

  it("lists, per status, the problem codes a route can answer with", () => {
    const register = running.contract.document.paths["/api/v1/auth/register"]?.post as Json;
    expect(register.responses["409"].content["application/problem+json"].schema).toMatchObject({
      allOf: [
        { $ref: "#/components/schemas/Problem" },
        { type: "object", properties: { code: { type: "string", enum: ["username_taken", "email_taken"] } } },
      ],
    });
    expect(Object.keys(register.responses)).toEqual(["201", "400", "409", "413", "415", "429", "500", "503"]);
    expect(register.responses["503"].content["application/problem+json"].schema.allOf[1].properties.code.enum).toEqual([
      "database_unavailable",
      "database_timeout",
      "storage_full",
    ]);
    expect(register.responses["503"].headers).toHaveProperty("Retry-After");
    expect(register.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Registration",
    });
  });

  it("describes request bodies as strict: unknown fields are not allowed", () => {
    const registration = running.contract.document.components?.schemas?.Registration as Json;
    expect(registration.additionalProperties).toBe(false);
    expect(registration.required).toEqual(["username", "email", "password", "confirmPassword"]);
  });
});

describe("the interactive reference", () => {
  it("/api/docs leads to a page whose scripts and styles are served here, not by a CDN", async () => {
    const redirect = await fetch(`${running.baseUrl}/api/docs`, { redirect: "manual" });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/api/docs/");

    const page = await fetch(`${running.baseUrl}/api/docs/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<div id="swagger-ui">/);
    const assets = [...html.matchAll(/(?:src|href)=["']([^"']+)["']/g)].map((match) => match[1] ?? "");
    expect(assets).toEqual(expect.arrayContaining(["./swagger-ui-bundle.js", "./swagger-ui.css"]));
    for (const asset of assets) expect(asset, asset).not.toMatch(/^(https?:)?\/\//);

    for (const asset of ["swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"]) {
      const file = await fetch(`${running.baseUrl}/api/docs/${asset}`);
      expect(file.status, asset).toBe(200);
      expect((await file.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
    const init = await (await fetch(`${running.baseUrl}/api/docs/swagger-ui-init.js`)).text();
    expect(init).toMatch(/"swaggerUrl": "\/api\/v1\/openapi.json"/);
    expect(init).toMatch(/"validatorUrl": null/);
  });
});

describe("the contract check", () => {
  const document = () => running.contract.document;
  const json = (status: number, body: unknown, type = "application/json") => ({
    status,
    headers: new Headers({ "content-type": type }),
    text: JSON.stringify(body),
  });
  const user = {
    id: "u1",
    username: "alice",
    email: "alice@example.com",
    name: null,
    telegram: null,
    language: "en",
    timezone: "UTC",
    rewardOdds: { noRewardWeight: 10, minNoRewardChance: 0.1, guaranteeLastHabit: true },
    reminders: { enabled: true, quietHours: null, summary: { mode: "off", time: "21:00" } },
    hasPassword: true,
    createdAt: "2026-03-10T12:00:00.000Z",
    updatedAt: "2026-03-10T12:00:00.000Z",
  };

  it("accepts an answer the document describes", () => {
    expect(() => createContract(document()).check("GET", "/api/v1/users/me", json(200, user))).not.toThrow();
  });

  it("refuses a status the operation does not declare", () => {
    expect(() => createContract(document()).check("GET", "/api/v1/users/me", json(409, {}))).toThrow(
      /declares .* not 409/,
    );
  });

  it("refuses a body with a field the schema does not have, or missing one", () => {
    const contract = createContract(document());
    expect(() => contract.check("GET", "/api/v1/users/me", json(200, { ...user, passwordHash: "x" }))).toThrow(
      /additional properties/,
    );
    const { email: _email, ...withoutEmail } = user;
    expect(() => contract.check("GET", "/api/v1/users/me", json(200, withoutEmail))).toThrow(/email/);
    expect(() => contract.check("GET", "/api/v1/users/me", json(200, { ...user, createdAt: "yesterday" }))).toThrow(
      /date-time/,
    );
  });

  it("refuses a content type the operation does not declare, and a problem code it does not list", () => {
    const contract = createContract(document());
    expect(() => contract.check("GET", "/api/v1/users/me", json(200, user, "text/html"))).toThrow(/content type/);
    const problem = { type: "t", title: "t", status: 401, detail: "d", code: "wrong_password" };
    expect(() =>
      contract.check("GET", "/api/v1/users/me", {
        ...json(401, problem, "application/problem+json"),
        headers: new Headers({ "content-type": "application/problem+json", "www-authenticate": "Bearer" }),
      }),
    ).toThrow(/allowed values/);
  });

  it("refuses an answer to a request the document has no operation for, unless it is a 404 problem", () => {
    const contract = createContract(document());
    expect(() => contract.check("GET", "/api/v1/elsewhere", json(200, {}))).toThrow(/no operation/);
    const notFound = {
      type: "https://habits.dev/problems/not-found",
      title: "Not found",
      status: 404,
      detail: "d",
      code: "not_found",
    };
    expect(() =>
      contract.check("GET", "/api/v1/elsewhere", json(404, notFound, "application/problem+json")),
    ).not.toThrow();
  });

  it("refuses a body on a 204 and a missing Location on a 201", () => {
    const contract = createContract(document());
    expect(() => contract.check("POST", "/api/v1/auth/logout", json(204, {}))).toThrow(/no body/);
    expect(() => contract.check("POST", "/api/v1/auth/register", json(201, {}))).toThrow(/Location/);
  });
});
