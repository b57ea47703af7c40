// The credential matrix (docs/api.md, "Credentials: who may do what"), walked from the served
// document: every operation × {a session whose Telegram login is older than 10 minutes (refreshed
// since), a session from a fresh Telegram login, an API key with `read`, an API key with `write`}
// → allowed or 403 with the code that says why. The expectations come from the table below, written
// by hand from the model, never from the routes' declarations; an operation missing from the table
// fails the test, so a new route must be placed in it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "./support/api-client.js";
import { type RunningApi, startApi } from "./support/api-harness.js";
import {
  apiKeyFor,
  loginWithTelegramCode,
  staleTelegramSession,
  telegramOnlyAccount,
} from "./support/telegram-accounts.js";

/**
 * public: no credential needed · read / write: a session, or an API key with that scope ·
 * account: a session only · proof: a session only, with a recent proof of identity (for a
 * Telegram-only account and no code in the body: a fresh Telegram login).
 */
type Need = "public" | "read" | "write" | "account" | "proof";

const table: Record<string, Need> = {
  "GET /api/v1/openapi.json": "public",
  "POST /api/v1/auth/register": "public",
  "POST /api/v1/auth/login": "public",
  "POST /api/v1/auth/refresh": "public",
  "POST /api/v1/auth/logout": "public",
  "POST /api/v1/auth/telegram/code": "public",
  "POST /api/v1/auth/telegram/verify": "public",
  "POST /api/v1/auth/telegram/widget": "public",
  "POST /api/v1/auth/telegram/webapp": "public",
  "POST /api/v1/auth/logout-all": "account",

  "GET /api/v1/users/me": "read",
  "PATCH /api/v1/users/me": "proof", // with a new username; settings alone are `write` (see below)
  "DELETE /api/v1/users/me": "proof",
  "PUT /api/v1/users/me/password": "proof",
  "GET /api/v1/users/me/api-keys": "account",
  "POST /api/v1/users/me/api-keys": "proof",
  "GET /api/v1/users/me/api-keys/{id}": "account",
  "DELETE /api/v1/users/me/api-keys/{id}": "account",
  "POST /api/v1/users/me/verification-code": "account",

  "GET /api/v1/habits": "read",
  "POST /api/v1/habits": "write",
  "GET /api/v1/habits/calendar": "read",
  "GET /api/v1/habits/{id}": "read",
  "PUT /api/v1/habits/{id}": "write",
  "PATCH /api/v1/habits/{id}": "write",
  "DELETE /api/v1/habits/{id}": "write",
  "POST /api/v1/habits/{id}/archive": "write",
  "POST /api/v1/habits/{id}/unarchive": "write",
  "PUT /api/v1/habits/{id}/tags": "write",
  "DELETE /api/v1/habits/{id}/tags/{tagId}": "write",
  "POST /api/v1/habits/{id}/completions": "write",
  "GET /api/v1/habits/{id}/completions": "read",
  "DELETE /api/v1/habits/{id}/completions/{date}": "write",
  "POST /api/v1/completions/batch": "write",
  "GET /api/v1/habit-logs": "read",
  "GET /api/v1/habit-logs/{id}": "read",
  "GET /api/v1/progress": "read",
  "GET /api/v1/streaks": "read",
  "GET /api/v1/streaks/{habitId}": "read",
  "GET /api/v1/tags": "read",
  "POST /api/v1/tags": "write",
  "GET /api/v1/tags/{id}": "read",
  "PUT /api/v1/tags/{id}": "write",
  "DELETE /api/v1/tags/{id}": "write",
  "GET /api/v1/rewards": "read",
  "POST /api/v1/rewards": "write",
  "GET /api/v1/rewards/progress": "read",
  "GET /api/v1/rewards/{id}": "read",
  "PUT /api/v1/rewards/{id}": "write",
  "PATCH /api/v1/rewards/{id}": "write",
  "DELETE /api/v1/rewards/{id}": "write",
  "POST /api/v1/rewards/{id}/claim": "write",
  "GET /api/v1/analytics/overview": "read",
  "GET /api/v1/analytics/habits/{id}": "read",
  "GET /api/v1/analytics/trends": "read",
};

type CredentialKind = "stale session" | "fresh login" | "API key read" | "API key write";
const credentialKinds: CredentialKind[] = ["stale session", "fresh login", "API key read", "API key write"];

/** What the model says: allowed, or the 403 problem code. */
function expectation(
  need: Need,
  credential: CredentialKind,
): "allowed" | "insufficient_scope" | "reauthentication_required" {
  switch (credential) {
    case "fresh login":
      return "allowed";
    case "stale session":
      return need === "proof" ? "reauthentication_required" : "allowed";
    case "API key read":
      return need === "read" ? "allowed" : "insufficient_scope";
    case "API key write":
      return need === "write" ? "allowed" : "insufficient_scope";
  }
}

/**
 * Bodies the credential checks can be reached with: a proof route must get past validation for its
 * refusal to show (a stale session), and PATCH /users/me is an account change only with a username.
 */
let usernames = 0;
function bodyFor(key: string): unknown {
  usernames += 1;
  const bodies: Record<string, unknown> = {
    "PATCH /api/v1/users/me": { username: `matrix${usernames}` },
    "PUT /api/v1/users/me/password": { newPassword: "a brand new password" },
    "POST /api/v1/users/me/api-keys": { name: "Minted" },
    "POST /api/v1/habits": { name: "Read" },
    "POST /api/v1/tags": { name: "Tag" },
    "POST /api/v1/rewards": { name: "Cake" },
  };
  return bodies[key] ?? (key.startsWith("GET ") || key.startsWith("DELETE ") ? undefined : {});
}

const unknownId = "00000000-0000-4000-8000-000000000000";
const concretePath = (path: string) => path.replace("{date}", "2026-03-10").replaceAll(/\{[^}]+\}/g, unknownId);

let running: RunningApi;
beforeAll(async () => {
  running = await startApi({ now: "2026-03-10T12:00:00Z" });
});
afterAll(async () => running.close());

function operations(): Array<{ key: string; method: string; path: string; secured: boolean }> {
  return Object.entries(running.contract.document.paths)
    .filter(([path]) => path.startsWith("/api/v1/"))
    .flatMap(([path, item]) =>
      (["get", "post", "put", "patch", "delete"] as const)
        .filter((method) => item[method])
        .map((method) => {
          const operation = item[method] as { security?: unknown[] };
          return {
            key: `${method.toUpperCase()} ${path}`,
            method: method.toUpperCase(),
            path,
            secured: (operation.security?.length ?? 0) > 0,
          };
        }),
    );
}

/** One cell: a new Telegram-only account with just this credential, so no cell changes another. */
async function call(method: string, path: string, body: unknown, credential: CredentialKind): Promise<Answer> {
  const { userId, telegramId } = await telegramOnlyAccount(running);
  const auth =
    credential === "stale session"
      ? { token: (await staleTelegramSession(running, telegramId)).accessToken }
      : credential === "fresh login"
        ? { token: (await loginWithTelegramCode(running, telegramId)).accessToken }
        : { apiKey: (await apiKeyFor(running, userId, [credential === "API key read" ? "read" : "write"])).key };
  return running.api.request(method, concretePath(path), { ...auth, ...(body !== undefined && { json: body }) });
}

describe("the credential matrix", () => {
  it("the table places every operation of the document, and only those", () => {
    const served = operations();
    expect(served.map((operation) => operation.key).sort()).toEqual(Object.keys(table).sort());
    for (const operation of served) {
      expect(operation.secured, operation.key).toBe(table[operation.key] !== "public");
    }
  });

  it("the document says it: each secured operation's 403 codes and a Credentials sentence", () => {
    for (const [path, item] of Object.entries(running.contract.document.paths)) {
      for (const method of ["get", "post", "put", "patch", "delete"] as const) {
        const operation = item[method] as
          | { security?: unknown[]; description?: string; responses: Record<string, unknown> }
          | undefined;
        const need = table[`${method.toUpperCase()} ${path}`];
        if (!operation || !path.startsWith("/api/v1/") || need === "public") continue;
        const forbidden = JSON.stringify(operation.responses["403"] ?? null);
        expect(forbidden, `${method} ${path}`).toContain("insufficient_scope");
        expect(forbidden.includes("reauthentication_required"), `${method} ${path}`).toBe(need === "proof");
        expect(operation.description, `${method} ${path}`).toContain("**Credentials:**");
        if (need === "account" || need === "proof") expect(operation.description).toContain("login session only");
      }
    }
  });

  // One test per operation (each walks the four credentials), so a failure names its operation.
  const secured = Object.entries(table).filter(([, need]) => need !== "public");
  it.each(secured)("%s × every credential is allowed or refused as the table says", async (key, need) => {
    const operation = operations().find((candidate) => candidate.key === key);
    if (!operation) throw new Error(`${key} is in the table but not in the document`);
    for (const credential of credentialKinds) {
      const answer = await call(operation.method, operation.path, bodyFor(key), credential);
      const expected = expectation(need, credential);
      const cell = `${key} with ${credential}: ${answer.status} ${answer.text.slice(0, 200)}`;
      if (expected === "allowed") {
        // Past the credential checks: whatever the operation itself answers, never 401, 403 or 5xx.
        expect([401, 403].includes(answer.status) || answer.status >= 500, cell).toBe(false);
      } else {
        expect(answer.status, cell).toBe(403);
        expect(answer.body.code, cell).toBe(expected);
      }
    }
  });

  it("the table is not all one answer: many cells are allowed and many refused", () => {
    const cells = secured.flatMap(([, need]) => credentialKinds.map((credential) => expectation(need, credential)));
    expect(cells.filter((cell) => cell === "allowed").length).toBeGreaterThan(100);
    expect(cells.filter((cell) => cell !== "allowed").length).toBeGreaterThan(50);
  });

  it("a settings-only PATCH /users/me is `write`: an API key with write may, one with read may not", async () => {
    for (const [credential, status] of [
      ["API key write", 200],
      ["API key read", 403],
      ["stale session", 200],
    ] as const) {
      const answer = await call("PATCH", "/api/v1/users/me", { timezone: "Asia/Almaty", name: "Renamed" }, credential);
      expect(answer.status, `${credential}: ${answer.text}`).toBe(status);
    }
  });
});
