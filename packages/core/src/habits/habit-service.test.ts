import { describe, expect, it } from "vitest";
import { createCoreFixture, unwrap } from "../testing/core-fixture.js";
import { habitPalette } from "./habit.js";
import type { HabitInput } from "./habit-input.js";

async function setUp() {
  const fixture = await createCoreFixture();
  const habits = fixture.core.habits;
  const userId = fixture.user.id;
  return {
    ...fixture,
    create: (input: HabitInput) => habits.create(userId, input),
    update: (habitId: string, input: HabitInput) => habits.update(userId, habitId, input),
    archive: (habitId: string) => habits.archive(userId, habitId),
    unarchive: (habitId: string) => habits.unarchive(userId, habitId),
  };
}

describe("creating a habit", () => {
  it("a habit with only a name gets the defaults: binary, daily, weight 10, the first palette color", async () => {
    const f = await setUp();

    const habit = unwrap(await f.create({ name: "  Read  " }));

    expect(habit).toMatchObject({
      userId: f.user.id,
      name: "Read",
      description: null,
      color: habitPalette[0],
      type: "binary",
      target: null,
      frequency: { type: "daily", timesPerPeriod: 1 },
      exemptWeekdays: [],
      allowedSkipDays: 0,
      weight: 10,
      startDate: null,
      endDate: null,
      milestoneTarget: null,
      reminders: [],
      tags: [],
      archivedAt: null,
    });
    expect(await f.core.habits.get(f.user.id, habit.id)).toEqual(habit);
  });

  it("each new habit without a color takes the next palette color", async () => {
    const f = await setUp();

    const colors = [];
    for (const name of ["One", "Two", "Three"]) colors.push(unwrap(await f.create({ name })).color);

    expect(colors).toEqual(habitPalette.slice(0, 3));
  });

  it("a chosen color is kept, upper-cased", async () => {
    const f = await setUp();

    expect(unwrap(await f.create({ name: "Run", color: "#a1b2c3" })).color).toBe("#A1B2C3");
  });

  it("a measurable weekly habit with reminders keeps them, sorted by time", async () => {
    const f = await setUp();

    const habit = unwrap(
      await f.create({
        name: "Run",
        type: "measurable",
        target: { value: 5, unit: "km" },
        frequency: { type: "weekly", timesPerPeriod: 3 },
        reminders: [{ time: "18:00" }, { time: "07:30", weekdays: [1, 3] }],
      }),
    );

    expect(habit).toMatchObject({
      type: "measurable",
      target: { value: 5, unit: "km" },
      frequency: { type: "weekly", timesPerPeriod: 3 },
      reminders: [
        { time: "07:30", weekdays: [1, 3] },
        { time: "18:00", weekdays: [] },
      ],
    });
  });

  it("a 100-character name is accepted", async () => {
    const f = await setUp();

    expect((await f.create({ name: "x".repeat(100) })).ok).toBe(true);
  });

  it.each<{ name: string; input: HabitInput; error: Record<string, unknown> }>([
    { name: "an empty name", input: { name: "" }, error: { field: "name", code: "required" } },
    { name: "a blank name", input: { name: "   " }, error: { field: "name", code: "required" } },
    {
      name: "a 101-character name",
      input: { name: "x".repeat(101) },
      error: { field: "name", code: "too_long", limit: 100 },
    },
    { name: "a color name", input: { name: "A", color: "red" }, error: { field: "color", code: "invalid_format" } },
    {
      name: "a color with a non-hex digit",
      input: { name: "A", color: "#12345G" },
      error: { field: "color", code: "invalid_format" },
    },
    {
      name: "a measurable habit without a target",
      input: { name: "A", type: "measurable" },
      error: { field: "target", code: "required" },
    },
    {
      name: "a measurable habit with an unknown unit",
      input: { name: "A", type: "measurable", target: { value: 1, unit: "parsecs" } },
      error: { field: "target.unit", code: "invalid_choice" },
    },
    {
      name: "a binary habit with a target",
      input: { name: "A", type: "binary", target: { value: 5, unit: "km" } },
      error: { field: "target", code: "not_allowed" },
    },
    {
      name: "all seven days exempt",
      input: { name: "A", exemptWeekdays: [1, 2, 3, 4, 5, 6, 7] },
      error: { field: "exemptWeekdays", code: "too_large", limit: 6 },
    },
    {
      name: "weekday 0 exempt",
      input: { name: "A", exemptWeekdays: [0] },
      error: { field: "exemptWeekdays.0", code: "invalid_choice" },
    },
    {
      name: "a weekly habit 8 times a week",
      input: { name: "A", frequency: { type: "weekly", timesPerPeriod: 8 } },
      error: { field: "frequency.timesPerPeriod", code: "too_large", limit: 7 },
    },
    {
      name: "two reminders at the same time",
      input: { name: "A", reminders: [{ time: "08:00" }, { time: "08:00" }] },
      error: { field: "reminders.1.time", code: "duplicate" },
    },
    {
      name: "a reminder at 25:00",
      input: { name: "A", reminders: [{ time: "25:00" }] },
      error: { field: "reminders.0.time", code: "invalid_format" },
    },
    {
      name: "an endDate before the startDate",
      input: { name: "A", startDate: "2026-03-10", endDate: "2026-03-09" },
      error: { field: "endDate", code: "before_start" },
    },
    {
      name: "weight 0",
      input: { name: "A", weight: 0 },
      error: { field: "weight", code: "too_small", limit: 1 },
    },
  ])("$name is refused with a field code", async ({ input, error }) => {
    const f = await setUp();

    const result = await f.create(input);

    expect(result).toEqual({ ok: false, reason: "invalid", errors: [expect.objectContaining(error)] });
    expect(await f.core.habits.list(f.user.id, "all")).toEqual([]);
  });

  it("every invalid field is reported at once", async () => {
    const f = await setUp();

    const result = await f.create({ name: "", color: "red", weight: 101 });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason === "invalid" && result.errors.map((error) => error.field)).toEqual([
      "name",
      "color",
      "weight",
    ]);
  });

  it("an endDate equal to the startDate is accepted", async () => {
    const f = await setUp();

    expect((await f.create({ name: "A", startDate: "2026-03-10", endDate: "2026-03-10" })).ok).toBe(true);
  });

  it("a user that does not exist gets not_found", async () => {
    const f = await setUp();

    expect(await f.core.habits.create("user-999999", { name: "Read" })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("habit names", () => {
  it("a name already used by an active habit is name_taken, whatever the case and spaces", async () => {
    const f = await setUp();
    unwrap(await f.create({ name: "Read" }));

    expect(await f.create({ name: "  rEAD " })).toEqual({ ok: false, reason: "name_taken", name: "rEAD" });
    expect(await f.core.habits.list(f.user.id)).toHaveLength(1);
  });

  it("a name is one line: line breaks and runs of spaces become one space; an invisible name is empty", async () => {
    const f = await setUp();
    expect(unwrap(await f.create({ name: "Read\n  10\tpages" })).name).toBe("Read 10 pages");
    for (const name of ["\u200b", "\u200b \u2060\ufeff", "\n\n", "\u2060\u00ad", "\u3164", "\u2800\u2800"]) {
      expect(await f.create({ name })).toMatchObject({
        ok: false,
        reason: "invalid",
        errors: [expect.objectContaining({ field: "name", code: "required" })],
      });
    }
    // An emoji built with joiners is visible.
    expect(unwrap(await f.create({ name: "👨‍👩‍👧" })).name).toBe("👨‍👩‍👧");
    // Invisible characters inside a name are dropped, so it cannot pass for another.
    unwrap(await f.create({ name: "Run" }));
    expect(await f.create({ name: "Ru\u200bn\u00ad" })).toMatchObject({ ok: false, reason: "name_taken" });
  });

  it("another user may use the same name", async () => {
    const f = await setUp();
    unwrap(await f.create({ name: "Read" }));
    const other = await f.otherUser();

    expect((await f.core.habits.create(other.id, { name: "Read" })).ok).toBe(true);
  });

  it("an archived habit's name can be used again", async () => {
    const f = await setUp();
    const old = unwrap(await f.create({ name: "Read" }));
    unwrap(await f.archive(old.id));

    const again = unwrap(await f.create({ name: "READ" }));

    expect(again.name).toBe("READ");
    expect((await f.core.habits.list(f.user.id, "archived")).map((habit) => habit.id)).toEqual([old.id]);
  });

  it("unarchiving into a name an active habit took meanwhile is name_taken, and the habit stays archived", async () => {
    const f = await setUp();
    const old = unwrap(await f.create({ name: "Read" }));
    unwrap(await f.archive(old.id));
    unwrap(await f.create({ name: "read" }));

    expect(await f.unarchive(old.id)).toEqual({ ok: false, reason: "name_taken", name: "Read" });
    expect((await f.core.habits.get(f.user.id, old.id))?.archivedAt).not.toBeNull();
  });

  it("unarchiving a habit whose name is free makes it active again", async () => {
    const f = await setUp();
    const habit = unwrap(await f.create({ name: "Read" }));
    unwrap(await f.archive(habit.id));

    const back = unwrap(await f.unarchive(habit.id));

    expect(back.archivedAt).toBeNull();
    expect((await f.core.habits.list(f.user.id)).map((item) => item.id)).toEqual([habit.id]);
  });

  it("archiving records when, and the habit leaves the active list", async () => {
    const f = await setUp();
    const habit = unwrap(await f.create({ name: "Read" }));

    const archived = unwrap(await f.archive(habit.id));

    expect(archived.archivedAt).toEqual(f.clock.now());
    expect(await f.core.habits.list(f.user.id)).toEqual([]);
    expect(await f.core.habits.list(f.user.id, "all")).toHaveLength(1);
  });
});

describe("updating a habit", () => {
  it("an update merges the change over the current fields", async () => {
    const f = await setUp();
    const habit = unwrap(await f.create({ name: "Read", weight: 30, exemptWeekdays: [7], tags: ["books"] }));

    const updated = unwrap(await f.update(habit.id, { name: "Read more" }));

    expect(updated).toMatchObject({ name: "Read more", weight: 30, exemptWeekdays: [7], tags: ["books"] });
    expect(await f.core.habits.get(f.user.id, habit.id)).toEqual(updated);
  });

  it("an update is validated as a whole habit: a binary habit made measurable needs a target", async () => {
    const f = await setUp();
    const habit = unwrap(await f.create({ name: "Read" }));

    expect(await f.update(habit.id, { type: "measurable" })).toEqual({
      ok: false,
      reason: "invalid",
      errors: [expect.objectContaining({ field: "target", code: "required" })],
    });
    const changed = unwrap(await f.update(habit.id, { type: "measurable", target: { value: 20, unit: "pages" } }));
    expect(changed.target).toEqual({ value: 20, unit: "pages" });
  });

  it("an endDate before the current startDate is refused on update", async () => {
    const f = await setUp();
    const habit = unwrap(await f.create({ name: "Read", startDate: "2026-03-10" }));

    expect(await f.update(habit.id, { endDate: "2026-03-01" })).toMatchObject({
      ok: false,
      reason: "invalid",
      errors: [{ field: "endDate", code: "before_start" }],
    });
  });

  it("a measurable habit made binary drops its target", async () => {
    const f = await setUp();
    const habit = unwrap(await f.create({ name: "Run", type: "measurable", target: { value: 5, unit: "km" } }));

    const updated = unwrap(await f.update(habit.id, { type: "binary" }));

    expect(updated).toMatchObject({ type: "binary", target: null });
  });

  it("renaming to another active habit's name is name_taken; a change of case of its own name is not", async () => {
    const f = await setUp();
    const read = unwrap(await f.create({ name: "Read" }));
    unwrap(await f.create({ name: "Run" }));

    expect(await f.update(read.id, { name: "RUN" })).toEqual({ ok: false, reason: "name_taken", name: "RUN" });
    expect(unwrap(await f.update(read.id, { name: "READ" })).name).toBe("READ");
  });

  it("another user's habit cannot be seen, updated, archived or deleted", async () => {
    const f = await setUp();
    const other = await f.otherUser();
    const theirs = unwrap(await f.core.habits.create(other.id, { name: "Theirs" }));

    expect(await f.core.habits.get(f.user.id, theirs.id)).toBeUndefined();
    expect(await f.update(theirs.id, { name: "Mine" })).toEqual({ ok: false, reason: "not_found" });
    expect(await f.archive(theirs.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await f.core.habits.delete(f.user.id, theirs.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await f.core.habits.get(other.id, theirs.id)).toMatchObject({ name: "Theirs", archivedAt: null });
  });
});

describe("deleting a habit", () => {
  it("delete removes the habit with its whole history; a second delete is not_found", async () => {
    const f = await setUp();
    const habit = unwrap(await f.create({ name: "Read" }));
    unwrap(await f.core.completions.complete({ userId: f.user.id, habitId: habit.id, source: "api" }));

    expect(await f.core.habits.delete(f.user.id, habit.id)).toEqual({ ok: true, value: true });

    expect(await f.core.habits.get(f.user.id, habit.id)).toBeUndefined();
    expect(await f.store.completions.listForHabit(habit.id)).toEqual([]);
    expect(await f.store.draws.find(habit.id, f.today())).toBeUndefined();
    expect(await f.core.habits.delete(f.user.id, habit.id)).toEqual({ ok: false, reason: "not_found" });
  });

  it("a deleted habit's name is free again", async () => {
    const f = await setUp();
    const habit = unwrap(await f.create({ name: "Read" }));
    unwrap(await f.core.habits.delete(f.user.id, habit.id));

    expect((await f.create({ name: "Read" })).ok).toBe(true);
  });
});
