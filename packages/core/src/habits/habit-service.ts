// Creating and changing habits. Every field is validated as a whole (an update merges the change
// over the current fields first); the database decides name uniqueness among active habits.
import type { CoreDependencies } from "../core-dependencies.js";
import { type Repositories, UniqueViolation } from "../ports/store.js";
import { fail, ok, type Result } from "../shared/result.js";
import type { Invalid } from "../shared/validation.js";
import type { Habit } from "./habit.js";
import { type HabitInput, validateHabit } from "./habit-input.js";

export type HabitFailure = Invalid | { reason: "not_found" } | { reason: "name_taken"; name: string };

export function createHabitService(deps: CoreDependencies) {
  const { store } = deps;

  /** Runs a write and turns the active-name rule into a `name_taken` outcome. */
  async function guardName(
    name: string,
    write: () => Promise<Habit | undefined>,
  ): Promise<Result<Habit, HabitFailure>> {
    try {
      const habit = await write();
      return habit ? ok(habit) : fail({ reason: "not_found" });
    } catch (error) {
      if (error instanceof UniqueViolation && error.rule === "habit_active_name")
        return fail({ reason: "name_taken", name });
      throw error;
    }
  }

  async function userExists(tx: Repositories, userId: string): Promise<boolean> {
    return (await tx.users.findById(userId)) !== undefined;
  }

  return {
    async create(userId: string, input: HabitInput): Promise<Result<Habit, HabitFailure>> {
      return store.transaction(async (tx) => {
        if (!(await userExists(tx, userId))) return fail({ reason: "not_found" });
        const fields = validateHabit(input, undefined, await tx.habits.count(userId));
        if (!fields.ok) return fields;
        return guardName(fields.value.name, () => tx.habits.create(userId, fields.value));
      });
    },

    async update(userId: string, habitId: string, input: HabitInput): Promise<Result<Habit, HabitFailure>> {
      return store.transaction(async (tx) => {
        const current = await tx.habits.findById(userId, habitId);
        if (!current) return fail({ reason: "not_found" });
        const fields = validateHabit(input, current);
        if (!fields.ok) return fields;
        return guardName(fields.value.name, () => tx.habits.update(userId, habitId, fields.value));
      });
    },

    /** Archived habits keep their history, are not due and send no reminders. */
    async archive(userId: string, habitId: string): Promise<Result<Habit, HabitFailure>> {
      const current = await store.habits.findById(userId, habitId);
      if (!current) return fail({ reason: "not_found" });
      if (current.archivedAt !== null) return ok(current);
      return guardName(current.name, () => store.habits.setArchivedAt(userId, habitId, deps.clock.now()));
    },

    /** Refused with `name_taken` when an active habit has taken the name meanwhile. */
    async unarchive(userId: string, habitId: string): Promise<Result<Habit, HabitFailure>> {
      const current = await store.habits.findById(userId, habitId);
      if (!current) return fail({ reason: "not_found" });
      if (current.archivedAt === null) return ok(current);
      return guardName(current.name, () => store.habits.setArchivedAt(userId, habitId, null));
    },

    /** Permanent: the habit and its whole history. */
    async delete(userId: string, habitId: string): Promise<Result<true, { reason: "not_found" }>> {
      return (await store.habits.delete(userId, habitId)) ? ok(true) : fail({ reason: "not_found" });
    },

    get(userId: string, habitId: string): Promise<Habit | undefined> {
      return store.habits.findById(userId, habitId);
    },

    list(userId: string, status: "active" | "archived" | "all" = "active"): Promise<Habit[]> {
      return store.habits.list(userId, { status });
    },
  };
}
