// Rewards through HTTP: create, list by status, read, replace, merge patch, delete (forced when it
// holds pieces), progress and claims; another user's reward is not found and stays as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, ApiClient } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

const rewards = "/api/v1/rewards";

let running: RunningApi;
let api: ApiClient;
beforeAll(async () => {
  running = await startApi();
  api = running.api;
});
afterAll(async () => running.close());

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ status, code });
}

async function account() {
  const { accessToken, user } = await registerAccount(api);
  return { token: accessToken, userId: user.id as string };
}

/** A reward with `pieces` pieces earned: each completion of the user's only habit due today wins one. */
async function rewardWithPieces(
  owner: { token: string; userId: string },
  body: Record<string, unknown>,
  pieces: number,
): Promise<string> {
  const made = await api.post(rewards, body, { token: owner.token });
  expect(made.status).toBe(201);
  for (let piece = 0; piece < pieces; piece += 1) {
    const habit = await running.core.habits.create(owner.userId, { name: `Habit ${made.body.id} ${piece}` });
    if (!habit.ok) throw new Error(habit.reason);
    const done = await running.core.completions.complete({
      userId: owner.userId,
      habitId: habit.value.id,
      source: "api",
    });
    if (!done.ok) throw new Error(done.reason);
    await running.core.habits.archive(owner.userId, habit.value.id);
  }
  return made.body.id;
}

describe("POST /rewards", () => {
  it("creates a reward with defaults, 201 with its Location", async () => {
    const { token } = await account();
    const answer = await api.post(rewards, { name: "  Coffee out " }, { token });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      name: "Coffee out",
      weight: 1,
      piecesRequired: 1,
      pieceValue: null,
      maxDailyClaims: null,
      isRecurring: true,
      active: true,
      progress: { piecesEarned: 0, piecesRequired: 1, status: "pending", timesClaimed: 0 },
    });
    expect(answer.headers.get("location")).toBe(`${rewards}/${answer.body.id}`);
    expect((await api.get(answer.headers.get("location") ?? "", { token })).body).toEqual(answer.body);
  });

  it("takes every field", async () => {
    const { token } = await account();
    const body = {
      name: "Movie",
      weight: 2.5,
      piecesRequired: 3,
      pieceValue: 4.5,
      maxDailyClaims: 2,
      isRecurring: false,
      active: false,
    };
    const answer = await api.post(rewards, body, { token });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ ...body, progress: { piecesRequired: 3, status: "pending" } });
  });

  it("refuses a second active reward of the same name: 409 name_taken", async () => {
    const { token } = await account();
    await api.post(rewards, { name: "Book" }, { token });
    expectProblem(await api.post(rewards, { name: "book" }, { token }), 409, "name_taken");
  });

  it("refuses invalid fields with errors by field", async () => {
    const { token } = await account();
    const noName = await api.post(rewards, {}, { token });
    expectProblem(noName, 400, "validation_failed");
    expect(noName.body.errors).toHaveProperty("name");
    const unknown = await api.post(rewards, { name: "X", colour: "red" }, { token });
    expectProblem(unknown, 400, "validation_failed");
    const wrongType = await api.post(rewards, { name: "X", weight: "heavy" }, { token });
    expect(wrongType.body.errors).toHaveProperty("weight");
    const ranges = await api.post(
      rewards,
      { name: "", weight: 0, piecesRequired: 0, pieceValue: -1, maxDailyClaims: 101 },
      { token },
    );
    expectProblem(ranges, 400, "validation_failed");
    expect(Object.keys(ranges.body.errors).sort()).toEqual(
      ["maxDailyClaims", "name", "pieceValue", "piecesRequired", "weight"].sort(),
    );
    expectProblem(await api.post(rewards, { name: "X", piecesRequired: 1.5 }, { token }), 400, "validation_failed");
  });

  it("needs credentials", async () => {
    expectProblem(await api.post(rewards, { name: "X" }), 401, "credentials_required");
    expectProblem(await api.get(rewards), 401, "credentials_required");
  });
});

describe("GET /rewards", () => {
  it("pages the user's rewards and filters by status", async () => {
    const owner = await account();
    const achieved = await rewardWithPieces(owner, { name: "Achieved" }, 1);
    await api.patch(`${rewards}/${achieved}`, { active: false }, { token: owner.token });
    for (const name of ["A", "B", "C"]) await api.post(rewards, { name, piecesRequired: 5 }, { token: owner.token });

    const all = await api.get(`${rewards}?pageSize=2`, { token: owner.token });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 2, totalCount: 4, totalPages: 2, hasNextPage: true });
    expect(all.body.items).toHaveLength(2);
    const second = await api.get(`${rewards}?pageSize=2&page=2`, { token: owner.token });
    expect(second.body).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const onlyAchieved = await api.get(`${rewards}?status=achieved`, { token: owner.token });
    expect(onlyAchieved.body.items.map((item: { id: string }) => item.id)).toEqual([achieved]);
    const pending = await api.get(`${rewards}?status=pending`, { token: owner.token });
    expect(pending.body.totalCount).toBe(3);
    expect((await api.get(`${rewards}?status=claimed`, { token: owner.token })).body.items).toEqual([]);
  });

  it("refuses a bad status or page", async () => {
    const { token } = await account();
    expectProblem(await api.get(`${rewards}?status=won`, { token }), 400, "validation_failed");
    expectProblem(await api.get(`${rewards}?page=0`, { token }), 400, "validation_failed");
    expectProblem(await api.get(`${rewards}?pageSize=101`, { token }), 400, "validation_failed");
    expectProblem(await api.get(`${rewards}?colour=red`, { token }), 400, "validation_failed");
  });

  it("sorts, filters by active and name, and selects fields", async () => {
    const { token } = await account();
    await api.post(rewards, { name: "Banana", weight: 3, piecesRequired: 2 }, { token });
    await api.post(rewards, { name: "apple", weight: 1, piecesRequired: 5, active: false }, { token });
    await api.post(rewards, { name: "Cherry pie", weight: 2, piecesRequired: 2 }, { token });
    const names = (answer: Answer) => answer.body.items.map((item: { name: string }) => item.name);

    expect(names(await api.get(rewards, { token }))).toEqual(["Banana", "apple", "Cherry pie"]);
    expect(names(await api.get(`${rewards}?sort=name`, { token }))).toEqual(["apple", "Banana", "Cherry pie"]);
    expect(names(await api.get(`${rewards}?sort=-weight`, { token }))).toEqual(["Banana", "Cherry pie", "apple"]);
    expect(names(await api.get(`${rewards}?sort=piecesRequired,-name`, { token }))).toEqual([
      "Cherry pie",
      "Banana",
      "apple",
    ]);
    expect(names(await api.get(`${rewards}?sort=-createdAt`, { token }))).toEqual(["Cherry pie", "apple", "Banana"]);
    expect(names(await api.get(`${rewards}?active=false`, { token }))).toEqual(["apple"]);
    expect(names(await api.get(`${rewards}?active=true&q=AN`, { token }))).toEqual(["Banana"]);
    expect(names(await api.get(`${rewards}?q=pie`, { token }))).toEqual(["Cherry pie"]);

    const selected = await api.get(`${rewards}?fields=name,progress&sort=name&pageSize=1`, { token });
    expect(selected.body.items).toEqual([
      { name: "apple", progress: { piecesEarned: 0, piecesRequired: 5, status: "pending", timesClaimed: 0 } },
    ]);
    expect(selected.body.totalCount).toBe(3);
  });

  it("refuses an unknown sort or field", async () => {
    const { token } = await account();
    const sort = await api.get(`${rewards}?sort=colour`, { token });
    expectProblem(sort, 400, "validation_failed");
    expect(sort.body.errors).toHaveProperty("sort");
    expectProblem(await api.get(`${rewards}?sort=name,-name`, { token }), 400, "validation_failed");
    const fields = await api.get(`${rewards}?fields=id,secret`, { token });
    expectProblem(fields, 400, "validation_failed");
    expect(fields.body.errors).toHaveProperty("fields");
    expectProblem(await api.get(`${rewards}?active=yes`, { token }), 400, "validation_failed");
  });

  it("shows only the user's own rewards", async () => {
    const alice = await account();
    const bob = await account();
    await api.post(rewards, { name: "Alice's" }, { token: alice.token });
    expect((await api.get(rewards, { token: bob.token })).body.totalCount).toBe(0);
  });
});

describe("GET, PUT, PATCH /rewards/{id}", () => {
  it("replaces with PUT: fields left out take their defaults, progress stays", async () => {
    const owner = await account();
    const id = await rewardWithPieces(owner, { name: "Bike", piecesRequired: 4, weight: 3, pieceValue: 10 }, 1);
    const answer = await api.put(`${rewards}/${id}`, { name: "Bicycle", piecesRequired: 5 }, { token: owner.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id,
      name: "Bicycle",
      weight: 1,
      piecesRequired: 5,
      pieceValue: null,
      progress: { piecesEarned: 1, piecesRequired: 5, status: "pending" },
    });
    expectProblem(await api.put(`${rewards}/${id}`, { weight: 2 }, { token: owner.token }), 400, "validation_failed");
  });

  it("merges a PATCH: fields left out stay, null clears", async () => {
    const { token } = await account();
    const made = await api.post(rewards, { name: "Tea", pieceValue: 3, maxDailyClaims: 2, weight: 4 }, { token });
    const patched = await api.patch(
      `${rewards}/${made.body.id}`,
      { pieceValue: null, name: "Green tea" },
      {
        token,
        contentType: "application/merge-patch+json",
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Green tea", pieceValue: null, maxDailyClaims: 2, weight: 4 });
    const zero = await api.patch(`${rewards}/${made.body.id}`, { maxDailyClaims: 0 }, { token });
    expect(zero.body.maxDailyClaims).toBeNull();
    expectProblem(await api.patch(`${rewards}/${made.body.id}`, { weight: -1 }, { token }), 400, "validation_failed");
    expectProblem(await api.patch(`${rewards}/${made.body.id}`, { progress: {} }, { token }), 400, "validation_failed");
    expectProblem(
      await api.request("PATCH", `${rewards}/${made.body.id}`, { raw: "{}", contentType: "text/plain", token }),
      415,
      "unsupported_media_type",
    );
  });

  it("refuses a name another active reward has", async () => {
    const { token } = await account();
    await api.post(rewards, { name: "Cake" }, { token });
    const other = await api.post(rewards, { name: "Pie" }, { token });
    expectProblem(await api.patch(`${rewards}/${other.body.id}`, { name: "CAKE" }, { token }), 409, "name_taken");
    expectProblem(await api.put(`${rewards}/${other.body.id}`, { name: "cake" }, { token }), 409, "name_taken");
  });

  it("refuses to activate a claimed one-time reward: 409 already_claimed", async () => {
    const owner = await account();
    const id = await rewardWithPieces(owner, { name: "Trip", isRecurring: false }, 1);
    expect((await api.post(`${rewards}/${id}/claim`, undefined, { token: owner.token })).status).toBe(200);
    expectProblem(
      await api.patch(`${rewards}/${id}`, { active: true }, { token: owner.token }),
      409,
      "already_claimed",
    );
    expectProblem(
      await api.put(`${rewards}/${id}`, { name: "Trip", isRecurring: false }, { token: owner.token }),
      409,
      "already_claimed",
    );
    // Renaming it while it stays inactive is fine.
    expect((await api.patch(`${rewards}/${id}`, { name: "Old trip" }, { token: owner.token })).status).toBe(200);
  });

  it("answers 404 for an unknown id", async () => {
    const { token } = await account();
    const unknown = `${rewards}/no-such-reward`;
    expectProblem(await api.get(unknown, { token }), 404, "not_found");
    expectProblem(await api.put(unknown, { name: "X" }, { token }), 404, "not_found");
    expectProblem(await api.patch(unknown, { name: "X" }, { token }), 404, "not_found");
    expectProblem(await api.delete(unknown, { token }), 404, "not_found");
    expectProblem(await api.post(`${unknown}/claim`, undefined, { token }), 404, "not_found");
  });
});

describe("DELETE /rewards/{id}", () => {
  it("deletes a reward without pieces: 204, then gone", async () => {
    const { token } = await account();
    const made = await api.post(rewards, { name: "Gone" }, { token });
    const answer = await api.delete(`${rewards}/${made.body.id}`, { token });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expectProblem(await api.get(`${rewards}/${made.body.id}`, { token }), 404, "not_found");
  });

  it("refuses one with unclaimed pieces (409 has_unclaimed_pieces) unless force=true", async () => {
    const owner = await account();
    const id = await rewardWithPieces(owner, { name: "Pieces", piecesRequired: 3 }, 1);
    expectProblem(await api.delete(`${rewards}/${id}`, { token: owner.token }), 409, "has_unclaimed_pieces");
    expectProblem(
      await api.delete(`${rewards}/${id}?force=false`, { token: owner.token }),
      409,
      "has_unclaimed_pieces",
    );
    expect((await api.get(`${rewards}/${id}`, { token: owner.token })).status).toBe(200);
    expectProblem(await api.delete(`${rewards}/${id}?force=yes`, { token: owner.token }), 400, "validation_failed");
    expect((await api.delete(`${rewards}/${id}?force=true`, { token: owner.token })).status).toBe(204);
    expectProblem(await api.get(`${rewards}/${id}`, { token: owner.token }), 404, "not_found");
  });
});

describe("POST /rewards/{id}/claim", () => {
  it("claims an achieved one-time reward once: then it is claimed and inactive", async () => {
    const owner = await account();
    const id = await rewardWithPieces(owner, { name: "Concert", piecesRequired: 2, isRecurring: false }, 2);
    const answer = await api.post(`${rewards}/${id}/claim`, undefined, { token: owner.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      reward: expect.objectContaining({
        id,
        active: false,
        progress: { piecesEarned: 0, piecesRequired: 2, status: "claimed", timesClaimed: 1 },
      }),
      claim: { id: expect.any(String), rewardId: id, rewardName: "Concert", pieces: 2, claimedAt: expect.any(String) },
    });
    expectProblem(await api.post(`${rewards}/${id}/claim`, undefined, { token: owner.token }), 409, "already_claimed");
  });

  it("claims a recurring reward: it stays active", async () => {
    const owner = await account();
    const id = await rewardWithPieces(owner, { name: "Snack" }, 1);
    const answer = await api.post(`${rewards}/${id}/claim`, {}, { token: owner.token });
    expect(answer.status).toBe(200);
    expect(answer.body.reward).toMatchObject({ active: true, progress: { timesClaimed: 1, piecesEarned: 0 } });
  });

  it("refuses a reward not achieved yet: 422 reward_not_achieved", async () => {
    const owner = await account();
    const id = await rewardWithPieces(owner, { name: "Far", piecesRequired: 3 }, 1);
    expectProblem(
      await api.post(`${rewards}/${id}/claim`, undefined, { token: owner.token }),
      422,
      "reward_not_achieved",
    );
  });

  it("takes no body", async () => {
    const owner = await account();
    const id = await rewardWithPieces(owner, { name: "Body" }, 1);
    expectProblem(
      await api.post(`${rewards}/${id}/claim`, { please: true }, { token: owner.token }),
      400,
      "validation_failed",
    );
  });
});

describe("Idempotency-Key", () => {
  it("replays a create and a claim instead of doing them twice", async () => {
    const owner = await account();
    const headers = { "Idempotency-Key": "reward-create-1" };
    const first = await api.post(rewards, { name: "Once" }, { token: owner.token, headers });
    const again = await api.post(rewards, { name: "Once" }, { token: owner.token, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect((await api.get(rewards, { token: owner.token })).body.totalCount).toBe(1);
    expectProblem(
      await api.post(rewards, { name: "Other" }, { token: owner.token, headers }),
      422,
      "idempotency_key_reused",
    );

    const id = await rewardWithPieces(owner, { name: "Claim once" }, 1);
    const claimHeaders = { "Idempotency-Key": "reward-claim-1" };
    const claimed = await api.post(`${rewards}/${id}/claim`, undefined, { token: owner.token, headers: claimHeaders });
    const replayed = await api.post(`${rewards}/${id}/claim`, undefined, { token: owner.token, headers: claimHeaders });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toEqual(claimed.body);
    expect((await api.get(`${rewards}/${id}`, { token: owner.token })).body.progress.timesClaimed).toBe(1);
  });
});

describe("GET /rewards/progress", () => {
  it("lists every reward's progress and the totals", async () => {
    const owner = await account();
    const claimed = await rewardWithPieces(owner, { name: "Done", isRecurring: false }, 1);
    await api.post(`${rewards}/${claimed}/claim`, undefined, { token: owner.token });
    const achieved = await rewardWithPieces(owner, { name: "Ready" }, 1);
    await api.post(rewards, { name: "Later", piecesRequired: 10 }, { token: owner.token });
    const answer = await api.get(`${rewards}/progress`, { token: owner.token });
    expect(answer.status).toBe(200);
    expect(answer.body.totals).toEqual({ pending: 1, achieved: 1, claimed: 1, timesClaimed: 1 });
    expect(answer.body.items).toContainEqual({
      rewardId: achieved,
      name: "Ready",
      active: true,
      piecesEarned: 1,
      piecesRequired: 1,
      status: "achieved",
      timesClaimed: 0,
    });
    expect(answer.body.items).toContainEqual(expect.objectContaining({ rewardId: claimed, status: "claimed" }));
  });

  it("is empty for a new account", async () => {
    const { token } = await account();
    expect((await api.get(`${rewards}/progress`, { token })).body).toEqual({
      items: [],
      totals: { pending: 0, achieved: 0, claimed: 0, timesClaimed: 0 },
    });
  });
});

describe("another user's reward", () => {
  it("is not found for every operation, and stays as it was", async () => {
    const alice = await account();
    const bob = await account();
    const id = await rewardWithPieces(alice, { name: "Alice's prize", piecesRequired: 1 }, 1);
    const before = (await api.get(`${rewards}/${id}`, { token: alice.token })).body;
    const path = `${rewards}/${id}`;
    expectProblem(await api.get(path, { token: bob.token }), 404, "not_found");
    expectProblem(await api.put(path, { name: "Mine" }, { token: bob.token }), 404, "not_found");
    expectProblem(await api.patch(path, { name: "Mine" }, { token: bob.token }), 404, "not_found");
    expectProblem(await api.delete(path, { token: bob.token }), 404, "not_found");
    expectProblem(await api.delete(`${path}?force=true`, { token: bob.token }), 404, "not_found");
    expectProblem(await api.post(`${path}/claim`, undefined, { token: bob.token }), 404, "not_found");
    expect((await api.get(path, { token: alice.token })).body).toEqual(before);
    expect((await api.get(`${rewards}/progress`, { token: bob.token })).body.items).toEqual([]);
  });
});
