// Progress per habit and day, and streaks, through HTTP.
import type { HabitInput } from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, ApiClient } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

let running: RunningApi;
let api: ApiClient;
beforeAll(async () => {
  running = await startApi({ now: "2026-03-10T12:00:00Z" });
  api = running.api;
});
afterAll(async () => running.close());

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body).toMatchObject({ status, code });
}

async function account() {
  const { accessToken, user } = await registerAccount(api);
  return { token: accessToken as string, userId: user.id as string };
}

async function habit(userId: string, input: HabitInput = {}) {
  const made = await running.core.habits.create(userId, { name: `Habit ${Math.random()}`, ...input });
  if (!made.ok) throw new Error(made.reason);
  return made.value;
}

async function complete(token: string, habitId: string, body: Record<string, unknown>) {
  const answer = await api.post(`/api/v1/habits/${habitId}/completions`, body, { token });
  if (answer.status !== 201) throw new Error(answer.text);
}

describe("GET /progress", () => {
  it("each active habit and each day of the range: logged, done, value", async () => {
    const { token, userId } = await account();
    const reading = await habit(userId, { name: "Read", type: "measurable", target: { value: 10, unit: "pages" } });
    const walk = await habit(userId, { name: "Walk" });
    const archived = await habit(userId, { name: "Old" });
    await running.core.habits.archive(userId, archived.id);
    await complete(token, reading.id, { date: "2026-03-08", value: 4 });
    await complete(token, reading.id, { date: "2026-03-09", value: 12 });
    await complete(token, walk.id, { date: "2026-03-10" });

    const answer = await api.get("/api/v1/progress?from=2026-03-08&to=2026-03-10", { token });
    expect(answer.status).toBe(200);
    expect(answer.body.from).toBe("2026-03-08");
    expect(answer.body.to).toBe("2026-03-10");
    const byName = Object.fromEntries(
      answer.body.habits.map((item: { name: string; habitId: string }) => [item.name, item]),
    );
    expect(Object.keys(byName).sort()).toEqual(["Read", "Walk"]);
    expect(byName.Read).toEqual({
      habitId: reading.id,
      name: "Read",
      completedDays: 1,
      days: [
        { date: "2026-03-08", logged: true, done: false, value: 4 },
        { date: "2026-03-09", logged: true, done: true, value: 12 },
        { date: "2026-03-10", logged: false, done: false, value: null },
      ],
    });
    expect(byName.Walk.completedDays).toBe(1);
  });

  it("defaults to the 30 days up to today; habit=<name> picks one (archived too), case aside", async () => {
    const { token, userId } = await account();
    const old = await habit(userId, { name: "Stretch" });
    await complete(token, old.id, { date: "2026-03-09" });
    await running.core.habits.archive(userId, old.id);
    await habit(userId, { name: "Other" });
    const all = await api.get("/api/v1/progress", { token });
    expect(all.body).toMatchObject({ from: "2026-02-09", to: "2026-03-10" });
    expect(all.body.habits[0].days).toHaveLength(30);
    const one = await api.get("/api/v1/progress?habit=stretch", { token });
    expect(one.status).toBe(200);
    expect(one.body.habits.map((item: { habitId: string }) => item.habitId)).toEqual([old.id]);
    expect(one.body.habits[0].completedDays).toBe(1);
  });

  it("an unknown habit name is 404; a bad or too long range 400; another user's habit is not shown", async () => {
    const { token, userId } = await account();
    await habit(userId, { name: "Mine" });
    expectProblem(await api.get("/api/v1/progress?habit=nobody", { token }), 404, "not_found");
    expectProblem(await api.get("/api/v1/progress?from=2026-03-10&to=2026-03-01", { token }), 400, "validation_failed");
    expectProblem(await api.get("/api/v1/progress?from=2024-01-01&to=2026-03-01", { token }), 400, "validation_failed");
    expectProblem(await api.get("/api/v1/progress?from=soon", { token }), 400, "validation_failed");
    const other = await account();
    expectProblem(await api.get("/api/v1/progress?habit=Mine", { token: other.token }), 404, "not_found");
  });
});

describe("GET /progress is bounded by its page", () => {
  it("pages the habits (20 by default, oldest first) with the page envelope", async () => {
    const { token, userId } = await account();
    const made = [];
    for (let index = 0; index < 25; index++) made.push(await habit(userId, { name: `H${index}` }));
    await complete(token, made[22]?.id ?? "", { date: "2026-03-09" });
    const first = await api.get("/api/v1/progress", { token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 20, totalCount: 25, totalPages: 2, hasNextPage: true });
    expect(first.body.habits.map((row: { name: string }) => row.name)).toEqual(made.slice(0, 20).map((h) => h.name));
    const second = await api.get("/api/v1/progress?page=2", { token });
    expect(second.body).toMatchObject({ page: 2, hasNextPage: false, hasPreviousPage: true });
    expect(second.body.habits.map((row: { habitId: string }) => row.habitId)).toEqual(made.slice(20).map((h) => h.id));
    expect(second.body.habits[2].completedDays).toBe(1);
    const small = await api.get("/api/v1/progress?pageSize=5&page=5", { token });
    expect(small.body.habits).toHaveLength(5);
  });

  it("a page holds at most 10,000 habit-days: pageSize × days beyond is 400", async () => {
    const { token, userId } = await account();
    for (let index = 0; index < 30; index++) await habit(userId, { name: `Y${index}` });
    const year = "from=2025-03-11&to=2026-03-10";
    const fits = await api.get(`/api/v1/progress?${year}&pageSize=27`, { token });
    expect(fits.status).toBe(200);
    const cells = fits.body.habits.reduce((sum: number, row: { days: unknown[] }) => sum + row.days.length, 0);
    expect(cells).toBe(27 * 365);
    expect(cells).toBeLessThanOrEqual(10_000);
    const tooMany = await api.get(`/api/v1/progress?${year}&pageSize=28`, { token });
    expectProblem(tooMany, 400, "validation_failed");
    expect(tooMany.body.errors).toEqual({ pageSize: "must be at most 27" });
    expectProblem(await api.get("/api/v1/progress?pageSize=101", { token }), 400, "validation_failed");
  });
});

describe("GET /streaks and /streaks/{habitId}", () => {
  it("current, longest and the last completed date of each active habit", async () => {
    const { token, userId } = await account();
    const daily = await habit(userId, { name: "Daily" });
    const fresh = await habit(userId, { name: "Fresh" });
    for (const date of ["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-09", "2026-03-10"]) {
      await complete(token, daily.id, { date });
    }
    const one = await api.get(`/api/v1/streaks/${daily.id}`, { token });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ habitId: daily.id, current: 2, longest: 3, lastCompletedDate: "2026-03-10" });
    const none = await api.get(`/api/v1/streaks/${fresh.id}`, { token });
    expect(none.body).toEqual({ habitId: fresh.id, current: 0, longest: 0, lastCompletedDate: null });

    const list = await api.get("/api/v1/streaks", { token });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ totalCount: 2, page: 1 });
    expect(list.body.items).toEqual(expect.arrayContaining([one.body, none.body]));
    const paged = await api.get("/api/v1/streaks?pageSize=1&page=2", { token });
    expect(paged.body.items).toHaveLength(1);
    expectProblem(await api.get("/api/v1/streaks?pageSize=0", { token }), 400, "validation_failed");
  });

  it("another user's habit or an unknown one is 404", async () => {
    const { userId } = await account();
    const mine = await habit(userId);
    const other = await account();
    expectProblem(await api.get(`/api/v1/streaks/${mine.id}`, { token: other.token }), 404, "not_found");
    expectProblem(await api.get("/api/v1/streaks/unknown", { token: other.token }), 404, "not_found");
    expectProblem(await api.get("/api/v1/streaks"), 401, "credentials_required");
  });
});
