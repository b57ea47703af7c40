// Tags over the in-memory store: names and colors, uniqueness per user, and tags on habits by id.
import { describe, expect, it } from "vitest";
import { habitLimits } from "../habits/habit.js";
import { createCoreFixture, unwrap } from "../testing/core-fixture.js";
import { tagLimits } from "./tag.js";

describe("making and changing tags", () => {
  it("create trims the name, upper-cases the color, and starts with no habits", async () => {
    const { core, user } = await createCoreFixture();
    const tag = unwrap(await core.tags.create(user.id, { name: "  Health ", color: "#a1b2c3" }));
    expect(tag).toEqual({
      id: expect.any(String),
      name: "Health",
      color: "#A1B2C3",
      habitCount: 0,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(await core.tags.get(user.id, tag.id)).toEqual(tag);
    expect(unwrap(await core.tags.create(user.id, { name: "Mind" })).color).toBeNull();
  });

  it("names are 1–50 characters once trimmed, colors #RRGGBB or none", async () => {
    const { core, user } = await createCoreFixture();
    expect(await core.tags.create(user.id, { name: "   " })).toEqual({
      ok: false,
      reason: "invalid",
      errors: [{ field: "name", code: "required" }],
    });
    expect(await core.tags.create(user.id, { name: "x".repeat(tagLimits.name + 1), color: "red" })).toEqual({
      ok: false,
      reason: "invalid",
      errors: [
        { field: "name", code: "too_long", limit: 50 },
        { field: "color", code: "invalid_format", limit: "#RRGGBB" },
      ],
    });
    for (const color of ["#12345", "#1234567", "123456", "#GGGGGG", ""]) {
      expect(await core.tags.create(user.id, { name: "Colored", color })).toMatchObject({ reason: "invalid" });
    }
    expect(unwrap(await core.tags.create(user.id, { name: ` ${"x".repeat(50)} ` })).name).toBe("x".repeat(50));
  });

  it("a name is the user's only one whatever its case; another user may have it", async () => {
    const { core, otherUser, user } = await createCoreFixture();
    unwrap(await core.tags.create(user.id, { name: "Health" }));
    expect(await core.tags.create(user.id, { name: " HEALTH " })).toEqual({ ok: false, reason: "name_taken" });
    const stranger = await otherUser();
    expect((await core.tags.create(stranger.id, { name: "health" })).ok).toBe(true);
  });

  it("a tag a habit made by name takes the name too", async () => {
    const { core, habit, user } = await createCoreFixture();
    await habit({ tags: ["Morning"] });
    expect(await core.tags.create(user.id, { name: "morning" })).toEqual({ ok: false, reason: "name_taken" });
    expect(await core.tags.list(user.id)).toMatchObject([{ name: "Morning", color: null, habitCount: 1 }]);
  });

  it("update merges name and color over the tag; the habits carrying it show the new name", async () => {
    const { core, habit, user } = await createCoreFixture();
    const tag = unwrap(await core.tags.create(user.id, { name: "Health", color: "#112233" }));
    const carrier = unwrap(await core.tags.setHabitTags(user.id, (await habit()).id, [tag.id]));
    const renamed = unwrap(await core.tags.update(user.id, tag.id, { name: " Body " }));
    expect(renamed).toEqual({ ...tag, name: "Body", habitCount: 1, updatedAt: expect.any(Date) });
    expect(unwrap(await core.tags.update(user.id, tag.id, { color: null })).color).toBeNull();
    expect(unwrap(await core.tags.update(user.id, tag.id, { name: "Body", color: "#abcdef" })).color).toBe("#ABCDEF");
    expect((await core.habits.get(user.id, carrier.id))?.tags).toEqual(["Body"]);
  });

  it("update refuses a name another of the user's tags has, bad fields, and another user's tag", async () => {
    const { core, otherUser, user } = await createCoreFixture();
    unwrap(await core.tags.create(user.id, { name: "Health" }));
    const tag = unwrap(await core.tags.create(user.id, { name: "Mind" }));
    expect(await core.tags.update(user.id, tag.id, { name: "health" })).toEqual({ ok: false, reason: "name_taken" });
    expect(await core.tags.update(user.id, tag.id, { name: "" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await core.tags.update(user.id, tag.id, { color: "#12" })).toMatchObject({ ok: false, reason: "invalid" });
    // Its own name in another case is its own.
    expect(unwrap(await core.tags.update(user.id, tag.id, { name: "MIND" })).name).toBe("MIND");

    const stranger = await otherUser();
    expect(await core.tags.update(stranger.id, tag.id, { name: "Mine" })).toEqual({ ok: false, reason: "not_found" });
    expect(await core.tags.update(user.id, "tag-999999", { name: "Gone" })).toEqual({ ok: false, reason: "not_found" });
    expect((await core.tags.get(user.id, tag.id))?.name).toBe("MIND");
  });

  it("list is the user's own tags by name, case-insensitively, with their habit counts", async () => {
    const { core, habit, otherUser, user } = await createCoreFixture();
    const zeta = unwrap(await core.tags.create(user.id, { name: "zeta" }));
    const alpha = unwrap(await core.tags.create(user.id, { name: "Alpha" }));
    unwrap(await core.tags.create(user.id, { name: "beta" }));
    unwrap(await core.tags.create((await otherUser()).id, { name: "Theirs" }));
    const archived = await habit();
    unwrap(await core.tags.setHabitTags(user.id, (await habit()).id, [alpha.id, zeta.id]));
    unwrap(await core.tags.setHabitTags(user.id, archived.id, [alpha.id]));
    unwrap(await core.habits.archive(user.id, archived.id));

    const listed = await core.tags.list(user.id);
    expect(listed.map((tag) => [tag.name, tag.habitCount])).toEqual([
      ["Alpha", 2],
      ["beta", 0],
      ["zeta", 1],
    ]);
  });

  it("delete takes the tag off its habits; another user's tag is not found", async () => {
    const { core, habit, otherUser, user } = await createCoreFixture();
    const gone = unwrap(await core.tags.create(user.id, { name: "Gone" }));
    const kept = unwrap(await core.tags.create(user.id, { name: "Kept" }));
    const carrier = unwrap(await core.tags.setHabitTags(user.id, (await habit()).id, [gone.id, kept.id]));
    const stranger = await otherUser();
    expect(await core.tags.delete(stranger.id, gone.id)).toEqual({ ok: false, reason: "not_found" });

    expect(await core.tags.delete(user.id, gone.id)).toEqual({ ok: true, value: true });
    expect(await core.tags.get(user.id, gone.id)).toBeUndefined();
    expect((await core.habits.get(user.id, carrier.id))?.tags).toEqual(["Kept"]);
    expect(await core.tags.delete(user.id, gone.id)).toEqual({ ok: false, reason: "not_found" });
    // The name is free again.
    expect((await core.tags.create(user.id, { name: "gone" })).ok).toBe(true);
  });

  it("another user's tag is not found by get", async () => {
    const { core, otherUser, user } = await createCoreFixture();
    const tag = unwrap(await core.tags.create(user.id, { name: "Private" }));
    expect(await core.tags.get((await otherUser()).id, tag.id)).toBeUndefined();
  });
});

describe("tags on habits", () => {
  it("setHabitTags replaces the habit's tags, a repeated id once; an empty list clears them", async () => {
    const { clock, core, habit, user } = await createCoreFixture();
    const health = unwrap(await core.tags.create(user.id, { name: "Health" }));
    const mind = unwrap(await core.tags.create(user.id, { name: "mind" }));
    const old = await habit({ tags: ["Old"] });
    clock.advanceDays(1);

    const tagged = unwrap(await core.tags.setHabitTags(user.id, old.id, [mind.id, health.id, mind.id]));
    expect(tagged).toEqual({ ...old, tags: ["Health", "mind"], updatedAt: clock.now() });
    expect(await core.habits.get(user.id, old.id)).toEqual(tagged);
    // The tag the habit made by name stays, on no habit now.
    expect((await core.tags.list(user.id)).map((tag) => [tag.name, tag.habitCount])).toEqual([
      ["Health", 1],
      ["mind", 1],
      ["Old", 0],
    ]);
    expect(unwrap(await core.tags.setHabitTags(user.id, old.id, [])).tags).toEqual([]);
  });

  it("refuses an unknown tag or another user's, naming it, and changes nothing", async () => {
    const { core, habit, otherUser, user } = await createCoreFixture();
    const mine = unwrap(await core.tags.create(user.id, { name: "Mine" }));
    const stranger = await otherUser();
    const theirs = unwrap(await core.tags.create(stranger.id, { name: "Theirs" }));
    const target = await habit({ tags: ["Before"] });
    expect(await core.tags.setHabitTags(user.id, target.id, [mine.id, theirs.id])).toEqual({
      ok: false,
      reason: "tag_not_found",
      tagId: theirs.id,
    });
    expect(await core.tags.setHabitTags(user.id, target.id, ["tag-999999"])).toEqual({
      ok: false,
      reason: "tag_not_found",
      tagId: "tag-999999",
    });
    expect((await core.habits.get(user.id, target.id))?.tags).toEqual(["Before"]);
  });

  it("another user's habit is not found, and keeps its tags", async () => {
    const { core, otherUser, user } = await createCoreFixture();
    const stranger = await otherUser();
    const theirs = unwrap(await core.habits.create(stranger.id, { name: "Theirs", tags: ["Kept"] }));
    const mine = unwrap(await core.tags.create(user.id, { name: "Mine" }));
    expect(await core.tags.setHabitTags(user.id, theirs.id, [mine.id])).toEqual({ ok: false, reason: "not_found" });
    const [kept] = await core.tags.list(stranger.id);
    expect(await core.tags.removeHabitTag(user.id, theirs.id, kept?.id ?? "")).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect((await core.habits.get(stranger.id, theirs.id))?.tags).toEqual(["Kept"]);
  });

  it("at most 20 tags on a habit, as for tags given by name", async () => {
    const { core, habit, user } = await createCoreFixture();
    const ids = [];
    for (let index = 0; index <= habitLimits.tags; index++) {
      ids.push(unwrap(await core.tags.create(user.id, { name: `Tag ${index}` })).id);
    }
    const target = await habit();
    expect(await core.tags.setHabitTags(user.id, target.id, ids)).toEqual({
      ok: false,
      reason: "too_many_items",
      limit: { name: "tagsPerHabit", max: 20 },
    });
    expect((await core.habits.get(user.id, target.id))?.tags).toEqual([]);
    const twenty = unwrap(await core.tags.setHabitTags(user.id, target.id, ids.slice(0, habitLimits.tags)));
    expect(twenty.tags).toHaveLength(20);
    // The habit stays valid: an update of another field goes through.
    expect((await core.habits.update(user.id, target.id, { weight: 20 })).ok).toBe(true);
  });

  it("removeHabitTag takes one tag off; a tag of mine the habit does not carry is already off", async () => {
    const { clock, core, habit, user } = await createCoreFixture();
    const health = unwrap(await core.tags.create(user.id, { name: "Health" }));
    const mind = unwrap(await core.tags.create(user.id, { name: "Mind" }));
    const target = unwrap(await core.tags.setHabitTags(user.id, (await habit()).id, [health.id, mind.id]));
    clock.advanceDays(1);

    const removed = unwrap(await core.tags.removeHabitTag(user.id, target.id, health.id));
    expect(removed).toEqual({ ...target, tags: ["Mind"], updatedAt: clock.now() });
    expect(await core.tags.removeHabitTag(user.id, target.id, health.id)).toEqual({ ok: true, value: removed });
    expect((await core.tags.get(user.id, health.id))?.habitCount).toBe(0);
  });

  it("removeHabitTag of an unknown tag, or another user's, is not found", async () => {
    const { core, habit, otherUser, user } = await createCoreFixture();
    const target = await habit({ tags: ["Stays"] });
    const theirs = unwrap(await core.tags.create((await otherUser()).id, { name: "Theirs" }));
    expect(await core.tags.removeHabitTag(user.id, target.id, theirs.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await core.tags.removeHabitTag(user.id, target.id, "tag-999999")).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await core.tags.removeHabitTag(user.id, "habit-999999", theirs.id)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect((await core.habits.get(user.id, target.id))?.tags).toEqual(["Stays"]);
  });
});
