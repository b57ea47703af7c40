// Rewards: the prizes completions win piece by piece; their progress and claims.
import { compareValues, fieldsParam, selectFields, sortItems, sortParam } from "../../http/list-query.js";
import { pageQueryShape, paginate } from "../../http/paging.js";
import { type ApiRoutes, created, failed, noContent, ok, problemReply } from "../../http/route.js";
import { idParams } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";
import type { RouteDependencies } from "../dependencies.js";
import {
  claimResultSchema,
  presentClaim,
  presentReward,
  rewardDefaults,
  rewardFields,
  rewardInputSchema,
  rewardPageSchema,
  rewardPatchSchema,
  rewardProgressSchema,
  rewardSchema,
  rewardSortFields,
  rewardStatuses,
} from "./schemas.js";

const tags = ["Rewards"];

const listQuery = z.strictObject({
  ...pageQueryShape,
  status: z.enum(rewardStatuses).optional().openapi({ description: "Only rewards in this state" }),
  active: z.enum(["true", "false"]).optional().openapi({ description: "Only active, or only inactive, rewards" }),
  q: z.string().max(200).optional().openapi({ description: "Rewards whose name holds this text, any case" }),
  sort: sortParam(rewardSortFields),
  fields: fieldsParam(rewardFields),
});

const deleteQuery = z.strictObject({
  force: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "`true` deletes a reward that still holds unclaimed pieces" }),
});

export function registerRewardRoutes(routes: ApiRoutes, { core }: RouteDependencies): void {
  const locationOf = (id: string) => `${routes.basePath}/rewards/${encodeURIComponent(id)}`;

  routes.add({
    operationId: "listRewards",
    method: "get",
    path: "/rewards",
    tags,
    summary: "The user's rewards",
    description:
      "Active and inactive ones alike, oldest first unless `sort` says otherwise; `status`, `active` and `q` " +
      "filter, `fields` selects.",
    auth: true,
    access: "read",
    request: { query: listQuery },
    responses: { 200: { description: "A page of rewards", body: rewardPageSchema } },
    handler: async ({ principal, query }) => {
      const text = query.q?.trim().toLocaleLowerCase("en");
      const rewards = (
        await core.rewards.list(principal.userId, {
          ...(query.status && { status: query.status }),
          ...(query.active && { active: query.active === "true" }),
        })
      ).filter((reward) => !text || reward.name.toLocaleLowerCase("en").includes(text));
      const sorted = sortItems(rewards, query.sort, {
        name: { compare: (a, b) => compareValues(a.name, b.name) },
        weight: { compare: (a, b) => a.weight - b.weight },
        piecesRequired: { compare: (a, b) => a.piecesRequired - b.piecesRequired },
        piecesEarned: { compare: (a, b) => a.progress.piecesEarned - b.progress.piecesEarned },
        timesClaimed: { compare: (a, b) => a.progress.timesClaimed - b.progress.timesClaimed },
        createdAt: { compare: (a, b) => a.createdAt.getTime() - b.createdAt.getTime() },
        updatedAt: { compare: (a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() },
      });
      const page = paginate(sorted, query);
      return ok({ ...page, items: page.items.map((reward) => selectFields(presentReward(reward), query.fields)) });
    },
  });

  routes.add({
    operationId: "createReward",
    method: "post",
    path: "/rewards",
    tags,
    summary: "Create a reward",
    auth: true,
    access: "write",
    idempotent: true,
    request: { body: rewardInputSchema },
    responses: {
      201: { description: "The reward", body: rewardSchema, headers: { Location: "The reward" } },
    },
    errors: ["name_taken", "limit_reached"],
    handler: async ({ principal, body }) => {
      const made = await core.rewards.create(principal.userId, { ...rewardDefaults, ...body });
      if (!made.ok) {
        // No user: the account was deleted a moment ago. A new reward is never claimed.
        if (made.reason === "not_found") return problemReply("session_revoked", "The account no longer exists.");
        if (made.reason === "already_claimed") throw new Error("a new reward was refused as claimed");
        return failed(made);
      }
      return created(presentReward(made.value), locationOf(made.value.id));
    },
  });

  // Before /rewards/{id}, so "progress" is not taken for an id.
  routes.add({
    operationId: "getRewardsProgress",
    method: "get",
    path: "/rewards/progress",
    tags,
    summary: "Every reward's progress and the totals",
    description: "`totals` counts rewards by status; `timesClaimed` adds up every claim.",
    auth: true,
    access: "read",
    responses: { 200: { description: "Progress", body: rewardProgressSchema } },
    handler: async ({ principal }) => {
      const rewards = (await core.rewards.list(principal.userId)).map(presentReward);
      const count = (status: (typeof rewardStatuses)[number]) =>
        rewards.filter((reward) => reward.progress.status === status).length;
      return ok({
        items: rewards.map((reward) => ({
          rewardId: reward.id,
          name: reward.name,
          active: reward.active,
          ...reward.progress,
        })),
        totals: {
          pending: count("pending"),
          achieved: count("achieved"),
          claimed: count("claimed"),
          timesClaimed: rewards.reduce((sum, reward) => sum + reward.progress.timesClaimed, 0),
        },
      });
    },
  });

  routes.add({
    operationId: "getReward",
    method: "get",
    path: "/rewards/{id}",
    tags,
    summary: "One reward",
    auth: true,
    access: "read",
    request: { params: idParams },
    responses: { 200: { description: "The reward", body: rewardSchema } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const reward = await core.rewards.get(principal.userId, params.id);
      return reward ? ok(presentReward(reward)) : failed({ reason: "not_found" });
    },
  });

  routes.add({
    operationId: "replaceReward",
    method: "put",
    path: "/rewards/{id}",
    tags,
    summary: "Replace a reward",
    description:
      "Fields left out take their defaults, as on create. Progress stays. Activating a claimed one-time reward " +
      "is refused (`already_claimed`).",
    auth: true,
    access: "write",
    request: { params: idParams, body: rewardInputSchema },
    responses: { 200: { description: "The reward as replaced", body: rewardSchema } },
    errors: ["not_found", "name_taken", "already_claimed"],
    handler: async ({ principal, params, body }) => {
      const updated = await core.rewards.update(principal.userId, params.id, { ...rewardDefaults, ...body });
      if (!updated.ok) return failed(updated);
      return ok(presentReward(updated.value));
    },
  });

  routes.add({
    operationId: "updateReward",
    method: "patch",
    path: "/rewards/{id}",
    tags,
    summary: "Change a reward",
    description:
      "A JSON Merge Patch (RFC 7396): fields left out stay, `null` clears pieceValue or maxDailyClaims. " +
      "Activating a claimed one-time reward is refused (`already_claimed`).",
    auth: true,
    access: "write",
    request: {
      params: idParams,
      body: rewardPatchSchema,
      contentTypes: ["application/json", "application/merge-patch+json"],
    },
    responses: { 200: { description: "The reward as changed", body: rewardSchema } },
    errors: ["not_found", "name_taken", "already_claimed"],
    handler: async ({ principal, params, body }) => {
      const updated = await core.rewards.update(principal.userId, params.id, body);
      if (!updated.ok) return failed(updated);
      return ok(presentReward(updated.value));
    },
  });

  routes.add({
    operationId: "deleteReward",
    method: "delete",
    path: "/rewards/{id}",
    tags,
    summary: "Delete a reward",
    description: "Refused while it holds unclaimed pieces (`has_unclaimed_pieces`) unless `force=true`.",
    auth: true,
    access: "write",
    request: { params: idParams, query: deleteQuery },
    responses: { 204: { description: "Deleted" } },
    errors: ["not_found", "has_unclaimed_pieces"],
    handler: async ({ principal, params, query }) => {
      const deleted = await core.rewards.delete(principal.userId, params.id, { force: query.force === "true" });
      if (!deleted.ok) return failed(deleted);
      return noContent();
    },
  });

  routes.add({
    operationId: "claimReward",
    method: "post",
    path: "/rewards/{id}/claim",
    tags,
    summary: "Claim an achieved reward",
    idempotent: true,
    description:
      "Spends its pieces. A one-time reward is then claimed and inactive; a recurring one is pending again. " +
      "Not achieved yet: 422 `reward_not_achieved`; a claimed one-time reward: 409 `already_claimed`.",
    auth: true,
    access: "write",
    request: { params: idParams },
    responses: { 200: { description: "The reward after the claim, and the claim", body: claimResultSchema } },
    errors: ["not_found", "reward_not_achieved", "already_claimed"],
    handler: async ({ principal, params }) => {
      const claimed = await core.rewards.claim(principal.userId, params.id);
      if (!claimed.ok) return failed(claimed);
      return ok({ reward: presentReward(claimed.value.reward), claim: presentClaim(claimed.value.claim) });
    },
  });
}
