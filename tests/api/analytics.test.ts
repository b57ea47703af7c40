// Analytics through HTTP: the overview, one habit's statistics and the trends, over ranges of the
// user's local dates; success rates are fractions 0–1; reversed, malformed and too long ranges are 400.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, ApiClient } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

const analytics = "/api/v1/analytics";

let running: RunningApi;
let api: ApiClient;
let token: string;
let habitId: string;
beforeAll(async () => {
  // Tuesday 2026-03-10, noon UTC: the account's today.
  running = await startApi({ now: "2026-03-10T12:00:00Z" });
  api = running.api;
  const account = await registerAccount(api);
  token = account.accessToken;
  const habit = await running.core.habits.create(account.user.id, { name: "Read", startDate: "2026-03-04" });
  if (!habit.ok) throw new Error(habit.reason);
  habitId = habit.value.id;
  for (const date of ["2026-03-08", "2026-03-09", "2026-03-10"]) {
    const done = await running.core.completions.complete({ userId: account.user.id, habitId, date, source: "api" });
    if (!done.ok) throw new Error(done.reason);
  }
});
afterAll(async () => running.close());

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ status, code });
}

describe("GET /analytics/overview", () => {
  it("covers the last 30 days by default, with the success rate as a fraction", async () => {
    const answer = await api.get(`${analytics}/overview`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      range: { from: "2026-02-09", to: "2026-03-10" },
      habits: 1,
      completions: 3,
      liveStreaks: 1,
      expected: 7,
      achieved: 3,
      rewardsAchieved: 0,
      rewardsClaimed: 0,
      topHabits: [{ habitId, name: "Read", currentStreak: 3 }],
    });
    expect(answer.body.successRate).toBeCloseTo(3 / 7);
    expect(answer.body.habitStats).toHaveLength(1);
    expect(answer.body.habitStats[0]).toMatchObject({ habitId, expected: 7, achieved: 3 });
  });

  it("takes a range", async () => {
    const answer = await api.get(`${analytics}/overview?from=2026-03-09&to=2026-03-10`, { token });
    expect(answer.body).toMatchObject({ range: { from: "2026-03-09", to: "2026-03-10" }, expected: 2, achieved: 2 });
    expect(answer.body.successRate).toBe(1);
    const before = await api.get(`${analytics}/overview?from=2026-01-01&to=2026-01-31`, { token });
    expect(before.body).toMatchObject({ expected: 0, achieved: 0, successRate: 0, completions: 0 });
  });

  it("is empty for a new account", async () => {
    const fresh = await registerAccount(api);
    const answer = await api.get(`${analytics}/overview`, { token: fresh.accessToken });
    expect(answer.body).toMatchObject({ habits: 0, completions: 0, successRate: 0, topHabits: [], habitStats: [] });
  });

  it("needs credentials", async () => {
    expectProblem(await api.get(`${analytics}/overview`), 401, "credentials_required");
  });
});

describe("GET /analytics/habits/{id}", () => {
  it("is one habit's statistics", async () => {
    const answer = await api.get(`${analytics}/habits/${habitId}?from=2026-03-01&to=2026-03-10`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      habitId,
      name: "Read",
      range: { from: "2026-03-01", to: "2026-03-10" },
      expected: 7,
      achieved: 3,
      totalCompletions: 3,
      streak: { current: 3, longest: 3, lastCompletedDate: "2026-03-10" },
      // 8 March is a Sunday, 9 a Monday, 10 a Tuesday.
      byWeekday: [1, 1, 0, 0, 0, 0, 1],
      lastCompletedDate: "2026-03-10",
      milestone: null,
    });
    expect(answer.body.successRate).toBeCloseTo(3 / 7);
    expect(answer.body.strength).toBeGreaterThan(0);
    expect(answer.body.strength).toBeLessThanOrEqual(1);
  });

  it("answers 404 for an unknown habit and another user's", async () => {
    expectProblem(await api.get(`${analytics}/habits/no-such-habit`, { token }), 404, "not_found");
    const other = await registerAccount(api);
    expectProblem(await api.get(`${analytics}/habits/${habitId}`, { token: other.accessToken }), 404, "not_found");
  });
});

describe("GET /analytics/trends", () => {
  it("has a point per ISO week, cut to the range", async () => {
    const answer = await api.get(`${analytics}/trends?granularity=week&from=2026-03-01&to=2026-03-10`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body.granularity).toBe("week");
    expect(answer.body.range).toEqual({ from: "2026-03-01", to: "2026-03-10" });
    expect(answer.body.points).toEqual([
      { start: "2026-03-01", end: "2026-03-01", completions: 0, expected: 0, achieved: 0, successRate: 0 },
      { start: "2026-03-02", end: "2026-03-08", completions: 1, expected: 5, achieved: 1, successRate: 0.2 },
      { start: "2026-03-09", end: "2026-03-10", completions: 2, expected: 2, achieved: 2, successRate: 1 },
    ]);
  });

  it("has a point per month; weeks by default", async () => {
    const months = await api.get(`${analytics}/trends?granularity=month&from=2026-02-01&to=2026-03-10`, { token });
    expect(months.body.points).toEqual([
      { start: "2026-02-01", end: "2026-02-28", completions: 0, expected: 0, achieved: 0, successRate: 0 },
      { start: "2026-03-01", end: "2026-03-10", completions: 3, expected: 7, achieved: 3, successRate: 3 / 7 },
    ]);
    const byDefault = await api.get(`${analytics}/trends`, { token });
    expect(byDefault.body).toMatchObject({ granularity: "week", range: { from: "2026-02-09", to: "2026-03-10" } });
    expect(byDefault.body.points).toHaveLength(5);
  });

  it("allows a span of 366 days, not 367", async () => {
    expect((await api.get(`${analytics}/trends?from=2025-03-10&to=2026-03-10`, { token })).status).toBe(200);
    const tooLong = await api.get(`${analytics}/trends?from=2025-03-09&to=2026-03-10`, { token });
    expectProblem(tooLong, 400, "validation_failed");
    expect(tooLong.body.errors).toEqual({ from: "the range may span at most 366 days" });
  });

  it("refuses a granularity it does not know", async () => {
    const answer = await api.get(`${analytics}/trends?granularity=day`, { token });
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toHaveProperty("granularity");
  });
});

describe("date ranges", () => {
  const paths = () => [`${analytics}/overview`, `${analytics}/habits/${habitId}`, `${analytics}/trends`];

  it("refuses from after to", async () => {
    for (const path of paths()) {
      const answer = await api.get(`${path}?from=2026-03-10&to=2026-03-09`, { token });
      expectProblem(answer, 400, "validation_failed");
      expect(answer.body.errors).toEqual({ from: "must not be after to" });
    }
  });

  it("refuses a from after today when to is left out", async () => {
    const answer = await api.get(`${analytics}/overview?from=2026-03-11`, { token });
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toEqual({ from: "must not be after today" });
  });

  it("refuses dates that are not YYYY-MM-DD calendar dates", async () => {
    for (const path of paths()) {
      for (const bad of ["2026-02-30", "2026/03/01", "10-03-2026", "2026-3-1", "today", ""]) {
        const answer = await api.get(`${path}?from=${encodeURIComponent(bad)}`, { token });
        expectProblem(answer, 400, "validation_failed");
        expect(answer.body.errors).toHaveProperty("from");
      }
      expectProblem(await api.get(`${path}?to=2026-13-01`, { token }), 400, "validation_failed");
    }
  });

  it("refuses unknown parameters", async () => {
    for (const path of paths())
      expectProblem(await api.get(`${path}?since=2026-03-01`, { token }), 400, "validation_failed");
  });

  it("defaults from to 29 days before the to given", async () => {
    const answer = await api.get(`${analytics}/overview?to=2026-03-05`, { token });
    expect(answer.body.range).toEqual({ from: "2026-02-04", to: "2026-03-05" });
  });
});
