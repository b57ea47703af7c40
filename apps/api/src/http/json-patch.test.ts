import { describe, expect, it } from "vitest";
import { applyJsonPatch, applyMergePatch, jsonEqual, parsePointer } from "./json-patch.js";

const doc = () => ({ name: "Read", tags: ["a", "b"], frequency: { type: "daily", timesPerPeriod: 1 }, "x/y": 1 });

describe("JSON Pointer", () => {
  it("unescapes ~1 and ~0, and the empty pointer is the whole document", () => {
    expect(parsePointer("")).toEqual([]);
    expect(parsePointer("/x~1y/~0z")).toEqual(["x/y", "~z"]);
  });

  it("refuses a pointer without a leading slash or with another escape", () => {
    expect(applyJsonPatch(doc(), [{ op: "remove", path: "name" }])).toMatchObject({ ok: false, reason: "invalid" });
    expect(applyJsonPatch(doc(), [{ op: "remove", path: "/a~2" }])).toMatchObject({ ok: false, reason: "invalid" });
  });
});

describe("JSON Patch (RFC 6902)", () => {
  it("adds, removes, replaces, moves, copies and tests, in order", () => {
    const outcome = applyJsonPatch(doc(), [
      { op: "test", path: "/name", value: "Read" },
      { op: "replace", path: "/name", value: "Write" },
      { op: "add", path: "/tags/-", value: "c" },
      { op: "add", path: "/tags/0", value: "z" },
      { op: "remove", path: "/tags/1" },
      { op: "copy", from: "/frequency", path: "/old" },
      { op: "replace", path: "/frequency/timesPerPeriod", value: 3 },
      { op: "move", from: "/x~1y", path: "/moved" },
      { op: "test", path: "/old", value: { timesPerPeriod: 1, type: "daily" } },
    ]);
    expect(outcome).toEqual({
      ok: true,
      document: {
        name: "Write",
        tags: ["z", "b", "c"],
        frequency: { type: "daily", timesPerPeriod: 3 },
        old: { type: "daily", timesPerPeriod: 1 },
        moved: 1,
      },
    });
  });

  it("applies all or nothing and never changes its input", () => {
    const input = doc();
    const outcome = applyJsonPatch(input, [
      { op: "replace", path: "/name", value: "Write" },
      { op: "test", path: "/name", value: "Read" },
    ]);
    expect(outcome).toMatchObject({ ok: false, reason: "test_failed", index: 1 });
    expect(input).toEqual(doc());
  });

  it("a missing location does not apply; a test of one fails", () => {
    expect(applyJsonPatch(doc(), [{ op: "remove", path: "/nope" }])).toMatchObject({ reason: "not_applicable" });
    expect(applyJsonPatch(doc(), [{ op: "replace", path: "/tags/2", value: 1 }])).toMatchObject({
      reason: "not_applicable",
    });
    expect(applyJsonPatch(doc(), [{ op: "add", path: "/tags/3", value: 1 }])).toMatchObject({
      reason: "not_applicable",
    });
    expect(applyJsonPatch(doc(), [{ op: "add", path: "/tags/01", value: 1 }])).toMatchObject({
      reason: "not_applicable",
    });
    expect(applyJsonPatch(doc(), [{ op: "add", path: "/a/b", value: 1 }])).toMatchObject({ reason: "not_applicable" });
    expect(applyJsonPatch(doc(), [{ op: "test", path: "/nope", value: 1 }])).toMatchObject({ reason: "test_failed" });
    expect(applyJsonPatch(doc(), [{ op: "move", from: "/frequency", path: "/frequency/x" }])).toMatchObject({
      reason: "not_applicable",
    });
    expect(applyJsonPatch(doc(), [{ op: "remove", path: "" }])).toMatchObject({ reason: "not_applicable" });
  });

  it("an add, replace or test needs a value", () => {
    expect(applyJsonPatch(doc(), [{ op: "add", path: "/n" }])).toMatchObject({ reason: "invalid" });
    expect(applyJsonPatch(doc(), [{ op: "add", path: "/n", value: null }])).toMatchObject({
      ok: true,
      document: { n: null },
    });
  });

  it("replaces the root, and sets __proto__ as a plain member", () => {
    expect(applyJsonPatch(doc(), [{ op: "replace", path: "", value: [1] }])).toEqual({ ok: true, document: [1] });
    const outcome = applyJsonPatch({}, [{ op: "add", path: "/__proto__", value: { polluted: true } }]);
    expect(outcome.ok && Object.keys(outcome.document as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("tests by JSON equality: members in any order, items in order", () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual(1, "1")).toBe(false);
  });
});

describe("JSON Merge Patch (RFC 7396)", () => {
  it("merges objects member by member; null removes; anything else replaces", () => {
    expect(
      applyMergePatch(doc(), { name: "Write", tags: ["c"], frequency: { timesPerPeriod: 2 }, "x/y": null }),
    ).toEqual({ name: "Write", tags: ["c"], frequency: { type: "daily", timesPerPeriod: 2 } });
    expect(applyMergePatch({ a: 1 }, [1])).toEqual([1]);
    expect(applyMergePatch("x", { a: { b: null } })).toEqual({ a: {} });
  });
});
