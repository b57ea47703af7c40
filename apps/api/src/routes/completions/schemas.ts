import {
  type Completion,
  type CompletionOutcome,
  completionSources,
  itemLimits,
  type RevertOutcome,
  type Reward,
  type RewardProgress,
  rewardStatus,
} from "@habits/core";
import { pageEnvelopeFields, pageSchema } from "../../http/paging.js";
import { iso, timestampSchema } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";

/** A habit day, `YYYY-MM-DD` (a real date). */
export const localDateSchema = z.iso.date().openapi({ example: "2026-03-10" });

export const completionInputSchema = z
  .strictObject({
    date: localDateSchema.optional().openapi({ description: "The day it was done; the user's today when absent" }),
    value: z
      .number()
      .nullable()
      .optional()
      .openapi({ description: "Required for a measurable habit (> 0), refused for a binary one" }),
    note: z.string().nullable().optional().openapi({ description: "Up to 500 characters" }),
  })
  .openapi("CompletionInput");

export const completionSchema = z
  .strictObject({
    id: z.string(),
    habitId: z.string(),
    date: localDateSchema,
    value: z.number().nullable(),
    note: z.string().nullable(),
    source: z.enum(completionSources),
    streak: z.number().int().min(0).openapi({ description: "The streak at this date" }),
    createdAt: timestampSchema,
  })
  .openapi("Completion");

export function presentCompletion(completion: Completion): z.input<typeof completionSchema> {
  return {
    id: completion.id,
    habitId: completion.habitId,
    date: completion.date,
    value: completion.value,
    note: completion.note,
    source: completion.source,
    streak: completion.streak,
    createdAt: iso(completion.createdAt),
  };
}

const rewardProgressSchema = z
  .strictObject({
    piecesEarned: z.number().int().min(0),
    piecesRequired: z.number().int().min(1),
    status: z.enum(["pending", "achieved", "claimed"]),
    timesClaimed: z.number().int().min(0),
  })
  .openapi("CompletionRewardProgress");

/** A reward as a completion answer shows it (API.md's Reward shape). */
const wonRewardSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    weight: z.number(),
    piecesRequired: z.number().int(),
    pieceValue: z.number().nullable(),
    maxDailyClaims: z.number().int().nullable(),
    isRecurring: z.boolean(),
    active: z.boolean(),
    progress: rewardProgressSchema,
  })
  .openapi("CompletionReward");

function presentProgress(reward: Reward, progress: RewardProgress = reward.progress) {
  return {
    piecesEarned: progress.piecesEarned,
    piecesRequired: reward.piecesRequired,
    status: rewardStatus({ piecesRequired: reward.piecesRequired, progress }),
    timesClaimed: progress.timesClaimed,
  };
}

function presentReward(reward: Reward): z.input<typeof wonRewardSchema> {
  return {
    id: reward.id,
    name: reward.name,
    weight: reward.weight,
    piecesRequired: reward.piecesRequired,
    pieceValue: reward.pieceValue,
    maxDailyClaims: reward.maxDailyClaims,
    isRecurring: reward.isRecurring,
    active: reward.active,
    progress: presentProgress(reward),
  };
}

const streakPairSchema = z
  .strictObject({ current: z.number().int().min(0), longest: z.number().int().min(0) })
  .openapi("StreakPair");

export const completionOutcomeSchema = z
  .strictObject({
    completion: completionSchema,
    streak: streakPairSchema,
    reward: z
      .strictObject({
        won: z.boolean(),
        reward: wonRewardSchema.optional(),
        progress: rewardProgressSchema.optional(),
      })
      .openapi({ description: "The reward draw: what was won, and its progress" }),
    odds: z
      .strictObject({ totalWeight: z.number(), winChance: z.number().min(0).max(1) })
      .openapi({ description: "The odds of the draw made for this completion" }),
    milestone: z
      .strictObject({ kind: z.enum(["streak", "target"]), value: z.number().int() })
      .optional()
      .openapi({ description: "A 7, 30 or 100 streak, or the habit's own milestone count, reached now" }),
  })
  .openapi("CompletionOutcome");

export function presentOutcome(outcome: CompletionOutcome): z.input<typeof completionOutcomeSchema> {
  const { reward } = outcome;
  return {
    completion: presentCompletion(outcome.completion),
    streak: { current: outcome.streak.current, longest: outcome.streak.longest },
    reward: {
      won: reward.won,
      ...(reward.reward && { reward: presentReward(reward.reward) }),
      ...(reward.reward && reward.progress && { progress: presentProgress(reward.reward, reward.progress) }),
    },
    odds: { totalWeight: outcome.odds.totalWeight, winChance: outcome.odds.winChance },
    ...(outcome.milestone && { milestone: { kind: outcome.milestone.kind, value: outcome.milestone.value } }),
  };
}

export const revertOutcomeSchema = z
  .strictObject({
    reverted: completionSchema,
    streak: streakPairSchema,
    rewardTakenBack: z
      .union([wonRewardSchema, z.null()])
      .openapi({ description: "The reward whose piece was taken back, if the completion had earned one" }),
  })
  .openapi("RevertOutcome");

export function presentRevert(outcome: RevertOutcome): z.input<typeof revertOutcomeSchema> {
  return {
    reverted: presentCompletion(outcome.reverted),
    streak: { current: outcome.streak.current, longest: outcome.streak.longest },
    rewardTakenBack: outcome.rewardTakenBack ? presentReward(outcome.rewardTakenBack) : null,
  };
}

export const dateRangeQueryShape = {
  from: localDateSchema.optional().openapi({ description: "First day, included" }),
  to: localDateSchema.optional().openapi({ description: "Last day, included" }),
};

export const completionDateParams = z.strictObject({
  id: z.string().min(1).max(64),
  date: localDateSchema,
});

/** The most items one batch takes: more is 422 `too_many_items` (the handler), not a 400. */
const batchLimit = itemLimits.completionsPerBatch;

export const batchInputSchema = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          habitId: z.string().min(1).max(64),
          date: localDateSchema.optional(),
          value: z.number().nullable().optional(),
          note: z.string().nullable().optional(),
        }),
      )
      .min(1)
      .openapi({ description: `1–${batchLimit} completions, recorded in order (more: 422 too_many_items)` }),
  })
  .openapi("CompletionBatch");

/** One item's failure inside a batch answer. */
const itemProblemSchema = z.strictObject({
  status: z.number().int().min(400).max(599),
  code: z.string().openapi({ description: "The problem code the item alone would have had" }),
  title: z.string(),
  detail: z.string(),
  errors: z.record(z.string(), z.string()).optional(),
});

export const batchResultSchema = z
  .strictObject({
    atomic: z.boolean(),
    succeeded: z.number().int().min(0),
    failed: z.number().int().min(0),
    results: z.array(
      z.union([
        z.strictObject({ index: z.number().int().min(0), status: z.literal(201), outcome: completionOutcomeSchema }),
        z.strictObject({
          index: z.number().int().min(0),
          status: z.number().int().min(400),
          problem: itemProblemSchema,
        }),
      ]),
    ),
  })
  .openapi("CompletionBatchResult");

export const logPageSchema = z
  .strictObject({
    items: z.array(completionSchema),
    ...pageEnvelopeFields,
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: "Pass as `cursor` for the items after this page; null on the last page" }),
  })
  .openapi("HabitLogPage");

export const logCursorPageSchema = z
  .strictObject({
    items: z.array(completionSchema),
    pageSize: z.number().int().min(1).max(100),
    hasNextPage: z.boolean(),
    nextCursor: z.string().nullable().openapi({ description: "The next cursor; null when nothing follows" }),
  })
  .openapi("HabitLogCursorPage");

export const completionPageSchema = pageSchema(completionSchema, "CompletionPage");
