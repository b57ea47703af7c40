// Creating and changing habits. Every field is validated as a whole (an update merges the change
// over the current fields first); the database decides name uniqueness among active habits.
import type { CoreDependencies } from "../core-dependencies.js";
import { type LimitReached, limitReached, type TooManyItems } from "../limits.js";
import { type Repositories, UniqueViolation } from "../ports/store.js";
import { fail, ok, type Result } from "../shared/result.js";
import type { Invalid } from "../shared/validation.js";
import { type Habit, nameKey } from "./habit.js";
import { type HabitInput, habitItemsOverLimit, validateHabit } from "./habit-input.js";

export type HabitFailure = Invalid | { reason: "not_found" } | { reason: "name_taken"; name: string };

/** A create or an update can also pass a limit: too many habits or tags, too long a list. */
export type HabitWriteFailure = HabitFailure | TooManyItems | LimitReached;

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

  /** The tags a habit's names would make, when they would take the user past the tag limit. */
  async function tagsOverLimit(tx: Repositories, userId: string, names: readonly string[]) {
    if (names.length === 0) return undefined;
    const existing = await tx.tags.list(userId);
    const known = new Set(existing.map((tag) => nameKey(tag.name)));
    const added = names.filter((name) => !known.has(nameKey(name))).length;
    const max = deps.settings.limits.tags;
    return added > 0 && existing.length + added > max ? limitReached("tags", max) : undefined;
  }

  return {
    /**
     * Refused with `limit_reached` when the user has as many habits as allowed (archived ones
     * count) or the habit's new tag names would pass the tag limit. Counted under the user's lock,
     * so concurrent creates cannot pass a limit together.
     */
    async create(userId: string, input: HabitInput): Promise<Result<Habit, HabitWriteFailure>> {
      const overLimit = habitItemsOverLimit(input);
      if (overLimit) return fail(overLimit);
      return store.transaction(async (tx) => {
        await tx.users.lock(userId);
        if (!(await userExists(tx, userId))) return fail({ reason: "not_found" });
        const count = await tx.habits.count(userId);
        const fields = validateHabit(input, undefined, count);
        if (!fields.ok) return fields;
        const max = deps.settings.limits.habits;
        if (count >= max) return fail(limitReached("habits", max));
        const tagsFull = await tagsOverLimit(tx, userId, fields.value.tags);
        if (tagsFull) return fail(tagsFull);
        return guardName(fields.value.name, () => tx.habits.create(userId, fields.value));
      });
    },

    async update(userId: string, habitId: string, input: HabitInput): Promise<Result<Habit, HabitWriteFailure>> {
      const overLimit = habitItemsOverLimit(input);
      if (overLimit) return fail(overLimit);
      return store.transaction(async (tx) => {
        // The user's lock: new tag names are counted against the tag limit.
        await tx.users.lock(userId);
        const current = await tx.habits.findById(userId, habitId);
        if (!current) return fail({ reason: "not_found" });
        const fields = validateHabit(input, current);
        if (!fields.ok) return fields;
        const tagsFull = await tagsOverLimit(tx, userId, fields.value.tags);
        if (tagsFull) return fail(tagsFull);
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

    /**
     * `limit_reached` when the user already has as many habits as allowed, so a front end can say
     * so before asking for a new one (create still checks, under the lock).
     */
    async limitReached(userId: string): Promise<LimitReached | undefined> {
      const max = deps.settings.limits.habits;
      return (await store.habits.count(userId)) >= max ? limitReached("habits", max) : undefined;
    },

    get(userId: string, habitId: string): Promise<Habit | undefined> {
      return store.habits.findById(userId, habitId);
    },

    list(userId: string, status: "active" | "archived" | "all" = "active"): Promise<Habit[]> {
      return store.habits.list(userId, { status });
    },
  };
}
