// Account limits through HTTP, on SQLite or PostgreSQL (DATABASE_URL): the one-too-many create is
// 409 limit_reached naming the limit and stores nothing; a list longer than allowed is 422
// too_many_items. The app runs with low limits so a test reaches them in a few requests.
import { accountLimits, itemLimits } from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, ApiClient } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

const limits = { ...accountLimits, habits: 3, tags: 3, rewards: 2, apiKeys: 2 };

let running: RunningApi;
let api: ApiClient;
beforeAll(async () => {
  running = await startApi({ coreSettings: { limits } });
  api = running.api;
});
afterAll(async () => running.close());

function expectLimit(answer: Answer, status: number, code: string, limit: { name: string; max: number }) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body).toMatchObject({ status, code, limit });
  expect(answer.body.detail).toContain(String(limit.max));
}

const token = async () => (await registerAccount(api)).accessToken;
const count = async (path: string, me: string) => (await api.get(path, { token: me })).body.totalCount;

describe("409 limit_reached", () => {
  it("habits: the one past the limit (archived ones count) is refused, nothing is stored", async () => {
    const me = await token();
    const first = await api.post("/api/v1/habits", { name: "First" }, { token: me });
    expect((await api.post(`/api/v1/habits/${first.body.id}/archive`, undefined, { token: me })).status).toBe(200);
    for (const name of ["Second", "Third"]) {
      expect((await api.post("/api/v1/habits", { name }, { token: me })).status).toBe(201);
    }
    const refused = await api.post("/api/v1/habits", { name: "Fourth", tags: ["fresh"] }, { token: me });
    expectLimit(refused, 409, "limit_reached", { name: "habits", max: limits.habits });
    expect(await count("/api/v1/habits?status=all", me)).toBe(limits.habits);
    expect(await count("/api/v1/tags", me)).toBe(0);
    expect((await api.delete(`/api/v1/habits/${first.body.id}`, { token: me })).status).toBe(204);
    expect((await api.post("/api/v1/habits", { name: "Fourth" }, { token: me })).status).toBe(201);
  });

  it("habits made at once never pass the limit", async () => {
    const me = await token();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) => api.post("/api/v1/habits", { name: `Habit ${index}` }, { token: me })),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(limits.habits);
    expect(answers.filter((answer) => answer.status === 409 && answer.body.code === "limit_reached")).toHaveLength(
      8 - limits.habits,
    );
    expect(await count("/api/v1/habits?status=all", me)).toBe(limits.habits);
  });

  it("tags: made directly or by a habit's names; the one past the limit is refused", async () => {
    const me = await token();
    expect((await api.post("/api/v1/tags", { name: "Health" }, { token: me })).status).toBe(201);
    const habit = await api.post("/api/v1/habits", { name: "Run", tags: ["health", "Morning"] }, { token: me });
    expect(habit.status).toBe(201);
    expect((await api.post("/api/v1/tags", { name: "Evening" }, { token: me })).status).toBe(201);
    expectLimit(await api.post("/api/v1/tags", { name: "Night" }, { token: me }), 409, "limit_reached", {
      name: "tags",
      max: limits.tags,
    });
    const renamed = await api.patch(`/api/v1/habits/${habit.body.id}`, { tags: ["Health", "Outdoors"] }, { token: me });
    expectLimit(renamed, 409, "limit_reached", { name: "tags", max: limits.tags });
    expect(await count("/api/v1/tags", me)).toBe(limits.tags);
    expect((await api.get(`/api/v1/habits/${habit.body.id}`, { token: me })).body.tags).toEqual(["Health", "Morning"]);
  });

  it("rewards: inactive ones count; the one past the limit is refused", async () => {
    const me = await token();
    const first = await api.post("/api/v1/rewards", { name: "Coffee", active: false }, { token: me });
    expect(first.status).toBe(201);
    expect((await api.post("/api/v1/rewards", { name: "Book" }, { token: me })).status).toBe(201);
    expectLimit(await api.post("/api/v1/rewards", { name: "Cinema" }, { token: me }), 409, "limit_reached", {
      name: "rewards",
      max: limits.rewards,
    });
    expect(await count("/api/v1/rewards", me)).toBe(limits.rewards);
  });

  it("API keys: the one past the limit is refused", async () => {
    // Making a key is an account change: a password account proves itself with its password.
    const { accessToken: me, password: currentPassword } = await registerAccount(api);
    for (const name of ["one", "two"]) {
      expect((await api.post("/api/v1/users/me/api-keys", { currentPassword, name }, { token: me })).status).toBe(201);
    }
    const refused = await api.post("/api/v1/users/me/api-keys", { currentPassword, name: "three" }, { token: me });
    expectLimit(refused, 409, "limit_reached", { name: "apiKeys", max: limits.apiKeys });
    expect(await count("/api/v1/users/me/api-keys", me)).toBe(limits.apiKeys);
  });
});

describe("422 too_many_items", () => {
  const times = (n: number) =>
    Array.from({ length: n }, (_, index) => ({ time: `${String(index).padStart(2, "0")}:30` }));

  it("reminder times on a habit: one past the limit refuses the create and the update", async () => {
    const me = await token();
    const max = itemLimits.remindersPerHabit;
    const refused = await api.post("/api/v1/habits", { name: "Read", reminders: times(max + 1) }, { token: me });
    expectLimit(refused, 422, "too_many_items", { name: "remindersPerHabit", max });
    expect(await count("/api/v1/habits?status=all", me)).toBe(0);
    const made = await api.post("/api/v1/habits", { name: "Read", reminders: times(max) }, { token: me });
    expect(made.status).toBe(201);
    const put = await api.put(
      `/api/v1/habits/${made.body.id}`,
      { name: "Read", reminders: times(max + 1) },
      { token: me },
    );
    expectLimit(put, 422, "too_many_items", { name: "remindersPerHabit", max });
    expect((await api.get(`/api/v1/habits/${made.body.id}`, { token: me })).body.reminders).toHaveLength(max);
  });

  it("tag names on a habit and tag ids in PUT /habits/{id}/tags: one past the limit is refused", async () => {
    const me = await token();
    const max = itemLimits.tagsPerHabit;
    const names = Array.from({ length: max + 1 }, (_, index) => `Tag ${index}`);
    const byName = await api.post("/api/v1/habits", { name: "Read", tags: names }, { token: me });
    expectLimit(byName, 422, "too_many_items", { name: "tagsPerHabit", max });
    const habit = await api.post("/api/v1/habits", { name: "Read" }, { token: me });
    const ids = Array.from({ length: max + 1 }, (_, index) => `tag-${index}`);
    const byId = await api.put(`/api/v1/habits/${habit.body.id}/tags`, { tagIds: ids }, { token: me });
    expectLimit(byId, 422, "too_many_items", { name: "tagsPerHabit", max });
    expect((await api.get(`/api/v1/habits/${habit.body.id}`, { token: me })).body.tags).toEqual([]);
  });

  it("a completion batch past its limit records nothing", async () => {
    const me = await token();
    const habit = await api.post("/api/v1/habits", { name: "Read" }, { token: me });
    const max = itemLimits.completionsPerBatch;
    const items = Array.from({ length: max + 1 }, () => ({ habitId: habit.body.id }));
    const refused = await api.post("/api/v1/completions/batch", { items }, { token: me });
    expectLimit(refused, 422, "too_many_items", { name: "completionsPerBatch", max });
    expect(await count("/api/v1/habit-logs", me)).toBe(0);
  });
});
