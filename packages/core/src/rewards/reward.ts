import type { LocalDate } from "../time/local-date.js";

export interface RewardProgress {
  piecesEarned: number;
  claimed: boolean;
  timesClaimed: number;
}

export interface RewardFields {
  name: string;
  /** Relative odds among the rewards a draw can pick. */
  weight: number;
  piecesRequired: number;
  pieceValue: number | null;
  /** Most pieces awarded per local day, claimed ones included; null = unlimited. */
  maxDailyClaims: number | null;
  isRecurring: boolean;
  active: boolean;
}

export interface Reward extends RewardFields {
  id: string;
  userId: string;
  progress: RewardProgress;
  createdAt: Date;
  updatedAt: Date;
}

export type RewardStatus = "pending" | "achieved" | "claimed";

export function rewardStatus(reward: Pick<Reward, "piecesRequired" | "progress">): RewardStatus {
  if (reward.progress.claimed) return "claimed";
  return reward.progress.piecesEarned >= reward.piecesRequired ? "achieved" : "pending";
}

/** The draw made for one habit and date; kept, so undo and redo never roll again. */
export interface RewardDraw {
  id: string;
  habitId: string;
  date: LocalDate;
  won: boolean;
  rewardId: string | null;
  /** The local day the piece was awarded, for the daily limit. */
  awardedOn: LocalDate;
  /** False while the completion that earned the piece is reverted. */
  pieceHeld: boolean;
}

export interface RewardClaim {
  id: string;
  rewardId: string;
  rewardName: string;
  pieces: number;
  claimedAt: Date;
}

export function rewardFieldsOf(reward: Reward): RewardFields {
  const { name, weight, piecesRequired, pieceValue, maxDailyClaims, isRecurring, active } = reward;
  return { name, weight, piecesRequired, pieceValue, maxDailyClaims, isRecurring, active };
}
