import { type Habit, type HabitFields, nameKey } from "../habits/habit.js";
import { type HabitRepository, UniqueViolation } from "../ports/store.js";
import {
  byCreatedAtThenId,
  compareText,
  deleteHabits,
  type HabitRow,
  notFound,
  type Scope,
  type State,
} from "./in-memory-state.js";

/** The columns a habit stores: extra properties of the argument (a whole Habit, say) are not kept. */
function columns(fields: HabitFields): HabitRow["fields"] {
  const times = fields.reminders.map((reminder) => reminder.time);
  if (new Set(times).size !== times.length) {
    // The unique index on HabitReminder(habitId, time); validation reports it before it gets here.
    throw new Error("a habit cannot have two reminders at the same time");
  }
  return structuredClone({
    name: fields.name,
    description: fields.description,
    color: fields.color,
    emoji: fields.emoji,
    category: fields.category,
    type: fields.type,
    target: fields.target && { value: fields.target.value, unit: fields.target.unit },
    frequency: { type: fields.frequency.type, timesPerPeriod: fields.frequency.timesPerPeriod },
    exemptWeekdays: fields.exemptWeekdays,
    allowedSkipDays: fields.allowedSkipDays,
    weight: fields.weight,
    startDate: fields.startDate,
    endDate: fields.endDate,
    milestoneTarget: fields.milestoneTarget,
    // Rows without a position come back ordered by their unique key.
    reminders: fields.reminders
      .map((reminder) => ({ time: reminder.time, weekdays: reminder.weekdays }))
      .sort((a, b) => compareText(a.time, b.time)),
  });
}

function checkActiveName(state: State, userId: string, key: string | null, exceptId?: string): void {
  if (key === null) return;
  for (const habit of state.habits.values()) {
    if (habit.userId === userId && habit.activeNameKey === key && habit.id !== exceptId) {
      throw new UniqueViolation("habit_active_name");
    }
  }
}

/** The user's tag rows for these names, created on demand; an existing tag keeps its first spelling. */
function tagIdsFor(scope: Scope, state: State, userId: string, names: readonly string[]): string[] {
  const ids: string[] = [];
  for (const name of names) {
    const key = nameKey(name);
    let tag = [...state.tags.values()].find((row) => row.userId === userId && row.nameKey === key);
    if (!tag) {
      const now = scope.now();
      tag = { id: scope.newId("tag"), userId, name, nameKey: key, color: null, createdAt: now, updatedAt: now };
      state.tags.set(tag.id, tag);
    }
    if (!ids.includes(tag.id)) ids.push(tag.id);
  }
  return ids;
}

export function toHabit(state: State, row: HabitRow): Habit {
  const tags = row.tagIds
    .flatMap((id) => state.tags.get(id) ?? [])
    .sort((a, b) => compareText(a.nameKey, b.nameKey) || compareText(a.name, b.name))
    .map((tag) => tag.name);
  return structuredClone({
    ...row.fields,
    tags,
    id: row.id,
    userId: row.userId,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

export function createHabitRepository(scope: Scope): HabitRepository {
  /** The user's habit, or undefined for a missing id and for another user's. */
  const owned = (state: State, userId: string, id: string): HabitRow | undefined => {
    const row = state.habits.get(id);
    return row?.userId === userId ? row : undefined;
  };

  return {
    async create(userId, fields) {
      const state = scope.state();
      if (!state.users.has(userId)) throw notFound("user");
      const activeNameKey = nameKey(fields.name);
      checkActiveName(state, userId, activeNameKey);
      const stored = columns(fields);
      const now = scope.now();
      const row: HabitRow = {
        id: scope.newId("habit"),
        userId,
        fields: stored,
        tagIds: tagIdsFor(scope, state, userId, fields.tags),
        activeNameKey,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      state.habits.set(row.id, row);
      return toHabit(state, row);
    },

    async update(userId, id, fields) {
      const state = scope.state();
      const row = owned(state, userId, id);
      if (!row) return undefined;
      const activeNameKey = row.archivedAt === null ? nameKey(fields.name) : null;
      checkActiveName(state, userId, activeNameKey, id);
      const stored = columns(fields);
      Object.assign(row, {
        fields: stored,
        tagIds: tagIdsFor(scope, state, userId, fields.tags),
        activeNameKey,
        updatedAt: scope.now(),
      });
      return toHabit(state, row);
    },

    async findById(userId, id) {
      const state = scope.state();
      const row = owned(state, userId, id);
      return row && toHabit(state, row);
    },

    async list(userId, filter = {}) {
      const state = scope.state();
      const status = filter.status ?? "active";
      return [...state.habits.values()]
        .filter((row) => row.userId === userId)
        .filter((row) => status === "all" || (status === "archived") === (row.archivedAt !== null))
        .sort(byCreatedAtThenId)
        .map((row) => toHabit(state, row));
    },

    async setArchivedAt(userId, id, archivedAt) {
      const state = scope.state();
      const row = owned(state, userId, id);
      if (!row) return undefined;
      const activeNameKey = archivedAt === null ? nameKey(row.fields.name) : null;
      checkActiveName(state, userId, activeNameKey, id);
      Object.assign(row, {
        archivedAt: archivedAt && new Date(archivedAt.getTime()),
        activeNameKey,
        updatedAt: scope.now(),
      });
      return toHabit(state, row);
    },

    async delete(userId, id) {
      const state = scope.state();
      if (!owned(state, userId, id)) return false;
      deleteHabits(state, new Set([id]));
      return true;
    },

    async count(userId) {
      return [...scope.state().habits.values()].filter((row) => row.userId === userId).length;
    },
  };
}
