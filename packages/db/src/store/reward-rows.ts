// Reward rows <-> the domain's Reward, with its progress row (one per reward) and its claims.
import { nameKey, type Reward, type RewardClaim, type RewardFields } from "@habits/core";
import type { RewardClaim as ClaimRow, Prisma } from "../generated/sqlite/client.ts";

export const rewardInclude = { progress: true } satisfies Prisma.RewardInclude;

type RewardRow = Prisma.RewardGetPayload<{ include: typeof rewardInclude }>;

export function toReward(row: RewardRow): Reward {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    weight: row.weight,
    piecesRequired: row.piecesRequired,
    pieceValue: row.pieceValue,
    maxDailyClaims: row.maxDailyClaims,
    isRecurring: row.isRecurring,
    active: row.active,
    // Every reward gets its row on create; a missing one reads as nothing earned yet.
    progress: {
      piecesEarned: row.progress?.piecesEarned ?? 0,
      claimed: row.progress?.claimed ?? false,
      timesClaimed: row.progress?.timesClaimed ?? 0,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The reward's columns; the name key is set only while active, so inactive rewards free their name. */
export function rewardColumns(fields: RewardFields) {
  return {
    name: fields.name,
    activeNameKey: fields.active ? nameKey(fields.name) : null,
    weight: fields.weight,
    piecesRequired: fields.piecesRequired,
    pieceValue: fields.pieceValue,
    maxDailyClaims: fields.maxDailyClaims,
    isRecurring: fields.isRecurring,
    active: fields.active,
  };
}

export function toClaim(row: ClaimRow, rewardName: string): RewardClaim {
  return { id: row.id, rewardId: row.rewardId, rewardName, pieces: row.pieces, claimedAt: row.claimedAt };
}
