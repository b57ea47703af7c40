// The user's tags: made, renamed, colored and deleted here, and put on habits by id. (A habit
// created or updated with tag names also makes the tags it names: habits/habit-service.ts.)
import type { CoreDependencies } from "../core-dependencies.js";
import type { Habit } from "../habits/habit.js";
import { habitLimits } from "../habits/habit.js";
import { type LimitReached, limitReached, type TooManyItems, tooManyItems } from "../limits.js";
import { UniqueViolation } from "../ports/store.js";
import { fail, ok, type Result } from "../shared/result.js";
import type { Invalid } from "../shared/validation.js";
import type { Tag } from "./tag.js";
import { type TagInput, validateTag } from "./tag-input.js";

export type CreateTagFailure = Invalid | LimitReached | { reason: "name_taken" };

export type UpdateTagFailure = Invalid | { reason: "not_found" } | { reason: "name_taken" };

export type SetHabitTagsFailure = TooManyItems | { reason: "not_found" } | { reason: "tag_not_found"; tagId: string };

type NameTaken = { ok: false } & { reason: "name_taken" };

export function createTagService(deps: CoreDependencies) {
  const { store } = deps;

  /** Runs a write and turns the name rule into a `name_taken` outcome. */
  async function guardName<Outcome>(write: () => Promise<Outcome>): Promise<Outcome | NameTaken> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof UniqueViolation && error.rule === "tag_name") return fail({ reason: "name_taken" });
      throw error;
    }
  }

  return {
    /** The user's tags by name (case-insensitively), each with how many habits carry it. */
    list(userId: string): Promise<Tag[]> {
      return store.tags.list(userId);
    },

    get(userId: string, tagId: string): Promise<Tag | undefined> {
      return store.tags.findById(userId, tagId);
    },

    /**
     * A new tag; the database decides that its name is the user's only one of that key. Refused
     * with `limit_reached` when the user has as many tags as allowed (counted under their lock).
     */
    async create(userId: string, input: TagInput & { name: string }): Promise<Result<Tag, CreateTagFailure>> {
      const fields = validateTag(input);
      if (!fields.ok) return fields;
      return store.transaction(async (tx) => {
        await tx.users.lock(userId);
        const max = deps.settings.limits.tags;
        if ((await tx.tags.list(userId)).length >= max) return fail(limitReached("tags", max));
        return guardName(async () => ok(await tx.tags.create(userId, fields.value)));
      });
    },

    /** Merges the change over the current name and color (an omitted field stays as it is). */
    async update(userId: string, tagId: string, input: TagInput): Promise<Result<Tag, UpdateTagFailure>> {
      return store.transaction(async (tx) => {
        const current = await tx.tags.findById(userId, tagId);
        if (!current) return fail({ reason: "not_found" });
        const fields = validateTag(input, current);
        if (!fields.ok) return fields;
        return guardName(async () => {
          const updated = await tx.tags.update(userId, tagId, fields.value);
          return updated ? ok(updated) : fail({ reason: "not_found" });
        });
      });
    },

    /** Deletes the tag; the habits that carried it keep everything else. */
    async delete(userId: string, tagId: string): Promise<Result<true, { reason: "not_found" }>> {
      return (await store.tags.delete(userId, tagId)) ? ok(true) : fail({ reason: "not_found" });
    },

    /**
     * Replaces the habit's tags with these (a repeated id counts once; none clears them). At most
     * `habitLimits.tags`, as for tags given by name.
     */
    async setHabitTags(
      userId: string,
      habitId: string,
      tagIds: readonly string[],
    ): Promise<Result<Habit, SetHabitTagsFailure>> {
      return store.transaction(async (tx) => {
        const wanted = [...new Set(tagIds)];
        if (wanted.length > habitLimits.tags) return fail(tooManyItems("tagsPerHabit"));
        if (!(await tx.habits.findById(userId, habitId))) return fail({ reason: "not_found" });
        const owned = await tx.tags.ownedIds(userId, wanted);
        const missing = wanted.find((tagId) => !owned.has(tagId));
        if (missing !== undefined) return fail({ reason: "tag_not_found", tagId: missing });
        await tx.tags.setHabitTags(userId, habitId, wanted);
        return found(await tx.habits.findById(userId, habitId));
      });
    },

    /**
     * Takes a tag off a habit. Not found when the habit or the tag is not the user's; a tag of
     * theirs that the habit does not carry is already off, so that answers the habit as it is.
     */
    async removeHabitTag(
      userId: string,
      habitId: string,
      tagId: string,
    ): Promise<Result<Habit, { reason: "not_found" }>> {
      return store.transaction(async (tx) => {
        const habit = await tx.habits.findById(userId, habitId);
        if (!habit || !(await tx.tags.findById(userId, tagId))) return fail({ reason: "not_found" });
        if (!(await tx.tags.removeHabitTag(userId, habitId, tagId))) return ok(habit);
        return found(await tx.habits.findById(userId, habitId));
      });
    },
  };
}

/** A habit read back after a write the transaction made: it cannot have gone. */
function found(habit: Habit | undefined): Result<Habit, { reason: "not_found" }> {
  return habit ? ok(habit) : fail({ reason: "not_found" });
}
