// Habits through HTTP: create, read, list (filters, sort, fields), replace, merge and JSON Patch,
// delete, archive, the month calendar, and their tags. Another user's habit is always 404.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, ApiClient, Json } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

const habits = "/api/v1/habits";

let running: RunningApi;
let api: ApiClient;
beforeAll(async () => {
  running = await startApi();
  api = running.api;
});
afterAll(async () => running.close());

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body).toMatchObject({ status, code });
}

async function account() {
  const { accessToken, user } = await registerAccount(api);
  const create = async (body: Json) => {
    const answer = await api.post(habits, body, { token: accessToken });
    if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.text}`);
    return answer.body;
  };
  return { token: accessToken, userId: user.id as string, create };
}

const complete = async (userId: string, habitId: string, date: string, value?: number) => {
  const done = await running.core.completions.complete({
    userId,
    habitId,
    date,
    source: "api",
    ...(value !== undefined && { value }),
  });
  if (!done.ok) throw new Error(done.reason);
};

describe("POST /habits", () => {
  it("makes a habit with defaults: 201, Location, the API's shape", async () => {
    const { token } = await account();
    const answer = await api.post(habits, { name: "Read" }, { token });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("location")).toBe(`${habits}/${answer.body.id}`);
    expect(answer.body).toEqual({
      id: expect.any(String),
      name: "Read",
      description: null,
      color: "#4F46E5",
      category: null,
      type: "binary",
      frequency: { type: "daily", timesPerPeriod: 1 },
      target: null,
      exemptWeekdays: [],
      allowedSkipDays: 0,
      weight: 10,
      startDate: null,
      endDate: null,
      milestone: null,
      reminders: [],
      tags: [],
      status: "active",
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await api.get(answer.headers.get("location") as string, { token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(answer.body);
  });

  it("takes every field", async () => {
    const { token } = await account();
    const answer = await api.post(
      habits,
      {
        name: "Run",
        description: "Around the park",
        color: "#123ABC",
        category: "Health",
        type: "measurable",
        frequency: { type: "weekly", timesPerPeriod: 3 },
        target: { value: 5, unit: "km" },
        allowedSkipDays: 1,
        weight: 20,
        startDate: "2026-03-01",
        endDate: "2026-12-31",
        milestone: { target: 50 },
        reminders: [{ time: "18:00", weekdays: [1, 3, 5] }, { time: "07:30" }],
        tags: ["outdoors", "cardio"],
      },
      { token },
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      name: "Run",
      description: "Around the park",
      color: "#123ABC",
      category: "Health",
      type: "measurable",
      frequency: { type: "weekly", timesPerPeriod: 3 },
      target: { value: 5, unit: "km" },
      allowedSkipDays: 1,
      weight: 20,
      startDate: "2026-03-01",
      endDate: "2026-12-31",
      milestone: { target: 50, current: 0 },
      reminders: [
        { time: "07:30", weekdays: [] },
        { time: "18:00", weekdays: [1, 3, 5] },
      ],
      tags: ["cardio", "outdoors"],
    });
  });

  it("the core's refusals are 400 by field path", async () => {
    const { token } = await account();
    const answer = await api.post(
      habits,
      {
        name: " ",
        type: "measurable",
        frequency: { type: "daily", timesPerPeriod: 2 },
        weight: 0,
        startDate: "2026-03-10",
        endDate: "2026-03-01",
        reminders: [{ time: "25:00" }],
      },
      { token },
    );
    expectProblem(answer, 400, "validation_failed");
    expect(Object.keys(answer.body.errors).sort()).toEqual(
      ["endDate", "frequency.timesPerPeriod", "name", "reminders.0.time", "target", "weight"].sort(),
    );
  });

  it("wrong types, unknown fields and a missing name are 400 before the core", async () => {
    const { token } = await account();
    const answer = await api.post(
      habits,
      { type: "sometimes", weight: "heavy", emoji: "📚", status: "archived" },
      { token },
    );
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toMatchObject({
      name: "is required",
      type: expect.any(String),
      weight: expect.any(String),
      emoji: "is not a known field",
      status: "is not a known field",
    });
    expectProblem(await api.post(habits, [], { token }), 400, "validation_failed");
  });

  it("a binary habit with a target is 400 on target", async () => {
    const { token } = await account();
    const answer = await api.post(habits, { name: "X", target: { value: 1, unit: "km" } }, { token });
    expectProblem(answer, 400, "validation_failed");
    expect(answer.body.errors).toEqual({ target: "is not allowed here" });
  });

  it("an active habit's name again, in any case, is 409 name_taken", async () => {
    const { token, create } = await account();
    await create({ name: "Read" });
    expectProblem(await api.post(habits, { name: " read " }, { token }), 409, "name_taken");
  });

  it("needs credentials", async () => {
    expectProblem(await api.post(habits, { name: "Read" }), 401, "credentials_required");
  });

  it("an Idempotency-Key retry makes one habit and answers the same; another body is 422", async () => {
    const { token } = await account();
    const options = { token, headers: { "Idempotency-Key": "make-read-1" } };
    const first = await api.post(habits, { name: "Read" }, options);
    const retry = await api.post(habits, { name: "Read" }, options);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expectProblem(await api.post(habits, { name: "Write" }, options), 422, "idempotency_key_reused");
    expect((await api.get(habits, { token })).body.totalCount).toBe(1);
  });
});

describe("GET /habits/{id}", () => {
  it("shows milestone.current: the completions that count", async () => {
    const { token, userId, create } = await account();
    const habit = await create({
      name: "Walk",
      type: "measurable",
      target: { value: 30, unit: "minutes" },
      milestone: { target: 3 },
    });
    await complete(userId, habit.id, "2026-03-08", 30);
    await complete(userId, habit.id, "2026-03-09", 10); // under the target: does not count
    await complete(userId, habit.id, "2026-03-10", 45);
    const answer = await api.get(`${habits}/${habit.id}`, { token });
    expect(answer.body.milestone).toEqual({ target: 3, current: 2 });
  });

  it("an unknown id and another user's habit are 404", async () => {
    const alice = await account();
    const bob = await account();
    const habit = await alice.create({ name: "Secret" });
    expectProblem(await api.get(`${habits}/nope`, { token: alice.token }), 404, "not_found");
    expectProblem(await api.get(`${habits}/${habit.id}`, { token: bob.token }), 404, "not_found");
  });
});

describe("GET /habits", () => {
  let token: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    const me = await account();
    token = me.token;
    const made = [
      await me.create({ name: "Read", description: "Twenty pages", category: "Mind", tags: ["evening"], weight: 30 }),
      await me.create({
        name: "Run",
        category: "health",
        type: "measurable",
        target: { value: 5, unit: "km" },
        frequency: { type: "weekly", timesPerPeriod: 3 },
      }),
      await me.create({ name: "meditate", category: "Mind", tags: ["morning", "Evening"], weight: 5 }),
      await me.create({ name: "Budget", frequency: { type: "monthly", timesPerPeriod: 1 } }),
      await me.create({ name: "Old", weight: 50 }),
    ];
    ids = Object.fromEntries(made.map((habit) => [habit.name, habit.id]));
    expect((await api.post(`${habits}/${ids.Old}/archive`, undefined, { token })).status).toBe(200);
    await complete(me.userId, ids.Run as string, "2026-03-09", 5);
    await complete(me.userId, ids.Budget as string, "2026-03-05");
    await complete(me.userId, ids.Read as string, "2026-03-10");
    // Someone else's habits never show.
    await (await account()).create({ name: "Read" });
  });

  const names = (answer: Answer) => answer.body.items.map((item: Json) => item.name);
  const list = (query: string) => api.get(`${habits}?${query}`, { token });

  it("pages the active habits, oldest first", async () => {
    const answer = await list("pageSize=2&page=2");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      page: 2,
      pageSize: 2,
      totalCount: 4,
      totalPages: 2,
      hasNextPage: false,
      hasPreviousPage: true,
    });
    expect(names(answer)).toEqual(["meditate", "Budget"]);
    expect(names(await list(""))).toEqual(["Read", "Run", "meditate", "Budget"]);
  });

  it("filters by status, text, category, tag, type and frequency", async () => {
    expect(names(await list("status=archived"))).toEqual(["Old"]);
    expect(names(await list("status=all"))).toHaveLength(5);
    expect(names(await list("q=PAGES"))).toEqual(["Read"]);
    expect(names(await list("q=r"))).toEqual(["Read", "Run"]);
    expect(names(await list("category=mind"))).toEqual(["Read", "meditate"]);
    expect(names(await list("tag=EVENING"))).toEqual(["Read", "meditate"]);
    expect(names(await list("type=measurable"))).toEqual(["Run"]);
    expect(names(await list("frequency=monthly"))).toEqual(["Budget"]);
    expect(names(await list("category=mind&tag=morning"))).toEqual(["meditate"]);
  });

  it("sorts by the fields named, - descending, nulls last", async () => {
    expect(names(await list("sort=name"))).toEqual(["Budget", "meditate", "Read", "Run"]);
    expect(names(await list("sort=-name"))).toEqual(["Run", "Read", "meditate", "Budget"]);
    expect(names(await list("sort=-weight,name"))).toEqual(["Read", "Budget", "Run", "meditate"]);
    expect(names(await list("sort=frequency,-createdAt"))).toEqual(["meditate", "Read", "Run", "Budget"]);
    expect(names(await list("sort=category,name"))).toEqual(["Run", "meditate", "Read", "Budget"]);
    expect(names(await list("sort=-lastCompletedAt"))).toEqual(["Read", "Run", "Budget", "meditate"]);
    expect(names(await list("sort=lastCompletedAt"))).toEqual(["Budget", "Run", "Read", "meditate"]);
    expect((await list("sort=updatedAt,-createdAt")).status).toBe(200);
  });

  it("selects fields", async () => {
    const answer = await list("fields=id,name&sort=name&pageSize=1");
    expect(answer.body.items).toEqual([{ id: ids.Budget, name: "Budget" }]);
  });

  it("an unknown or repeated sort field, an unknown field, a bad filter is 400", async () => {
    const unknownSort = await list("sort=name,-color");
    expectProblem(unknownSort, 400, "validation_failed");
    expect(unknownSort.body.errors.sort).toMatch(/cannot sort by "color"/);
    expect((await list("sort=name,-name")).body.errors.sort).toMatch(/twice/);
    const unknownField = await list("fields=id,password");
    expectProblem(unknownField, 400, "validation_failed");
    expect(unknownField.body.errors.fields).toMatch(/"password"/);
    expectProblem(await list("fields="), 400, "validation_failed");
    for (const query of [
      "status=deleted",
      "type=sometimes",
      "frequency=hourly",
      "pageSize=101",
      "page=0",
      "colour=red",
    ]) {
      expectProblem(await list(query), 400, "validation_failed");
    }
  });
});

describe("PUT /habits/{id}", () => {
  it("replaces the whole habit: what it leaves out takes its default, the color stays", async () => {
    const { token, create } = await account();
    const habit = await create({
      name: "Read",
      description: "Pages",
      category: "Mind",
      weight: 40,
      tags: ["a"],
      color: "#00AA00",
    });
    const answer = await api.put(
      `${habits}/${habit.id}`,
      { name: "Read more", frequency: { type: "weekly", timesPerPeriod: 2 } },
      { token },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: habit.id,
      name: "Read more",
      description: null,
      category: null,
      weight: 10,
      tags: [],
      color: "#00AA00",
      frequency: { type: "weekly", timesPerPeriod: 2 },
      createdAt: habit.createdAt,
    });
    expect((await api.get(`${habits}/${habit.id}`, { token })).body).toEqual(answer.body);
  });

  it("validates, refuses a taken name, and another user's habit is 404 and unchanged", async () => {
    const alice = await account();
    const bob = await account();
    const habit = await alice.create({ name: "Read" });
    await alice.create({ name: "Write" });
    const url = `${habits}/${habit.id}`;
    expectProblem(await api.put(url, { weight: 5 }, { token: alice.token }), 400, "validation_failed");
    expectProblem(await api.put(url, { name: "Read", weight: 500 }, { token: alice.token }), 400, "validation_failed");
    expectProblem(await api.put(url, { name: "write" }, { token: alice.token }), 409, "name_taken");
    expectProblem(await api.put(url, { name: "Mine now" }, { token: bob.token }), 404, "not_found");
    expectProblem(await api.put(`${habits}/nope`, { name: "X" }, { token: alice.token }), 404, "not_found");
    expect((await api.get(url, { token: alice.token })).body).toEqual(habit);
  });
});

describe("PATCH /habits/{id}", () => {
  it("a merge patch changes what it names; null clears", async () => {
    const { token, create } = await account();
    const habit = await create({
      name: "Read",
      description: "Pages",
      category: "Mind",
      weight: 40,
      frequency: { type: "weekly", timesPerPeriod: 3 },
    });
    const url = `${habits}/${habit.id}`;
    const answer = await api.patch(
      url,
      { description: null, frequency: { timesPerPeriod: 5 }, milestone: { target: 10 } },
      { token },
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({
      name: "Read",
      description: null,
      category: "Mind",
      weight: 40,
      frequency: { type: "weekly", timesPerPeriod: 5 },
      milestone: { target: 10, current: 0 },
    });
    const again = await api.patch(
      url,
      { weight: null, category: "Books" },
      { token, contentType: "application/merge-patch+json" },
    );
    expect(again.body).toMatchObject({ weight: 10, category: "Books", milestone: { target: 10, current: 0 } });
  });

  it("a merge patch whose result is not valid is 400 and changes nothing", async () => {
    const { token, create } = await account();
    const habit = await create({ name: "Read" });
    const url = `${habits}/${habit.id}`;
    const measurable = await api.patch(url, { type: "measurable" }, { token });
    expectProblem(measurable, 400, "validation_failed");
    expect(measurable.body.errors).toEqual({ target: "is required" });
    expectProblem(await api.patch(url, { name: null }, { token }), 400, "validation_failed");
    expectProblem(await api.patch(url, { id: "mine" }, { token }), 400, "validation_failed");
    expectProblem(await api.patch(url, { weight: "heavy" }, { token }), 400, "validation_failed");
    expectProblem(await api.patch(url, [{ op: "remove", path: "/name" }], { token }), 400, "validation_failed");
    expect((await api.get(url, { token })).body).toEqual(habit);
  });

  it("a JSON Patch applies its operations to the habit as GET shows it", async () => {
    const { token, create } = await account();
    const habit = await create({ name: "Read", tags: ["a"], reminders: [{ time: "08:00" }], milestone: { target: 5 } });
    const answer = await api.patch(
      `${habits}/${habit.id}`,
      [
        { op: "test", path: "/name", value: "Read" },
        { op: "test", path: "/milestone/current", value: 0 },
        { op: "replace", path: "/name", value: "Read daily" },
        { op: "add", path: "/tags/-", value: "b" },
        { op: "copy", from: "/reminders/0", path: "/reminders/-" },
        { op: "replace", path: "/reminders/1/time", value: "21:00" },
        { op: "move", from: "/name", path: "/description" },
        { op: "add", path: "/name", value: "Reading" },
        { op: "replace", path: "/milestone/target", value: 7 },
        { op: "remove", path: "/exemptWeekdays" },
      ],
      { token, contentType: "application/json-patch+json" },
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({
      name: "Reading",
      description: "Read daily",
      tags: ["a", "b"],
      reminders: [
        { time: "08:00", weekdays: [] },
        { time: "21:00", weekdays: [] },
      ],
      milestone: { target: 7, current: 0 },
      exemptWeekdays: [],
    });
  });

  it("a failed test is 409, a missing location 422, a bad patch or a bad result 400: nothing changes", async () => {
    const { token, create } = await account();
    const habit = await create({ name: "Read" });
    const url = `${habits}/${habit.id}`;
    const patch = (operations: Json) =>
      api.patch(url, operations, { token, contentType: "application/json-patch+json" });
    const failedTest = await patch([
      { op: "replace", path: "/name", value: "Changed" },
      { op: "test", path: "/weight", value: 99 },
    ]);
    expectProblem(failedTest, 409, "patch_test_failed");
    expect(failedTest.body.detail).toMatch(/Operation 1/);
    expectProblem(await patch([{ op: "remove", path: "/nope" }]), 422, "patch_not_applicable");
    expectProblem(await patch([{ op: "replace", path: "/reminders/3", value: {} }]), 422, "patch_not_applicable");
    expectProblem(await patch([{ op: "add", path: "no-slash", value: 1 }]), 400, "validation_failed");
    expectProblem(await patch([{ op: "add", path: "/name" }]), 400, "validation_failed");
    expectProblem(await patch([{ op: "jump", path: "/name" }]), 400, "validation_failed");
    expectProblem(await patch({ name: "X" }), 400, "validation_failed");
    const invalid = await patch([{ op: "replace", path: "/frequency/type", value: "hourly" }]);
    expectProblem(invalid, 400, "validation_failed");
    expect(Object.keys(invalid.body.errors)).toEqual(["frequency.type"]);
    const readOnly = await patch([
      { op: "replace", path: "/id", value: "x" },
      { op: "replace", path: "/status", value: "archived" },
    ]);
    expectProblem(readOnly, 400, "validation_failed");
    expect(readOnly.body.errors).toEqual({ id: "is read-only", status: "is read-only" });
    expectProblem(await patch([{ op: "add", path: "/colour", value: "red" }]), 400, "validation_failed");
    expectProblem(await patch([{ op: "replace", path: "", value: [] }]), 400, "validation_failed");
    expect((await api.get(url, { token })).body).toEqual(habit);
  });

  it("a taken name is 409; another user's habit is 404 and unchanged; other media types 415", async () => {
    const alice = await account();
    const bob = await account();
    const habit = await alice.create({ name: "Read" });
    await alice.create({ name: "Write" });
    const url = `${habits}/${habit.id}`;
    expectProblem(await api.patch(url, { name: "WRITE" }, { token: alice.token }), 409, "name_taken");
    expectProblem(await api.patch(url, { name: "Bob's" }, { token: bob.token }), 404, "not_found");
    expectProblem(
      await api.patch(url, [{ op: "replace", path: "/name", value: "Bob's" }], {
        token: bob.token,
        contentType: "application/json-patch+json",
      }),
      404,
      "not_found",
    );
    expectProblem(
      await api.request("PATCH", url, { token: alice.token, raw: "name=x", contentType: "text/plain" }),
      415,
      "unsupported_media_type",
    );
    expect((await api.get(url, { token: alice.token })).body).toEqual(habit);
  });
  it("the document gives each media type its own body schema", () => {
    const operation: Json = running.contract.document.paths["/api/v1/habits/{id}"]?.patch;
    const content = operation.requestBody.content;
    expect(content).toEqual({
      "application/json": { schema: { $ref: "#/components/schemas/HabitMergePatch" } },
      "application/merge-patch+json": { schema: { $ref: "#/components/schemas/HabitMergePatch" } },
      "application/json-patch+json": { schema: { $ref: "#/components/schemas/JsonPatch" } },
    });
  });
});

describe("DELETE /habits/{id}", () => {
  it("deletes: 204, then 404; another user's is 404 and stays", async () => {
    const alice = await account();
    const bob = await account();
    const mine = await alice.create({ name: "Read" });
    const theirs = await bob.create({ name: "Read" });
    expectProblem(await api.delete(`${habits}/${theirs.id}`, { token: alice.token }), 404, "not_found");
    expect((await api.get(`${habits}/${theirs.id}`, { token: bob.token })).status).toBe(200);
    expect((await api.delete(`${habits}/${mine.id}`, { token: alice.token })).status).toBe(204);
    expectProblem(await api.get(`${habits}/${mine.id}`, { token: alice.token }), 404, "not_found");
    expectProblem(await api.delete(`${habits}/${mine.id}`, { token: alice.token }), 404, "not_found");
  });
});

describe("POST /habits/{id}/archive and /unarchive", () => {
  it("archives and unarchives, twice changes nothing; a taken name is 409 on unarchive", async () => {
    const { token, create } = await account();
    const habit = await create({ name: "Read" });
    const archived = await api.post(`${habits}/${habit.id}/archive`, undefined, { token });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe("archived");
    expect((await api.post(`${habits}/${habit.id}/archive`, undefined, { token })).body.status).toBe("archived");
    const again = await create({ name: "read" });
    expectProblem(await api.post(`${habits}/${habit.id}/unarchive`, undefined, { token }), 409, "name_taken");
    expect((await api.delete(`${habits}/${again.id}`, { token })).status).toBe(204);
    const active = await api.post(`${habits}/${habit.id}/unarchive`, undefined, { token });
    expect(active.status).toBe(200);
    expect(active.body.status).toBe("active");
    expect((await api.post(`${habits}/${habit.id}/unarchive`, undefined, { token })).body.status).toBe("active");
  });

  it("another user's habit is 404 and stays as it is; a body is refused", async () => {
    const alice = await account();
    const bob = await account();
    const habit = await alice.create({ name: "Read" });
    expectProblem(await api.post(`${habits}/${habit.id}/archive`, undefined, { token: bob.token }), 404, "not_found");
    expectProblem(await api.post(`${habits}/nope/unarchive`, undefined, { token: bob.token }), 404, "not_found");
    expect((await api.get(`${habits}/${habit.id}`, { token: alice.token })).body.status).toBe("active");
    expectProblem(
      await api.post(`${habits}/${habit.id}/archive`, { now: true }, { token: alice.token }),
      400,
      "validation_failed",
    );
  });
});

describe("GET /habits/calendar", () => {
  it("is the month grid of the active habits", async () => {
    const { token, userId, create } = await account();
    const read = await create({ name: "Read", color: "#111111" });
    const walk = await create({ name: "Walk", type: "measurable", target: { value: 30, unit: "minutes" } });
    const old = await create({ name: "Old" });
    await api.post(`${habits}/${old.id}/archive`, undefined, { token });
    await complete(userId, read.id, "2026-03-04");
    await complete(userId, walk.id, "2026-03-05", 12.5);
    const answer = await api.get(`${habits}/calendar?month=3&year=2026`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(2);
    const [readRow, walkRow] = answer.body;
    expect(readRow).toMatchObject({ id: read.id, name: "Read", color: "#111111" });
    expect(readRow.data).toHaveLength(31);
    expect(readRow.data.slice(0, 5)).toEqual([0, 0, 0, 1, 0]);
    expect(walkRow.data.slice(0, 6)).toEqual([0, 0, 0, 0, 12.5, 0]);
    const february = await api.get(`${habits}/calendar?month=2&year=2026`, { token });
    expect(february.body[0].data).toHaveLength(28);
  });

  it("needs a month 1–12 and a year", async () => {
    const { token } = await account();
    for (const query of [
      "",
      "month=3",
      "year=2026",
      "month=13&year=2026",
      "month=x&year=2026",
      "month=3&year=2026&day=1",
    ]) {
      expectProblem(await api.get(`${habits}/calendar?${query}`, { token }), 400, "validation_failed");
    }
  });
});

describe("PUT /habits/{id}/tags and DELETE /habits/{id}/tags/{tagId}", () => {
  const makeTag = async (token: string, name: string) => {
    const answer = await api.post("/api/v1/tags", { name }, { token });
    expect(answer.status, answer.text).toBe(201);
    return answer.body;
  };

  it("sets the habit's tags by id, and takes one off", async () => {
    const { token, create } = await account();
    const habit = await create({ name: "Read", tags: ["old"] });
    const morning = await makeTag(token, "morning");
    const focus = await makeTag(token, "focus");
    const set = await api.put(`${habits}/${habit.id}/tags`, { tagIds: [morning.id, focus.id, morning.id] }, { token });
    expect(set.status).toBe(200);
    expect(set.body.tags).toEqual(["focus", "morning"]);
    expect((await api.delete(`${habits}/${habit.id}/tags/${focus.id}`, { token })).status).toBe(204);
    expect((await api.get(`${habits}/${habit.id}`, { token })).body.tags).toEqual(["morning"]);
    // Already off: still 204.
    expect((await api.delete(`${habits}/${habit.id}/tags/${focus.id}`, { token })).status).toBe(204);
    expect((await api.put(`${habits}/${habit.id}/tags`, { tagIds: [] }, { token })).body.tags).toEqual([]);
  });

  it("an unknown or another user's tag is 422 tag_not_found; more than 20 ids 422 too_many_items; another user's habit 404; nothing changes", async () => {
    const alice = await account();
    const bob = await account();
    const habit = await alice.create({ name: "Read", tags: ["mine"] });
    const bobsTag = await makeTag(bob.token, "bobs");
    const url = `${habits}/${habit.id}/tags`;
    expectProblem(await api.put(url, { tagIds: [bobsTag.id] }, { token: alice.token }), 422, "tag_not_found");
    expectProblem(await api.put(url, { tagIds: ["nope"] }, { token: alice.token }), 422, "tag_not_found");
    expectProblem(await api.put(url, { tagIds: [bobsTag.id] }, { token: bob.token }), 404, "not_found");
    expectProblem(await api.put(url, { tagIds: "x" }, { token: alice.token }), 400, "validation_failed");
    expectProblem(await api.put(url, {}, { token: alice.token }), 400, "validation_failed");
    const many = Array.from({ length: 21 }, (_, index) => `t${index}`);
    expectProblem(await api.put(url, { tagIds: many }, { token: alice.token }), 422, "too_many_items");
    const aliceTag = (await api.get("/api/v1/tags", { token: alice.token })).body.items[0];
    expectProblem(await api.delete(`${url}/${aliceTag.id}`, { token: bob.token }), 404, "not_found");
    expectProblem(await api.delete(`${url}/${bobsTag.id}`, { token: alice.token }), 404, "not_found");
    expect((await api.get(`${habits}/${habit.id}`, { token: alice.token })).body.tags).toEqual(["mine"]);
  });
});

describe("generated patches of a real habit", () => {
  const pointers = [
    "",
    "/name",
    "/description",
    "/type",
    "/frequency",
    "/frequency/type",
    "/frequency/timesPerPeriod",
    "/target",
    "/target/value",
    "/exemptWeekdays/0",
    "/exemptWeekdays/-",
    "/weight",
    "/startDate",
    "/milestone",
    "/milestone/target",
    "/milestone/current",
    "/reminders/-",
    "/reminders/0/time",
    "/tags/-",
    "/tags/0",
    "/id",
    "/__proto__",
    "/nope/deeper",
  ];
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom("daily", "weekly", "measurable", "08:00", "2026-03-01", 3, 0, -1, { type: "weekly" }),
  );
  const operation = fc.oneof(
    fc.record({ op: fc.constantFrom("add", "replace", "test"), path: fc.constantFrom(...pointers), value }),
    fc.record({ op: fc.constant("remove"), path: fc.constantFrom(...pointers) }),
    fc.record({
      op: fc.constantFrom("move", "copy"),
      from: fc.constantFrom(...pointers),
      path: fc.constantFrom(...pointers),
    }),
  );
  const fields = ["name", "description", "type", "frequency", "target", "weight", "milestone", "reminders", "tags"];
  const mergePatch = fc.dictionary(fc.constantFrom(...fields), fc.oneof(value, fc.constant(null)));

  it("never answer a 5xx, and every 200 is a valid habit (the client checks it)", async () => {
    const { token, create } = await account();
    const habit = await create({ name: "Fuzzed", milestone: { target: 3 }, reminders: [{ time: "08:00" }] });
    const url = `${habits}/${habit.id}`;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 4 }), mergePatch, async (operations, merge) => {
        const json = await api.patch(url, operations, { token, contentType: "application/json-patch+json" });
        expect(json.status, JSON.stringify(operations)).toBeLessThan(500);
        const merged = await api.patch(url, merge, { token, contentType: "application/merge-patch+json" });
        expect(merged.status, JSON.stringify(merge)).toBeLessThan(500);
        const replaced = await api.put(url, { name: "Fuzzed", ...merge }, { token });
        expect(replaced.status, JSON.stringify(merge)).toBeLessThan(500);
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
