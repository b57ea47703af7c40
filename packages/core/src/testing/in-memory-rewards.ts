import { nameKey } from "../habits/habit.js";
import { type RewardRepository, UniqueViolation } from "../ports/store.js";
import type { Reward, RewardClaim, RewardFields } from "../rewards/reward.js";
import {
  byCreatedAtThenId,
  type ClaimRow,
  compareText,
  deleteRewards,
  notFound,
  type RewardRow,
  type Scope,
  type State,
} from "./in-memory-state.js";

/** The columns a reward stores: extra properties of the argument are not kept. */
function columns(fields: RewardFields): RewardFields {
  return {
    name: fields.name,
    weight: fields.weight,
    piecesRequired: fields.piecesRequired,
    pieceValue: fields.pieceValue,
    maxDailyClaims: fields.maxDailyClaims,
    isRecurring: fields.isRecurring,
    active: fields.active,
  };
}

const activeNameKey = (fields: RewardFields): string | null => (fields.active ? nameKey(fields.name) : null);

function checkActiveName(state: State, userId: string, key: string | null, exceptId?: string): void {
  if (key === null) return;
  for (const reward of state.rewards.values()) {
    if (reward.userId === userId && reward.activeNameKey === key && reward.id !== exceptId) {
      throw new UniqueViolation("reward_active_name");
    }
  }
}

function toReward(state: State, row: RewardRow): Reward {
  const progress = state.progress.get(row.id);
  return structuredClone({
    ...row.fields,
    id: row.id,
    userId: row.userId,
    progress: {
      piecesEarned: progress?.piecesEarned ?? 0,
      claimed: progress?.claimed ?? false,
      timesClaimed: progress?.timesClaimed ?? 0,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

/** A claim with the reward's current name (the claim row stores only the reward's id). */
function toClaim(state: State, row: ClaimRow): RewardClaim {
  return structuredClone({
    id: row.id,
    rewardId: row.rewardId,
    rewardName: state.rewards.get(row.rewardId)?.fields.name ?? "",
    pieces: row.pieces,
    claimedAt: row.claimedAt,
  });
}

export function createRewardRepository(scope: Scope): RewardRepository {
  /** The user's reward, or undefined for a missing id and for another user's. */
  const owned = (state: State, userId: string, id: string): RewardRow | undefined => {
    const row = state.rewards.get(id);
    return row?.userId === userId ? row : undefined;
  };

  return {
    async create(userId, fields) {
      const state = scope.state();
      if (!state.users.has(userId)) throw notFound("user");
      const stored = columns(fields);
      checkActiveName(state, userId, activeNameKey(stored));
      const now = scope.now();
      const row: RewardRow = {
        id: scope.newId("reward"),
        userId,
        fields: stored,
        activeNameKey: activeNameKey(stored),
        createdAt: now,
        updatedAt: now,
      };
      state.rewards.set(row.id, row);
      state.progress.set(row.id, { rewardId: row.id, userId, piecesEarned: 0, claimed: false, timesClaimed: 0 });
      return toReward(state, row);
    },

    async update(userId, id, fields) {
      const state = scope.state();
      const row = owned(state, userId, id);
      if (!row) return undefined;
      const stored = columns(fields);
      checkActiveName(state, userId, activeNameKey(stored), id);
      Object.assign(row, { fields: stored, activeNameKey: activeNameKey(stored), updatedAt: scope.now() });
      return toReward(state, row);
    },

    async findById(userId, id) {
      const state = scope.state();
      const row = owned(state, userId, id);
      return row && toReward(state, row);
    },

    async list(userId, filter = {}) {
      const state = scope.state();
      return [...state.rewards.values()]
        .filter((row) => row.userId === userId)
        .filter((row) => filter.active === undefined || row.fields.active === filter.active)
        .sort(byCreatedAtThenId)
        .map((row) => toReward(state, row));
    },

    async delete(userId, id) {
      const state = scope.state();
      if (!owned(state, userId, id)) return false;
      deleteRewards(state, new Set([id]));
      return true;
    },

    async setProgress(rewardId, progress) {
      const row = scope.state().progress.get(rewardId);
      if (!row) return; // an UPDATE that matches no row
      row.piecesEarned = progress.piecesEarned;
      row.claimed = progress.claimed;
      row.timesClaimed = progress.timesClaimed;
    },

    async recordClaim(userId, rewardId, pieces, claimedAt) {
      const state = scope.state();
      if (!state.users.has(userId)) throw notFound("user");
      if (!owned(state, userId, rewardId)) throw notFound("reward");
      const row: ClaimRow = {
        id: scope.newId("claim"),
        userId,
        rewardId,
        pieces,
        claimedAt: new Date(claimedAt.getTime()),
      };
      state.claims.set(row.id, row);
      return toClaim(state, row);
    },

    async listClaims(userId) {
      const state = scope.state();
      return [...state.claims.values()]
        .filter((row) => row.userId === userId)
        .sort((a, b) => b.claimedAt.getTime() - a.claimedAt.getTime() || compareText(b.id, a.id))
        .map((row) => toClaim(state, row));
    },
  };
}
