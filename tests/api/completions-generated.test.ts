// Generated input at the completion, log, progress and streak routes, aimed past validation: real
// habit ids, the fields and query parameters these routes read, dates near today. Never a 5xx, and
// every answer is one the document describes (the client checks it).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

let running: RunningApi;
let token: string;
let habitIds: string[];
beforeAll(async () => {
  running = await startApi({ now: "2026-03-10T12:00:00Z" });
  const { accessToken, user } = await registerAccount(running.api);
  token = accessToken;
  const binary = await running.core.habits.create(user.id, { name: "Walk" });
  const measurable = await running.core.habits.create(user.id, {
    name: "Read",
    type: "measurable",
    target: { value: 10, unit: "pages" },
  });
  if (!binary.ok || !measurable.ok) throw new Error("habits");
  habitIds = [binary.value.id, measurable.value.id];
});
afterAll(async () => running.close());

const date = fc.oneof(
  fc.integer({ min: 1, max: 28 }).map((day) => `2026-03-${String(day).padStart(2, "0")}`),
  fc.constantFrom("2026-02-29", "0000-01-01", "9999-12-31", "2026-3-1", ""),
  fc.string({ maxLength: 12 }),
);
const scalar = fc.oneof(fc.string({ maxLength: 600 }), fc.double(), fc.integer(), fc.constant(null), fc.boolean());
// "." and ".." are path segments a URL resolves away, not ids.
const habitId = () =>
  fc.oneof(
    fc.constantFrom(...habitIds),
    fc.string({ minLength: 1, maxLength: 70 }).filter((id) => id !== "." && id !== ".."),
  );
const item = () =>
  fc.record({ habitId: habitId(), date, value: scalar, note: scalar, extra: scalar }, { requiredKeys: [] });
const body = () =>
  fc.oneof(
    fc.jsonValue(),
    item(),
    fc.record({ items: fc.oneof(fc.array(item(), { maxLength: 5 }), fc.jsonValue()) }, { requiredKeys: [] }),
  );
const query = () =>
  fc.dictionary(
    fc.constantFrom("from", "to", "habitId", "habit", "page", "pageSize", "cursor", "atomic", "other"),
    fc.oneof(
      date,
      fc.string({ maxLength: 20 }),
      fc.constantFrom("true", "false", "0", "101", "WyIyMDI2LTAzLTEwIiwieCJd"),
    ),
    { maxKeys: 4 },
  );

const operations = [
  ["POST", "/api/v1/habits/{id}/completions"],
  ["GET", "/api/v1/habits/{id}/completions"],
  ["DELETE", "/api/v1/habits/{id}/completions/{date}"],
  ["POST", "/api/v1/completions/batch"],
  ["GET", "/api/v1/habit-logs"],
  ["GET", "/api/v1/habit-logs/{id}"],
  ["GET", "/api/v1/progress"],
  ["GET", "/api/v1/streaks"],
  ["GET", "/api/v1/streaks/{habitId}"],
] as const;

describe("generated input at the completion routes", () => {
  it("never gets a 5xx", async () => {
    for (const [method, template] of operations) {
      await fc.assert(
        fc.asyncProperty(
          habitId(),
          date,
          body(),
          query(),
          fc.option(fc.string({ maxLength: 300 })),
          async (id, day, json, search, key) => {
            const path = template
              .replace(/\{(id|habitId)\}/, encodeURIComponent(id))
              .replace("{date}", encodeURIComponent(day || "x"));
            const url = `${path}?${new URLSearchParams(search)}`;
            let headers: Record<string, string> = {};
            if (key !== null && method === "POST") {
              // Only what fetch can send as a header value.
              const printable = key.replaceAll(/[^\x20-\x7E]/g, "").trim();
              headers = { "Idempotency-Key": printable };
            }
            const answer = await running.api.request(method, url, {
              token,
              headers,
              ...(method === "POST" && { json }),
            });
            expect(answer.status, `${method} ${url} ${JSON.stringify(json)}`).toBeLessThan(500);
          },
        ),
        { numRuns: 40, seed: 20261201 },
      );
    }
  });
});
