// Rewards: the prizes completions can win, piece by piece, and claim once achieved.
import type { CoreDependencies } from "../core-dependencies.js";
import { type LimitReached, limitReached } from "../limits.js";
import { UniqueViolation } from "../ports/store.js";
import { fail, ok, type Result } from "../shared/result.js";
import type { Invalid } from "../shared/validation.js";
import { type Reward, type RewardClaim, type RewardStatus, rewardFieldsOf, rewardStatus } from "./reward.js";
import { type RewardInput, validateReward } from "./reward-input.js";

export type RewardFailure =
  | Invalid
  | { reason: "not_found" }
  | { reason: "name_taken"; name: string }
  | { reason: "already_claimed" };

export type ClaimFailure =
  | { reason: "not_found" }
  | { reason: "not_achieved"; piecesEarned: number; piecesRequired: number }
  | { reason: "already_claimed" };

export function createRewardService(deps: CoreDependencies) {
  const { store } = deps;

  async function guardName(
    name: string,
    write: () => Promise<Reward | undefined>,
  ): Promise<Result<Reward, RewardFailure>> {
    try {
      const reward = await write();
      return reward ? ok(reward) : fail({ reason: "not_found" });
    } catch (error) {
      if (error instanceof UniqueViolation && error.rule === "reward_active_name")
        return fail({ reason: "name_taken", name });
      throw error;
    }
  }

  return {
    /**
     * Refused with `limit_reached` when the user has as many rewards as allowed (inactive and
     * claimed ones count), counted under the user's lock so concurrent creates cannot pass it.
     */
    async create(userId: string, input: RewardInput): Promise<Result<Reward, RewardFailure | LimitReached>> {
      return store.transaction(async (tx) => {
        await tx.users.lock(userId);
        if (!(await tx.users.findById(userId))) return fail({ reason: "not_found" });
        const fields = validateReward(input);
        if (!fields.ok) return fields;
        const max = deps.settings.limits.rewards;
        if ((await tx.rewards.list(userId)).length >= max) return fail(limitReached("rewards", max));
        return guardName(fields.value.name, () => tx.rewards.create(userId, fields.value));
      });
    },

    /**
     * `limit_reached` when the user already has as many rewards as allowed, so a front end can say
     * so before asking for a new one (create still checks, under the lock).
     */
    async limitReached(userId: string): Promise<LimitReached | undefined> {
      const max = deps.settings.limits.rewards;
      return (await store.rewards.list(userId)).length >= max ? limitReached("rewards", max) : undefined;
    },

    async update(userId: string, rewardId: string, input: RewardInput): Promise<Result<Reward, RewardFailure>> {
      return store.transaction(async (tx) => {
        const current = await tx.rewards.findById(userId, rewardId);
        if (!current) return fail({ reason: "not_found" });
        const fields = validateReward(input, current);
        if (!fields.ok) return fields;
        // A claimed one-time reward is retired: making it active again would let it be won twice.
        const { active, isRecurring } = fields.value;
        if (active && !current.active && current.progress.claimed && !isRecurring)
          return fail({ reason: "already_claimed" });
        return guardName(fields.value.name, () => tx.rewards.update(userId, rewardId, fields.value));
      });
    },

    /** Refused while the reward holds unclaimed pieces, unless forced. */
    async delete(
      userId: string,
      rewardId: string,
      options: { force?: boolean } = {},
    ): Promise<Result<true, { reason: "not_found" } | { reason: "has_unclaimed_pieces"; piecesEarned: number }>> {
      return store.transaction(async (tx) => {
        await tx.users.lock(userId);
        const reward = await tx.rewards.findById(userId, rewardId);
        if (!reward) return fail({ reason: "not_found" });
        const unclaimed = reward.progress.claimed ? 0 : reward.progress.piecesEarned;
        if (unclaimed > 0 && !options.force) return fail({ reason: "has_unclaimed_pieces", piecesEarned: unclaimed });
        await tx.rewards.delete(userId, rewardId);
        return ok(true);
      });
    },

    /**
     * Claims an achieved reward: its pieces are spent (piecesEarned → 0, timesClaimed + 1). A
     * one-time reward then stays claimed and inactive; a recurring one is pending again with its
     * next piece.
     */
    async claim(
      userId: string,
      rewardId: string,
    ): Promise<Result<{ reward: Reward; claim: RewardClaim }, ClaimFailure>> {
      return store.transaction(async (tx) => {
        await tx.users.lock(userId);
        const reward = await tx.rewards.findById(userId, rewardId);
        if (!reward) return fail({ reason: "not_found" });
        const status = rewardStatus(reward);
        if (status === "claimed") return fail({ reason: "already_claimed" });
        if (status === "pending") {
          return fail({
            reason: "not_achieved",
            piecesEarned: reward.progress.piecesEarned,
            piecesRequired: reward.piecesRequired,
          });
        }
        const progress = { piecesEarned: 0, claimed: true, timesClaimed: reward.progress.timesClaimed + 1 };
        await tx.rewards.setProgress(reward.id, progress);
        let updated: Reward = { ...reward, progress };
        if (!reward.isRecurring) {
          const inactive = { ...rewardFieldsOf(reward), active: false };
          updated = { ...((await tx.rewards.update(userId, reward.id, inactive)) ?? updated), progress };
        }
        const claim = await tx.rewards.recordClaim(userId, reward.id, reward.progress.piecesEarned, deps.clock.now());
        return ok({ reward: updated, claim });
      });
    },

    get(userId: string, rewardId: string): Promise<Reward | undefined> {
      return store.rewards.findById(userId, rewardId);
    },

    async list(userId: string, filter: { status?: RewardStatus; active?: boolean } = {}): Promise<Reward[]> {
      const rewards = await store.rewards.list(userId, filter.active === undefined ? {} : { active: filter.active });
      return filter.status ? rewards.filter((reward) => rewardStatus(reward) === filter.status) : rewards;
    },

    claims(userId: string): Promise<RewardClaim[]> {
      return store.rewards.listClaims(userId);
    },
  };
}
