import { type Reward, type RewardClaim, rewardLimits, rewardStatus } from "@habits/core";
import { selectableSchema } from "../../http/list-query.js";
import { pageSchema } from "../../http/paging.js";
import { iso, timestampSchema } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";

export const rewardStatuses = ["pending", "achieved", "claimed"] as const;

const progressSchema = z
  .strictObject({
    piecesEarned: z.number().int().min(0),
    piecesRequired: z.number().int().min(1),
    status: z.enum(rewardStatuses),
    timesClaimed: z.number().int().min(0),
  })
  .openapi("RewardProgress");

export const rewardSchema = z
  .strictObject({
    id: z.string(),
    name: z.string().openapi({ example: "Coffee out" }),
    weight: z.number().openapi({ description: "Relative odds among the rewards a draw can pick" }),
    piecesRequired: z.number().int().openapi({ description: "Pieces to collect before it can be claimed" }),
    pieceValue: z.number().nullable().openapi({ description: "What one piece is worth, if anything" }),
    maxDailyClaims: z.number().int().nullable().openapi({ description: "Most pieces a day; null = no limit" }),
    isRecurring: z.boolean().openapi({ description: "Pending again after a claim; a one-time one retires" }),
    active: z.boolean().openapi({ description: "Only active rewards are drawn" }),
    progress: progressSchema,
  })
  .openapi("Reward");

/** What `fields` may select on list items. */
export const rewardFields = [
  "id",
  "name",
  "weight",
  "piecesRequired",
  "pieceValue",
  "maxDailyClaims",
  "isRecurring",
  "active",
  "progress",
] as const;

export const rewardSortFields = [
  "name",
  "weight",
  "piecesRequired",
  "piecesEarned",
  "timesClaimed",
  "createdAt",
  "updatedAt",
] as const;

export const rewardListItemSchema = selectableSchema(
  rewardSchema.shape,
  "RewardListItem",
  "A reward with the fields `fields` selected (all of them without it)",
);

export const rewardPageSchema = pageSchema(rewardListItemSchema, "RewardPage");

export function presentReward(reward: Reward): z.input<typeof rewardSchema> {
  return {
    id: reward.id,
    name: reward.name,
    weight: reward.weight,
    piecesRequired: reward.piecesRequired,
    pieceValue: reward.pieceValue,
    maxDailyClaims: reward.maxDailyClaims,
    isRecurring: reward.isRecurring,
    active: reward.active,
    progress: {
      piecesEarned: reward.progress.piecesEarned,
      piecesRequired: reward.piecesRequired,
      status: rewardStatus(reward),
      timesClaimed: reward.progress.timesClaimed,
    },
  };
}

const fields = {
  name: z.string().openapi({ description: `1–${rewardLimits.name} characters, one line`, example: "Coffee out" }),
  weight: z.number().openapi({ description: `More than 0, at most ${rewardLimits.weight}; 1 by default` }),
  piecesRequired: z
    .number()
    .int()
    .openapi({ description: `1–${rewardLimits.piecesRequired}; 1 by default` }),
  pieceValue: z
    .number()
    .nullable()
    .openapi({ description: `0–${rewardLimits.pieceValue}, or null (the default)` }),
  maxDailyClaims: z
    .number()
    .int()
    .nullable()
    .openapi({ description: `0–${rewardLimits.maxDailyClaims}; 0 and null (the default) mean no limit` }),
  isRecurring: z.boolean().openapi({ description: "true by default" }),
  active: z.boolean().openapi({ description: "true by default" }),
};

/** POST and PUT: a whole reward; fields left out take their defaults. */
export const rewardInputSchema = z
  .strictObject({
    name: fields.name,
    weight: fields.weight.optional(),
    piecesRequired: fields.piecesRequired.optional(),
    pieceValue: fields.pieceValue.optional(),
    maxDailyClaims: fields.maxDailyClaims.optional(),
    isRecurring: fields.isRecurring.optional(),
    active: fields.active.optional(),
  })
  .openapi("RewardInput");

/** A JSON Merge Patch: fields left out stay, `null` clears pieceValue or maxDailyClaims. */
export const rewardPatchSchema = z
  .strictObject({
    name: fields.name.optional(),
    weight: fields.weight.optional(),
    piecesRequired: fields.piecesRequired.optional(),
    pieceValue: fields.pieceValue.optional(),
    maxDailyClaims: fields.maxDailyClaims.optional(),
    isRecurring: fields.isRecurring.optional(),
    active: fields.active.optional(),
  })
  .openapi("RewardPatch");

export const rewardDefaults = {
  weight: 1,
  piecesRequired: 1,
  pieceValue: null,
  maxDailyClaims: null,
  isRecurring: true,
  active: true,
} as const;

export const rewardClaimSchema = z
  .strictObject({
    id: z.string(),
    rewardId: z.string(),
    rewardName: z.string(),
    pieces: z.number().int().openapi({ description: "The pieces the claim spent" }),
    claimedAt: timestampSchema,
  })
  .openapi("RewardClaim");

export const claimResultSchema = z
  .strictObject({ reward: rewardSchema, claim: rewardClaimSchema })
  .openapi("RewardClaimResult");

export function presentClaim(claim: RewardClaim): z.input<typeof rewardClaimSchema> {
  return {
    id: claim.id,
    rewardId: claim.rewardId,
    rewardName: claim.rewardName,
    pieces: claim.pieces,
    claimedAt: iso(claim.claimedAt),
  };
}

export const rewardProgressSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        rewardId: z.string(),
        name: z.string(),
        active: z.boolean(),
        ...progressSchema.shape,
      }),
    ),
    totals: z.strictObject({
      pending: z.number().int().min(0),
      achieved: z.number().int().min(0),
      claimed: z.number().int().min(0),
      timesClaimed: z.number().int().min(0),
    }),
  })
  .openapi("RewardsProgress");
