import { randomUUID } from "node:crypto";
import type { DrawRepository, RewardDraw } from "@habits/core";
import type { RewardDraw as DrawRow } from "../generated/sqlite/client.ts";
import { requireOwnHabit, requireOwnReward } from "./ownership.js";
import type { StoreScope } from "./scope.js";

function toDraw(row: DrawRow): RewardDraw {
  return {
    id: row.id,
    habitId: row.habitId,
    date: row.date,
    won: row.won,
    rewardId: row.rewardId,
    awardedOn: row.awardedOn,
    pieceHeld: row.pieceHeld,
  };
}

export function drawRepository(scope: StoreScope): DrawRepository {
  const { db } = scope;
  return {
    insert: (draw) =>
      scope.write(async (tx) => {
        await requireOwnHabit(tx, draw.userId, draw.habitId);
        if (draw.rewardId !== null) await requireOwnReward(tx, draw.userId, draw.rewardId);
        const row = await tx.rewardDraw.create({
          data: {
            id: randomUUID(),
            userId: draw.userId,
            habitId: draw.habitId,
            date: draw.date,
            won: draw.won,
            rewardId: draw.rewardId,
            awardedOn: draw.awardedOn,
            pieceHeld: draw.pieceHeld,
          },
        });
        return toDraw(row);
      }),

    async find(habitId, date) {
      const row = await db.rewardDraw.findUnique({ where: { habitId_date: { habitId, date } } });
      return row ? toDraw(row) : undefined;
    },

    async setPieceHeld(id, pieceHeld, awardedOn) {
      await scope.write((tx) => tx.rewardDraw.updateMany({ where: { id }, data: { pieceHeld, awardedOn } }));
    },

    countHeldAwardedOn: (rewardId, awardedOn) =>
      db.rewardDraw.count({ where: { rewardId, awardedOn, pieceHeld: true } }),
  };
}
