// The reward draw made on every counted completion (DOMAIN.md "The draw").
import type { RandomSource } from "../ports/random.js";
import type { RewardOdds } from "../users/user.js";

export interface Odds {
  /** The seed's formula: habit.weight × (1 + streak × 0.1). */
  totalWeight: number;
  /** totalWeight / (totalWeight + noRewardWeight), capped so minNoRewardChance stays "no reward". */
  winChance: number;
}

export function oddsOf(
  habitWeight: number,
  streak: number,
  odds: Pick<RewardOdds, "noRewardWeight" | "minNoRewardChance">,
): Odds {
  const totalWeight = habitWeight * (1 + streak * 0.1);
  const chance = totalWeight / (totalWeight + odds.noRewardWeight);
  return { totalWeight, winChance: Math.min(chance, 1 - odds.minNoRewardChance) };
}

export interface Candidate {
  id: string;
  weight: number;
}

/**
 * Wins with the odds' chance (or surely when `guaranteed`), then picks among the eligible rewards
 * in proportion to their weights. Nothing eligible: no reward, and no randomness is used.
 */
export function draw(
  odds: Odds,
  eligible: readonly Candidate[],
  guaranteed: boolean,
  random: RandomSource,
): { rewardId: string | null } {
  if (eligible.length === 0) return { rewardId: null };
  const roll = random.next();
  if (!guaranteed && roll >= odds.winChance) return { rewardId: null };
  return { rewardId: pickByWeight(eligible, random.next()) };
}

/** The candidate whose share of the total weight covers `roll` (0 ≤ roll < 1). */
export function pickByWeight(candidates: readonly Candidate[], roll: number): string {
  const total = candidates.reduce((sum, candidate) => sum + candidate.weight, 0);
  let point = roll * total;
  for (const candidate of candidates) {
    if (point < candidate.weight) return candidate.id;
    point -= candidate.weight;
  }
  // Rounding can leave the point a hair past the end: the last candidate.
  const last = candidates.at(-1);
  if (!last) throw new Error("pickByWeight needs at least one candidate");
  return last.id;
}
