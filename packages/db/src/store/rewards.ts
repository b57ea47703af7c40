import { randomUUID } from "node:crypto";
import type { RewardRepository } from "@habits/core";
import { requireOwnReward } from "./ownership.js";
import { rewardColumns, rewardInclude, toClaim, toReward } from "./reward-rows.js";
import type { StoreScope } from "./scope.js";

export function rewardRepository(scope: StoreScope): RewardRepository {
  const { db } = scope;
  return {
    create: (userId, fields) =>
      scope.write(async (tx) => {
        const row = await tx.reward.create({
          data: {
            id: randomUUID(),
            userId,
            ...rewardColumns(fields),
            progress: { create: { id: randomUUID(), userId } },
          },
          include: rewardInclude,
        });
        return toReward(row);
      }),

    update: (userId, id, fields) =>
      scope.write(async (tx) => {
        const { count } = await tx.reward.updateMany({ where: { id, userId }, data: rewardColumns(fields) });
        if (count === 0) return undefined;
        return toReward(await tx.reward.findUniqueOrThrow({ where: { id }, include: rewardInclude }));
      }),

    async findById(userId, id) {
      const row = await db.reward.findFirst({ where: { id, userId }, include: rewardInclude });
      return row ? toReward(row) : undefined;
    },

    async list(userId, filter = {}) {
      const rows = await db.reward.findMany({
        where: { userId, active: filter.active },
        include: rewardInclude,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map(toReward);
    },

    // Progress and claims cascade; draws that picked the reward keep existing with rewardId null.
    delete: (userId, id) =>
      scope.write(async (tx) => (await tx.reward.deleteMany({ where: { id, userId } })).count > 0),

    async setProgress(rewardId, progress) {
      const values = {
        piecesEarned: progress.piecesEarned,
        claimed: progress.claimed,
        timesClaimed: progress.timesClaimed,
      };
      await scope.write(async (tx) => {
        const reward = await tx.reward.findUnique({ where: { id: rewardId }, select: { userId: true } });
        // No reward, nothing to set: like an UPDATE that matches no row.
        if (!reward) return;
        await tx.rewardProgress.upsert({
          where: { rewardId },
          create: { id: randomUUID(), userId: reward.userId, rewardId, ...values },
          update: values,
        });
      });
    },

    recordClaim: (userId, rewardId, pieces, claimedAt) =>
      scope.write(async (tx) => {
        const reward = await requireOwnReward(tx, userId, rewardId);
        const row = await tx.rewardClaim.create({ data: { id: randomUUID(), userId, rewardId, pieces, claimedAt } });
        return toClaim(row, reward.name);
      }),

    async listClaims(userId) {
      const rows = await db.rewardClaim.findMany({
        where: { userId },
        include: { reward: { select: { name: true } } },
        orderBy: [{ claimedAt: "desc" }, { id: "desc" }],
      });
      return rows.map((row) => toClaim(row, row.reward.name));
    },
  };
}
