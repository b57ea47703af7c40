// Completions through HTTP: logging (with Idempotency-Key), listing, reverting, batches, habit logs
// with page and cursor paging. Every answer is checked against the served document.
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

/** A fresh account and its token. */
async function account() {
  const { accessToken, user } = await registerAccount(api);
  return { token: accessToken as string, userId: user.id as string };
}

async function habit(userId: string, input: HabitInput = {}) {
  const made = await running.core.habits.create(userId, { name: `Habit ${Math.random()}`, ...input });
  if (!made.ok) throw new Error(made.reason);
  return made.value;
}

const completions = (habitId: string) => `/api/v1/habits/${encodeURIComponent(habitId)}/completions`;
const withKey = (token: string, key: string) => ({ token, headers: { "Idempotency-Key": key } });

async function logCount(userId: string) {
  return (await running.core.completions.listForUser(userId)).length;
}

describe("POST /habits/{id}/completions", () => {
  it("logs today by default: 201, the outcome in API.md's shape, and a Location", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    const answer = await api.post(completions(id), undefined, { token });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      completion: {
        id: expect.any(String),
        habitId: id,
        date: "2026-03-10",
        value: null,
        note: null,
        source: "api",
        streak: 1,
        createdAt: expect.any(String),
      },
      streak: { current: 1, longest: 1 },
      reward: { won: false },
      odds: { totalWeight: 10, winChance: 0.5 },
    });
    const location = answer.headers.get("location");
    expect(location).toBe(`/api/v1/habit-logs/${answer.body.completion.id}`);
    const log = await api.get(location as string, { token });
    expect(log.status).toBe(200);
    expect(log.body).toEqual(answer.body.completion);
  });

  it("takes a date, a value and a note; a reward won shows with its progress", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId, { type: "measurable", target: { value: 10, unit: "pages" } });
    const reward = await running.core.rewards.create(userId, { name: "Cake", piecesRequired: 3 });
    if (!reward.ok) throw new Error(reward.reason);
    const backdated = await api.post(completions(id), { date: "2026-03-08", value: 12, note: " read " }, { token });
    expect(backdated.status).toBe(201);
    expect(backdated.body.completion).toMatchObject({ date: "2026-03-08", value: 12, note: "read" });
    // The only habit, done today: the last habit of the day is guaranteed a reward.
    const today = await api.post(completions(id), { value: 10 }, { token });
    expect(today.status).toBe(201);
    expect(today.body.reward).toMatchObject({
      won: true,
      reward: {
        id: reward.value.id,
        name: "Cake",
        progress: { piecesEarned: 1, piecesRequired: 3, status: "pending" },
      },
      progress: { piecesEarned: 1, piecesRequired: 3, status: "pending", timesClaimed: 0 },
    });
  });

  it("answers a milestone reached", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId, { milestoneTarget: 1 });
    const answer = await api.post(completions(id), {}, { token });
    expect(answer.body.milestone).toEqual({ kind: "target", value: 1 });
  });

  it("refuses a second completion for the date: 409 already_completed", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    expect((await api.post(completions(id), { date: "2026-03-09" }, { token })).status).toBe(201);
    expectProblem(await api.post(completions(id), { date: "2026-03-09" }, { token }), 409, "already_completed");
  });

  it("refuses dates and habits the rules forbid (422)", async () => {
    const { token, userId } = await account();
    const plain = await habit(userId);
    expectProblem(
      await api.post(completions(plain.id), { date: "2026-03-02" }, { token }),
      422,
      "outside_backdate_window",
    );
    expectProblem(await api.post(completions(plain.id), { date: "2026-03-11" }, { token }), 422, "future_date");
    const later = await habit(userId, { startDate: "2026-03-09" });
    expectProblem(await api.post(completions(later.id), { date: "2026-03-08" }, { token }), 422, "before_start_date");
    const ended = await habit(userId, { startDate: "2026-03-01", endDate: "2026-03-05" });
    expectProblem(await api.post(completions(ended.id), { date: "2026-03-06" }, { token }), 422, "after_end_date");
    const archived = await habit(userId);
    await running.core.habits.archive(userId, archived.id);
    expectProblem(await api.post(completions(archived.id), {}, { token }), 422, "habit_archived");
    expect(await logCount(userId)).toBe(0);
  });

  it("refuses invalid input (400) and another user's habit (404), changing nothing", async () => {
    const { token, userId } = await account();
    const binary = await habit(userId);
    expectProblem(await api.post(completions(binary.id), { date: "2026-02-30" }, { token }), 400, "validation_failed");
    expectProblem(await api.post(completions(binary.id), { date: "10.03.2026" }, { token }), 400, "validation_failed");
    expectProblem(await api.post(completions(binary.id), { value: 3 }, { token }), 400, "validation_failed");
    expectProblem(
      await api.post(completions(binary.id), { note: "x".repeat(501) }, { token }),
      400,
      "validation_failed",
    );
    expectProblem(await api.post(completions(binary.id), { extra: 1 }, { token }), 400, "validation_failed");
    const measurable = await habit(userId, { type: "measurable", target: { value: 5, unit: "km" } });
    const missing = await api.post(completions(measurable.id), {}, { token });
    expectProblem(missing, 400, "validation_failed");
    expect(missing.body.errors).toHaveProperty("value");
    expectProblem(await api.post(completions(measurable.id), { value: -1 }, { token }), 400, "validation_failed");

    const other = await account();
    expectProblem(await api.post(completions(binary.id), {}, { token: other.token }), 404, "not_found");
    expectProblem(await api.post(completions("no-such-habit"), {}, { token }), 404, "not_found");
    expect(await logCount(userId)).toBe(0);
  });

  it("needs credentials", async () => {
    expectProblem(await api.post(completions("any"), {}), 401, "credentials_required");
  });

  it("of 10 parallel requests for one habit and date, exactly one is 201", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.post(completions(id), { date: "2026-03-09" }, { token })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const answer of answers.filter((item) => item.status === 409))
      expect(answer.body.code).toBe("already_completed");
    expect(await logCount(userId)).toBe(1);
  });
});

describe("Idempotency-Key", () => {
  it("the same key and body twice: one completion, the same answer, the same Location", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    const first = await api.post(completions(id), { date: "2026-03-09", note: "x" }, withKey(token, "key-1"));
    // The same body with its keys in another order is the same request.
    const again = await api.post(completions(id), { note: "x", date: "2026-03-09" }, withKey(token, "key-1"));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await logCount(userId)).toBe(1);
  });

  it("the same key with another body is 422 idempotency_key_reused, and runs nothing", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    expect((await api.post(completions(id), { date: "2026-03-09" }, withKey(token, "k"))).status).toBe(201);
    expectProblem(
      await api.post(completions(id), { date: "2026-03-08" }, withKey(token, "k")),
      422,
      "idempotency_key_reused",
    );
    // Another path with the key is another request too.
    const second = await habit(userId);
    expectProblem(
      await api.post(completions(second.id), { date: "2026-03-09" }, withKey(token, "k")),
      422,
      "idempotency_key_reused",
    );
    expect(await logCount(userId)).toBe(1);
  });

  it("replays a refusal too (a 4xx is the first answer), with its problem", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    const first = await api.post(completions(id), { date: "2026-03-11" }, withKey(token, "future"));
    expectProblem(first, 422, "future_date");
    const again = await api.post(completions(id), { date: "2026-03-11" }, withKey(token, "future"));
    expectProblem(again, 422, "future_date");
    expect(again.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("keys are per user: another user's same key runs their own request", async () => {
    const alice = await account();
    const bob = await account();
    const aliceHabit = await habit(alice.userId);
    const bobHabit = await habit(bob.userId);
    expect((await api.post(completions(aliceHabit.id), {}, withKey(alice.token, "shared"))).status).toBe(201);
    expect((await api.post(completions(bobHabit.id), {}, withKey(bob.token, "shared"))).status).toBe(201);
  });

  it("of 10 parallel requests with one key, one runs; the others replay it or are told it is in progress", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.post(completions(id), { date: "2026-03-09" }, withKey(token, "burst"))),
    );
    const firsts = answers.filter((answer) => answer.status === 201 && !answer.headers.get("idempotent-replayed"));
    expect(firsts).toHaveLength(1);
    for (const answer of answers) {
      if (answer.status === 409) {
        expect(answer.body.code).toBe("idempotency_in_progress");
        expect(answer.headers.get("retry-after")).toBe("1");
      } else {
        expect(answer.status).toBe(201);
        expect(answer.body).toEqual(firsts[0]?.body);
      }
    }
    expect(await logCount(userId)).toBe(1);
  });

  it("refuses a key that is empty, too long or not printable (400)", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    for (const key of ["", "x".repeat(256), "tab\there"]) {
      const answer = await api.post(completions(id), {}, withKey(token, key));
      expectProblem(answer, 400, "validation_failed");
      expect(answer.body.errors).toHaveProperty(["Idempotency-Key"]);
    }
    expect((await api.post(completions(id), {}, withKey(token, "x".repeat(255)))).status).toBe(201);
  });

  it("a key being processed is 409 idempotency_in_progress; a 5xx forgets the key, so the retry runs", async () => {
    let mode: "fail" | "hold" | "pass" = "fail";
    let release: () => void = () => {};
    let entered: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const wrapped = await startApi({
      wrapCore: (core) => ({
        ...core,
        completions: {
          ...core.completions,
          complete: async (input) => {
            if (mode === "fail") {
              mode = "pass";
              throw new Error("the database went away");
            }
            if (mode === "hold") {
              entered();
              await new Promise<void>((resolve) => {
                release = resolve;
              });
            }
            return core.completions.complete(input);
          },
        },
      }),
    });
    try {
      const { accessToken, user } = await registerAccount(wrapped.api);
      const made = await wrapped.core.habits.create(user.id, { name: "Run" });
      if (!made.ok) throw new Error(made.reason);
      const path = completions(made.value.id);
      const options = (key: string) => ({ token: accessToken, headers: { "Idempotency-Key": key } });
      expectProblem(await wrapped.api.post(path, {}, options("retry-me")), 500, "internal_error");
      const retried = await wrapped.api.post(path, {}, options("retry-me"));
      expect(retried.status).toBe(201);
      expect(retried.headers.get("idempotent-replayed")).toBeNull();

      mode = "hold";
      const slow = wrapped.api.post(path, { date: "2026-03-09" }, options("slow"));
      await held;
      const during = await wrapped.api.post(path, { date: "2026-03-09" }, options("slow"));
      expectProblem(during, 409, "idempotency_in_progress");
      expect(during.headers.get("retry-after")).toBe("1");
      release();
      expect((await slow).status).toBe(201);
      expect((await wrapped.api.post(path, { date: "2026-03-09" }, options("slow"))).status).toBe(201);
      expect((await wrapped.core.completions.listForUser(user.id)).length).toBe(2);
    } finally {
      await wrapped.close();
    }
  });

  it("is documented on the idempotent operations", () => {
    const operation = running.contract.document.paths["/api/v1/habits/{id}/completions"]?.post as unknown as {
      parameters: Array<{ name: string; in: string }>;
      responses: Record<string, unknown>;
    };
    expect(operation.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header" }));
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["409", "422"]));
    expect(operation.responses["201"]).toMatchObject({
      headers: { Location: { required: true }, "Idempotent-Replayed": { required: false } },
    });
    const batch = running.contract.document.paths["/api/v1/completions/batch"]?.post as unknown as {
      parameters: Array<{ name: string }>;
    };
    expect(batch.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key" }));
  });
});

describe("GET /habits/{id}/completions", () => {
  it("lists a habit's completions oldest first, within from–to, paged", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    for (const date of ["2026-03-08", "2026-03-05", "2026-03-10"]) {
      expect((await api.post(completions(id), { date }, { token })).status).toBe(201);
    }
    const all = await api.get(completions(id), { token });
    expect(all.status).toBe(200);
    expect(all.body.items.map((item: { date: string }) => item.date)).toEqual([
      "2026-03-05",
      "2026-03-08",
      "2026-03-10",
    ]);
    expect(all.body).toMatchObject({ totalCount: 3, page: 1, pageSize: 20, hasNextPage: false });
    const ranged = await api.get(`${completions(id)}?from=2026-03-06&to=2026-03-09`, { token });
    expect(ranged.body.items.map((item: { date: string }) => item.date)).toEqual(["2026-03-08"]);
    const paged = await api.get(`${completions(id)}?pageSize=2&page=2`, { token });
    expect(paged.body).toMatchObject({ totalCount: 3, totalPages: 2, hasPreviousPage: true });
    expect(paged.body.items).toHaveLength(1);
  });

  it("refuses a bad range (400) and another user's habit (404)", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    expectProblem(
      await api.get(`${completions(id)}?from=2026-03-09&to=2026-03-01`, { token }),
      400,
      "validation_failed",
    );
    expectProblem(await api.get(`${completions(id)}?from=yesterday`, { token }), 400, "validation_failed");
    const other = await account();
    expectProblem(await api.get(completions(id), { token: other.token }), 404, "not_found");
  });
});

describe("DELETE /habits/{id}/completions/{date}", () => {
  it("reverts: 200 with the log reverted and the streak after; the piece won is taken back", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    const reward = await running.core.rewards.create(userId, { name: "Tea", piecesRequired: 2 });
    if (!reward.ok) throw new Error(reward.reason);
    expect((await api.post(completions(id), { date: "2026-03-09" }, { token })).status).toBe(201);
    const today = await api.post(completions(id), {}, { token });
    expect(today.body.streak).toEqual({ current: 2, longest: 2 });
    expect(today.body.reward.won).toBe(true);
    const answer = await api.delete(`${completions(id)}/2026-03-10`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      reverted: today.body.completion,
      streak: { current: 1, longest: 1 },
      rewardTakenBack: expect.objectContaining({
        id: reward.value.id,
        progress: expect.objectContaining({ piecesEarned: 0 }),
      }),
    });
    expect(await logCount(userId)).toBe(1);
  });

  it("nothing on that date is 404 nothing_to_revert; a bad date 400; another user's habit 404", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    expectProblem(await api.delete(`${completions(id)}/2026-03-10`, { token }), 404, "nothing_to_revert");
    expectProblem(await api.delete(`${completions(id)}/today`, { token }), 400, "validation_failed");
    expect((await api.post(completions(id), {}, { token })).status).toBe(201);
    const other = await account();
    expectProblem(await api.delete(`${completions(id)}/2026-03-10`, { token: other.token }), 404, "not_found");
    expect(await logCount(userId)).toBe(1);
  });
});

describe("POST /completions/batch", () => {
  const batch = "/api/v1/completions/batch";

  it("records every item, in order, with a result each (source batch)", async () => {
    const { token, userId } = await account();
    const first = await habit(userId);
    const second = await habit(userId);
    const answer = await api.post(
      batch,
      { items: [{ habitId: first.id, date: "2026-03-09" }, { habitId: second.id }, { habitId: first.id }] },
      { token },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ atomic: true, succeeded: 3, failed: 0 });
    expect(
      answer.body.results.map((result: { index: number; status: number }) => [result.index, result.status]),
    ).toEqual([
      [0, 201],
      [1, 201],
      [2, 201],
    ]);
    expect(answer.body.results[2].outcome.streak).toEqual({ current: 2, longest: 2 });
    expect(answer.body.results[0].outcome.completion.source).toBe("batch");
    expect(await logCount(userId)).toBe(3);
  });

  it("atomic: one failure rolls everything back (422 batch_failed, each item's fate)", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    const other = await account();
    const foreign = await habit(other.userId);
    const answer = await api.post(
      batch,
      {
        items: [
          { habitId: id, date: "2026-03-08" },
          { habitId: id, date: "2026-03-08" },
          { habitId: foreign.id },
          { habitId: id, date: "2026-03-09" },
        ],
      },
      { token },
    );
    expectProblem(answer, 422, "batch_failed");
    expect(
      answer.body.results.map((result: { status: number; problem?: { code: string } }) => [
        result.status,
        result.problem?.code,
      ]),
    ).toEqual([
      [424, "rolled_back"],
      [409, "already_completed"],
      [424, "not_attempted"],
      [424, "not_attempted"],
    ]);
    expect(await logCount(userId)).toBe(0);
    expect(await logCount(other.userId)).toBe(0);
  });

  it("atomic=false: each item stands alone; another user's habit is not found", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    const other = await account();
    const foreign = await habit(other.userId);
    const answer = await api.post(
      `${batch}?atomic=false`,
      {
        items: [
          { habitId: id },
          { habitId: foreign.id },
          { habitId: id },
          { habitId: id, date: "2026-03-09", value: 2 },
        ],
      },
      { token },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ atomic: false, succeeded: 1, failed: 3 });
    expect(
      answer.body.results.map((result: { status: number; problem?: { code: string } }) => [
        result.status,
        result.problem?.code,
      ]),
    ).toEqual([
      [201, undefined],
      [404, "not_found"],
      [409, "already_completed"],
      [400, "validation_failed"],
    ]);
    expect(answer.body.results[3].problem.errors).toHaveProperty("value");
    expect(await logCount(userId)).toBe(1);
    expect(await logCount(other.userId)).toBe(0);
  });

  it("refuses an empty batch, a bad item or a bad atomic (400) and more than 100 items (422)", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    expectProblem(await api.post(batch, { items: [] }, { token }), 400, "validation_failed");
    const many = Array.from({ length: 101 }, () => ({ habitId: id }));
    const tooMany = await api.post(batch, { items: many }, { token });
    expectProblem(tooMany, 422, "too_many_items");
    expect(tooMany.body.limit).toEqual({ name: "completionsPerBatch", max: 100 });
    expectProblem(await api.post(batch, { items: [{ habitId: id, date: "x" }] }, { token }), 400, "validation_failed");
    expectProblem(await api.post(batch, { items: [{ id }] }, { token }), 400, "validation_failed");
    expectProblem(
      await api.post(`${batch}?atomic=maybe`, { items: [{ habitId: id }] }, { token }),
      400,
      "validation_failed",
    );
    expect(await logCount(userId)).toBe(0);
  });

  it("is idempotent: the same key replays the batch; another query with the key is a reuse", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    const body = { items: [{ habitId: id }] };
    const first = await api.post(batch, body, withKey(token, "b1"));
    const again = await api.post(batch, body, withKey(token, "b1"));
    expect(again.body).toEqual(first.body);
    expectProblem(await api.post(`${batch}?atomic=false`, body, withKey(token, "b1")), 422, "idempotency_key_reused");
    expect(await logCount(userId)).toBe(1);
  });
});

describe("GET /habit-logs", () => {
  const logs = "/api/v1/habit-logs";

  async function withLogs() {
    const { token, userId } = await account();
    const habits = [await habit(userId), await habit(userId), await habit(userId)];
    for (const date of ["2026-03-04", "2026-03-06", "2026-03-07", "2026-03-09", "2026-03-10"]) {
      for (const item of habits) {
        const answer = await api.post(completions(item.id), { date }, { token });
        if (answer.status !== 201) throw new Error(answer.text);
      }
    }
    return { token, userId, habits };
  }

  it("pages every habit's logs newest first, by date then id; filters by dates and habit", async () => {
    const { token, habits } = await withLogs();
    const first = await api.get(`${logs}?pageSize=4`, { token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 4, totalCount: 15, totalPages: 4, hasNextPage: true });
    expect(first.body.items.map((item: { date: string }) => item.date)).toEqual([
      "2026-03-10",
      "2026-03-10",
      "2026-03-10",
      "2026-03-09",
    ]);
    const ids = first.body.items.slice(0, 3).map((item: { id: string }) => item.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const last = await api.get(`${logs}?pageSize=4&page=4`, { token });
    expect(last.body).toMatchObject({ hasNextPage: false, nextCursor: null });
    expect(last.body.items).toHaveLength(3);

    const habitId = habits[1]?.id as string;
    const filtered = await api.get(`${logs}?habitId=${habitId}&from=2026-03-05&to=2026-03-09`, { token });
    expect(filtered.body.items.map((item: { date: string; habitId: string }) => [item.date, item.habitId])).toEqual([
      ["2026-03-09", habitId],
      ["2026-03-07", habitId],
      ["2026-03-06", habitId],
    ]);
  });

  it("a cursor walk gives every log exactly once, even when logs are added and removed on the way", async () => {
    const { token, userId, habits } = await withLogs();
    const seen: string[] = [];
    let answer = await api.get(`${logs}?pageSize=4`, { token });
    seen.push(...answer.body.items.map((item: { id: string }) => item.id));
    let cursor: string | null = answer.body.nextCursor;
    let changed = false;
    while (cursor) {
      answer = await api.get(`${logs}?pageSize=4&cursor=${encodeURIComponent(cursor)}`, { token });
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body).sort()).toEqual(["hasNextPage", "items", "nextCursor", "pageSize"]);
      seen.push(...answer.body.items.map((item: { id: string }) => item.id));
      cursor = answer.body.nextCursor;
      if (!changed) {
        // A log newer than the position: not in this walk, and nothing is repeated or skipped.
        changed = true;
        const another = await habit(userId);
        expect((await api.post(completions(another.id), {}, { token })).status).toBe(201);
        // A log not reached yet, removed: the walk does not give it, and goes on.
        const removed = await api.delete(`${completions(habits[0]?.id as string)}/2026-03-04`, { token });
        expect(removed.status).toBe(200);
      }
    }
    const all = (await running.core.completions.listForUser(userId))
      .filter((log) => habits.some((item) => item.id === log.habitId))
      .map((log) => log.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...all].sort());
  });

  it("refuses a forged cursor, a cursor with page, and a bad range (400); another user's habit 404", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    expectProblem(await api.get(`${logs}?cursor=nope`, { token }), 400, "validation_failed");
    const cursor = Buffer.from(JSON.stringify(["2026-03-10", "x"])).toString("base64url");
    expect((await api.get(`${logs}?cursor=${cursor}`, { token })).status).toBe(200);
    expectProblem(await api.get(`${logs}?cursor=${cursor}&page=1`, { token }), 400, "validation_failed");
    expectProblem(await api.get(`${logs}?from=2026-03-10&to=2026-03-01`, { token }), 400, "validation_failed");
    expectProblem(await api.get(`${logs}?pageSize=101`, { token }), 400, "validation_failed");
    const other = await account();
    expectProblem(await api.get(`${logs}?habitId=${id}`, { token: other.token }), 404, "not_found");
  });

  it("GET /habit-logs/{id}: the log; another user's or an unknown one is 404", async () => {
    const { token, userId } = await account();
    const { id } = await habit(userId);
    const made = await api.post(completions(id), {}, { token });
    const log = await api.get(`${logs}/${made.body.completion.id}`, { token });
    expect(log.status).toBe(200);
    expect(log.body).toEqual(made.body.completion);
    const other = await account();
    expectProblem(await api.get(`${logs}/${made.body.completion.id}`, { token: other.token }), 404, "not_found");
    expectProblem(await api.get(`${logs}/unknown`, { token }), 404, "not_found");
  });
});
