// Tags in memory, like the Tag table; a habit's links (HabitTag rows) live in its row's tagIds.
import { nameKey } from "../habits/habit.js";
import { type TagRepository, UniqueViolation } from "../ports/store.js";
import type { Tag, TagFields } from "../tags/tag.js";
import { compareText, notFound, type Scope, type State, type TagRow } from "./in-memory-state.js";

function toTag(state: State, row: TagRow): Tag {
  const habitCount = [...state.habits.values()].filter((habit) => habit.tagIds.includes(row.id)).length;
  return structuredClone({
    id: row.id,
    name: row.name,
    color: row.color,
    habitCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

/** The unique index on Tag(userId, nameKey). */
function refuseTakenName(state: State, userId: string, key: string, exceptId?: string): void {
  for (const tag of state.tags.values()) {
    if (tag.userId === userId && tag.nameKey === key && tag.id !== exceptId) throw new UniqueViolation("tag_name");
  }
}

/** Only the columns a tag stores: extra properties of the argument are not kept. */
const columns = (fields: TagFields) => ({ name: fields.name, nameKey: nameKey(fields.name), color: fields.color });

export function createTagRepository(scope: Scope): TagRepository {
  const owned = (state: State, userId: string, id: string): TagRow | undefined => {
    const row = state.tags.get(id);
    return row?.userId === userId ? row : undefined;
  };
  const ownHabit = (state: State, userId: string, habitId: string) => {
    const habit = state.habits.get(habitId);
    return habit?.userId === userId ? habit : undefined;
  };

  return {
    async list(userId) {
      const state = scope.state();
      return [...state.tags.values()]
        .filter((row) => row.userId === userId)
        .sort((a, b) => compareText(a.nameKey, b.nameKey) || compareText(a.id, b.id))
        .map((row) => toTag(state, row));
    },

    async findById(userId, id) {
      const state = scope.state();
      const row = owned(state, userId, id);
      return row && toTag(state, row);
    },

    async ownedIds(userId, ids) {
      const state = scope.state();
      return new Set(ids.filter((id) => owned(state, userId, id)));
    },

    async create(userId, fields) {
      const state = scope.state();
      if (!state.users.has(userId)) throw notFound("user");
      const stored = columns(fields);
      refuseTakenName(state, userId, stored.nameKey);
      const now = scope.now();
      const row: TagRow = { id: scope.newId("tag"), userId, ...stored, createdAt: now, updatedAt: now };
      state.tags.set(row.id, row);
      return toTag(state, row);
    },

    async update(userId, id, fields) {
      const state = scope.state();
      const row = owned(state, userId, id);
      if (!row) return undefined;
      const stored = columns(fields);
      refuseTakenName(state, userId, stored.nameKey, id);
      Object.assign(row, { ...stored, updatedAt: scope.now() });
      return toTag(state, row);
    },

    async delete(userId, id) {
      const state = scope.state();
      if (!owned(state, userId, id)) return false;
      state.tags.delete(id);
      for (const habit of state.habits.values()) habit.tagIds = habit.tagIds.filter((tagId) => tagId !== id);
      return true;
    },

    async setHabitTags(userId, habitId, tagIds) {
      const state = scope.state();
      const habit = ownHabit(state, userId, habitId);
      if (!habit) return false;
      if (tagIds.some((id) => !owned(state, userId, id))) throw notFound("tag");
      Object.assign(habit, { tagIds: [...new Set(tagIds)], updatedAt: scope.now() });
      return true;
    },

    async removeHabitTag(userId, habitId, tagId) {
      const state = scope.state();
      const habit = ownHabit(state, userId, habitId);
      if (!habit?.tagIds.includes(tagId)) return false;
      Object.assign(habit, { tagIds: habit.tagIds.filter((id) => id !== tagId), updatedAt: scope.now() });
      return true;
    },
  };
}
