// Writes that name a user and their rows (a completion names its user and habit) check that the
// rows are that user's: the foreign keys alone would accept a habit of someone else. The ports
// have no result for this (services look the rows up first), so it is a bug in the caller: an Error.
import type { Db } from "./scope.js";

function notFound(what: string, id: string): Error {
  return new Error(`${what} ${id} not found: it does not exist or is not the user's`);
}

export async function requireOwnHabit(db: Db, userId: string, habitId: string): Promise<void> {
  const habit = await db.habit.findFirst({ where: { id: habitId, userId }, select: { id: true } });
  if (!habit) throw notFound("habit", habitId);
}

/** The user's reward, for writes that need its name too. */
export async function requireOwnReward(db: Db, userId: string, rewardId: string): Promise<{ name: string }> {
  const reward = await db.reward.findFirst({ where: { id: rewardId, userId }, select: { name: true } });
  if (!reward) throw notFound("reward", rewardId);
  return reward;
}
