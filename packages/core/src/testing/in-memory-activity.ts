// Completions and reward draws: the rows written on every completion.
import type { Completion } from "../completions/completion.js";
import type { CompletionFilter, CompletionRepository, DrawRepository } from "../ports/store.js";
import { UniqueViolation } from "../ports/store.js";
import type { RewardDraw } from "../rewards/reward.js";
import { compareText, type DrawRow, notFound, type Scope, type State } from "./in-memory-state.js";

/** The user exists and the habit is theirs: the foreign keys, and the user scoping of the write. */
function checkOwner(state: State, userId: string, habitId: string): void {
  if (!state.users.has(userId)) throw notFound("user");
  if (state.habits.get(habitId)?.userId !== userId) throw notFound("habit");
}

function filtered(state: State, userId: string, { from, to, habitId }: CompletionFilter): Completion[] {
  return [...state.completions.values()].filter(
    (c) =>
      c.userId === userId &&
      (habitId === undefined || c.habitId === habitId) &&
      (from === undefined || c.date >= from) &&
      (to === undefined || c.date <= to),
  );
}

function toDraw(row: DrawRow): RewardDraw {
  return structuredClone({
    id: row.id,
    habitId: row.habitId,
    date: row.date,
    won: row.won,
    rewardId: row.rewardId,
    awardedOn: row.awardedOn,
    pieceHeld: row.pieceHeld,
  });
}

export function createCompletionRepository(scope: Scope): CompletionRepository {
  return {
    async insert(completion) {
      const state = scope.state();
      checkOwner(state, completion.userId, completion.habitId);
      for (const other of state.completions.values()) {
        if (other.habitId === completion.habitId && other.date === completion.date) {
          throw new UniqueViolation("completion_date");
        }
      }
      const row: Completion = {
        id: scope.newId("completion"),
        habitId: completion.habitId,
        userId: completion.userId,
        date: completion.date,
        value: completion.value,
        note: completion.note,
        source: completion.source,
        streak: completion.streak,
        totalWeight: completion.totalWeight,
        winChance: completion.winChance,
        createdAt: scope.now(),
      };
      state.completions.set(row.id, row);
      return structuredClone(row);
    },

    async findByDate(habitId, date) {
      const row = [...scope.state().completions.values()].find((c) => c.habitId === habitId && c.date === date);
      return row && structuredClone(row);
    },

    async listForHabit(habitId, range = {}) {
      const { from, to } = range;
      return [...scope.state().completions.values()]
        .filter((c) => c.habitId === habitId)
        .filter((c) => (from === undefined || c.date >= from) && (to === undefined || c.date <= to))
        .sort((a, b) => compareText(a.date, b.date))
        .map((c) => structuredClone(c));
    },

    async listForUser(userId, { from, to }) {
      return [...scope.state().completions.values()]
        .filter((c) => c.userId === userId && c.date >= from && c.date <= to)
        .sort((a, b) => compareText(a.date, b.date) || compareText(a.habitId, b.habitId))
        .map((c) => structuredClone(c));
    },

    async findById(userId, id) {
      const row = scope.state().completions.get(id);
      return row?.userId === userId ? structuredClone(row) : undefined;
    },

    async listNewestFirst(userId, filter, { before, offset = 0, limit }) {
      return filtered(scope.state(), userId, filter)
        .filter(
          (c) =>
            before === undefined ||
            c.date < before.date ||
            (c.date === before.date && compareText(c.id, before.id) < 0),
        )
        .sort((a, b) => compareText(b.date, a.date) || compareText(b.id, a.id))
        .slice(offset, offset + limit)
        .map((c) => structuredClone(c));
    },

    async countForUser(userId, filter) {
      return filtered(scope.state(), userId, filter).length;
    },

    async delete(id) {
      scope.state().completions.delete(id);
    },

    async setStreaks(changes) {
      const completions = scope.state().completions;
      for (const { id, streak } of changes) {
        const row = completions.get(id);
        if (row) row.streak = streak; // an UPDATE that matches no row changes nothing
      }
    },
  };
}

export function createDrawRepository(scope: Scope): DrawRepository {
  return {
    async insert(draw) {
      const state = scope.state();
      checkOwner(state, draw.userId, draw.habitId);
      if (draw.rewardId !== null && state.rewards.get(draw.rewardId)?.userId !== draw.userId) {
        throw notFound("reward");
      }
      for (const other of state.draws.values()) {
        if (other.habitId === draw.habitId && other.date === draw.date) throw new UniqueViolation("draw_date");
      }
      const row: DrawRow = {
        id: scope.newId("draw"),
        userId: draw.userId,
        habitId: draw.habitId,
        date: draw.date,
        won: draw.won,
        rewardId: draw.rewardId,
        awardedOn: draw.awardedOn,
        pieceHeld: draw.pieceHeld,
        createdAt: scope.now(),
      };
      state.draws.set(row.id, row);
      return toDraw(row);
    },

    async find(habitId, date) {
      const row = [...scope.state().draws.values()].find((draw) => draw.habitId === habitId && draw.date === date);
      return row && toDraw(row);
    },

    async setPieceHeld(id, pieceHeld, awardedOn) {
      const row = scope.state().draws.get(id);
      if (!row) return;
      row.pieceHeld = pieceHeld;
      row.awardedOn = awardedOn;
    },

    async countHeldAwardedOn(rewardId, awardedOn) {
      return [...scope.state().draws.values()].filter(
        (draw) => draw.rewardId === rewardId && draw.awardedOn === awardedOn && draw.pieceHeld,
      ).length;
    },
  };
}
