// The authorization matrix, walked from the served document so a new route is in it by itself:
// every protected operation refuses a missing, tampered, expired, `alg: none` or refresh token;
// every operation that takes an id answers another user's id with 404 and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "./support/api-client.js";
import { jwtSecret, type RunningApi, registerAccount, startApi } from "./support/api-harness.js";
import { decodeJwt, forgeJwt, withPayload } from "./support/forged-tokens.js";

const methods = ["get", "post", "put", "patch", "delete"] as const;

let running: RunningApi;
beforeAll(async () => {
  running = await startApi({ now: "2026-03-10T12:00:00Z" });
});
afterAll(async () => running.close());

interface Operation {
  method: (typeof methods)[number];
  path: string;
  secured: boolean;
}

function operations(): Operation[] {
  return Object.entries(running.contract.document.paths)
    .filter(([path]) => path.startsWith("/api/v1/"))
    .flatMap(([path, item]) =>
      methods
        .filter((method) => item[method])
        .map((method) => {
          const operation = item[method] as { security?: unknown[] };
          return { method, path, secured: (operation.security?.length ?? 0) > 0 };
        }),
    );
}

/** A body each operation accepts, so that only the id can make it fail. */
const validBodies: Record<string, unknown> = {
  "put /api/v1/habits/{id}": { name: "Taken over" },
  "patch /api/v1/habits/{id}": { name: "Taken over" },
  "put /api/v1/habits/{id}/tags": { tagIds: [] },
  "post /api/v1/habits/{id}/completions": {},
  "put /api/v1/rewards/{id}": { name: "Taken over" },
  "patch /api/v1/rewards/{id}": { name: "Taken over" },
  "put /api/v1/tags/{id}": { name: "Taken over" },
};

describe("every protected operation", () => {
  it("refuses no token, a tampered one, an expired one, alg none and a refresh token", async () => {
    const { accessToken, refreshToken } = await registerAccount(running.api);
    const claims = decodeJwt(accessToken).payload;
    const credentials: Array<[string, string | undefined]> = [
      ["none", undefined],
      ["tampered", withPayload(accessToken, { ...claims, sub: "someone-else" })],
      ["expired", forgeJwt({ ...claims, exp: Number(claims.iat) - 1 }, { alg: "HS256", secret: jwtSecret })],
      ["alg none", forgeJwt(claims, { alg: "none" })],
      ["refresh token", refreshToken],
    ];
    const secured = operations().filter((operation) => operation.secured);
    expect(secured.length).toBeGreaterThan(40);
    for (const { method, path } of secured) {
      const url = path.replaceAll(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
      for (const [kind, token] of credentials) {
        const answer = await running.api.request(method.toUpperCase(), url, {
          ...(token ? { token } : {}),
          ...(method === "get" || method === "delete" ? {} : { json: {} }),
        });
        expect(answer.status, `${method} ${path} with ${kind}`).toBe(401);
      }
    }
  });
});

describe("another user's ids", () => {
  it("are not found on every operation that takes one, and change nothing", async () => {
    const owner = await registerAccount(running.api);
    const stranger = await registerAccount(running.api);
    const { api } = running;
    const as = (token: string) => ({ token });
    const habit = (await api.post("/api/v1/habits", { name: "Mine" }, as(owner.accessToken))).body;
    const reward = (await api.post("/api/v1/rewards", { name: "Mine" }, as(owner.accessToken))).body;
    const tag = (await api.post("/api/v1/tags", { name: "mine" }, as(owner.accessToken))).body;
    const key = (await api.post("/api/v1/users/me/api-keys", { name: "mine" }, as(owner.accessToken))).body;
    const logged = (await api.post(`/api/v1/habits/${habit.id}/completions`, {}, as(owner.accessToken))).body;
    await api.put(`/api/v1/habits/${habit.id}/tags`, { tagIds: [tag.id] }, as(owner.accessToken));

    // The owner's data as the core has it, to compare after every try.
    const ownerId: string = owner.user.id;
    const snapshot = async (): Promise<Json> => ({
      habits: await running.core.habits.list(ownerId, "all"),
      completions: await running.core.completions.list(ownerId, habit.id),
      rewards: await running.core.rewards.list(ownerId),
      tags: await running.core.tags.list(ownerId),
      keys: await running.core.access.listApiKeys(ownerId),
    });
    const before = await snapshot();

    const idFor = (path: string, parameter: string): string => {
      if (parameter === "date") return logged.completion.date;
      if (parameter === "tagId") return tag.id;
      if (parameter === "habitId" || path.startsWith("/api/v1/habits/") || path.startsWith("/api/v1/analytics/"))
        return habit.id;
      if (path.startsWith("/api/v1/rewards/")) return reward.id;
      if (path.startsWith("/api/v1/tags/")) return tag.id;
      if (path.startsWith("/api/v1/users/me/api-keys/")) return key.apiKey?.id ?? key.id;
      if (path.startsWith("/api/v1/habit-logs/")) return logged.completion.id;
      throw new Error(`no owner's id for {${parameter}} in ${path}`);
    };

    const withIds = operations().filter((operation) => operation.secured && operation.path.includes("{"));
    expect(withIds.length).toBeGreaterThan(15);
    for (const { method, path } of withIds) {
      const url = path.replaceAll(/\{([^}]+)\}/g, (_match, parameter: string) => idFor(path, parameter));
      const body = validBodies[`${method} ${path}`];
      const answer = await api.request(method.toUpperCase(), url, {
        token: stranger.accessToken,
        ...(body !== undefined ? { json: body } : method === "post" ? { json: {} } : {}),
      });
      expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
    // The owner still reaches all of it.
    expect((await api.get(`/api/v1/habits/${habit.id}`, as(owner.accessToken))).status).toBe(200);
  });
});
