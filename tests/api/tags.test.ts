// Tags through HTTP: list, make, read, replace, delete. Another user's tag is always 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, ApiClient } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

const tagsPath = "/api/v1/tags";

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

const token = async () => (await registerAccount(api)).accessToken;

describe("POST /tags and GET /tags/{id}", () => {
  it("makes a tag: 201, Location, the API's shape", async () => {
    const me = await token();
    const answer = await api.post(tagsPath, { name: "  morning ", color: "#059669" }, { token: me });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("location")).toBe(`${tagsPath}/${answer.body.id}`);
    expect(answer.body).toEqual({
      id: expect.any(String),
      name: "morning",
      color: "#059669",
      habitCount: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await api.get(`${tagsPath}/${answer.body.id}`, { token: me });
    expect(read.body).toEqual(answer.body);
    expect((await api.post(tagsPath, { name: "plain" }, { token: me })).body.color).toBeNull();
  });

  it("validates: a name is required and short; a color is #RRGGBB; no other fields", async () => {
    const me = await token();
    const missing = await api.post(tagsPath, {}, { token: me });
    expectProblem(missing, 400, "validation_failed");
    expect(missing.body.errors).toEqual({ name: "is required" });
    expectProblem(await api.post(tagsPath, { name: " " }, { token: me }), 400, "validation_failed");
    expectProblem(await api.post(tagsPath, { name: "x".repeat(51) }, { token: me }), 400, "validation_failed");
    const color = await api.post(tagsPath, { name: "x", color: "green" }, { token: me });
    expectProblem(color, 400, "validation_failed");
    expect(Object.keys(color.body.errors)).toEqual(["color"]);
    expect((await api.post(tagsPath, { name: "x", habitCount: 3 }, { token: me })).body.errors).toEqual({
      habitCount: "is not a known field",
    });
  });

  it("a name the user has, in any case, is 409 name_taken; another user may have it", async () => {
    const me = await token();
    expect((await api.post(tagsPath, { name: "Focus" }, { token: me })).status).toBe(201);
    expectProblem(await api.post(tagsPath, { name: "FOCUS" }, { token: me }), 409, "name_taken");
    expect((await api.post(tagsPath, { name: "focus" }, { token: await token() })).status).toBe(201);
  });

  it("an Idempotency-Key retry makes one tag and answers the same", async () => {
    const me = await token();
    const options = { token: me, headers: { "Idempotency-Key": "tag-1" } };
    const first = await api.post(tagsPath, { name: "once" }, options);
    const retry = await api.post(tagsPath, { name: "once" }, options);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect((await api.get(tagsPath, { token: me })).body.totalCount).toBe(1);
  });

  it("an unknown id and another user's tag are 404", async () => {
    const me = await token();
    const theirs = (await api.post(tagsPath, { name: "theirs" }, { token: await token() })).body;
    expectProblem(await api.get(`${tagsPath}/nope`, { token: me }), 404, "not_found");
    expectProblem(await api.get(`${tagsPath}/${theirs.id}`, { token: me }), 404, "not_found");
    expectProblem(await api.get(`${tagsPath}/nope`), 401, "credentials_required");
  });
});

describe("GET /tags", () => {
  it("pages the user's tags by name, with how many habits carry each", async () => {
    const me = await token();
    await api.post("/api/v1/habits", { name: "Read", tags: ["evening", "Books"] }, { token: me });
    await api.post("/api/v1/habits", { name: "Write", tags: ["evening"] }, { token: me });
    await api.post(tagsPath, { name: "alone" }, { token: me });
    await api.post(tagsPath, { name: "not mine" }, { token: await token() });
    const answer = await api.get(`${tagsPath}?pageSize=2`, { token: me });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ page: 1, pageSize: 2, totalCount: 3, totalPages: 2, hasNextPage: true });
    expect(answer.body.items.map((tag: { name: string; habitCount: number }) => [tag.name, tag.habitCount])).toEqual([
      ["alone", 0],
      ["Books", 1],
    ]);
    const second = await api.get(`${tagsPath}?pageSize=2&page=2`, { token: me });
    expect(second.body.items).toMatchObject([{ name: "evening", habitCount: 2 }]);
    expectProblem(await api.get(`${tagsPath}?pageSize=0`, { token: me }), 400, "validation_failed");
    expectProblem(await api.get(`${tagsPath}?sort=name`, { token: me }), 400, "validation_failed");
  });
});

describe("PUT /tags/{id}", () => {
  it("renames and recolors; the habits carry the new name; a color left out is none", async () => {
    const me = await token();
    const habit = (await api.post("/api/v1/habits", { name: "Read", tags: ["evening"] }, { token: me })).body;
    const tag = (await api.get(tagsPath, { token: me })).body.items[0];
    const renamed = await api.put(`${tagsPath}/${tag.id}`, { name: "night", color: "#111111" }, { token: me });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: tag.id, name: "night", color: "#111111", habitCount: 1 });
    expect((await api.get(`/api/v1/habits/${habit.id}`, { token: me })).body.tags).toEqual(["night"]);
    expect((await api.put(`${tagsPath}/${tag.id}`, { name: "night" }, { token: me })).body.color).toBeNull();
  });

  it("validates, refuses a taken name, and another user's tag is 404 and unchanged", async () => {
    const me = await token();
    const other = await token();
    const tag = (await api.post(tagsPath, { name: "one" }, { token: me })).body;
    await api.post(tagsPath, { name: "two" }, { token: me });
    const url = `${tagsPath}/${tag.id}`;
    expectProblem(await api.put(url, { color: "#111111" }, { token: me }), 400, "validation_failed");
    expectProblem(await api.put(url, { name: "one", color: "red" }, { token: me }), 400, "validation_failed");
    expectProblem(await api.put(url, { name: "Two" }, { token: me }), 409, "name_taken");
    expectProblem(await api.put(url, { name: "stolen" }, { token: other }), 404, "not_found");
    expectProblem(await api.put(`${tagsPath}/nope`, { name: "x" }, { token: me }), 404, "not_found");
    expect((await api.get(url, { token: me })).body).toEqual(tag);
  });
});

describe("DELETE /tags/{id}", () => {
  it("deletes: 204, its habits lose it; another user's is 404 and stays", async () => {
    const me = await token();
    const other = await token();
    const habit = (await api.post("/api/v1/habits", { name: "Read", tags: ["gone", "kept"] }, { token: me })).body;
    const gone = (await api.get(tagsPath, { token: me })).body.items.find(
      (tag: { name: string }) => tag.name === "gone",
    );
    expectProblem(await api.delete(`${tagsPath}/${gone.id}`, { token: other }), 404, "not_found");
    expect((await api.get(`${tagsPath}/${gone.id}`, { token: me })).status).toBe(200);
    expect((await api.delete(`${tagsPath}/${gone.id}`, { token: me })).status).toBe(204);
    expectProblem(await api.get(`${tagsPath}/${gone.id}`, { token: me }), 404, "not_found");
    expectProblem(await api.delete(`${tagsPath}/${gone.id}`, { token: me }), 404, "not_found");
    expect((await api.get(`/api/v1/habits/${habit.id}`, { token: me })).body.tags).toEqual(["kept"]);
  });
});
