import { describe, expect, it } from "vitest";
import { applyJsonPatch, applyMergePatch, jsonEqual, type PatchOperation, parsePointer } from "./json-patch.js";

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
    ).toEqual({ ok: true, document: { name: "Write", tags: ["c"], frequency: { type: "daily", timesPerPeriod: 2 } } });
    expect(applyMergePatch({ a: 1 }, [1])).toEqual({ ok: true, document: [1] });
    expect(applyMergePatch("x", { a: { b: null } })).toEqual({ ok: true, document: { a: {} } });
  });

  it("merges __proto__ and constructor as plain members, never into a prototype", () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    const outcome = applyMergePatch({ constructor: 1 }, patch);
    expect(outcome.ok && Object.keys(outcome.document as object).sort()).toEqual(["__proto__", "constructor"]);
    expect(outcome.ok && Object.getPrototypeOf(outcome.document)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("holds the result to the size and nesting bounds", () => {
    const bounds = { maxBytes: 1000, maxDepth: 4, maxOperations: 10 };
    expect(applyMergePatch({ a: "x" }, { b: "y".repeat(2000) }, bounds)).toMatchObject({
      ok: false,
      reason: "too_large",
    });
    expect(applyMergePatch({ a: { b: {} } }, { a: { b: { c: { d: {} } } } }, bounds)).toMatchObject({
      ok: false,
      reason: "too_deep",
    });
    expect(applyMergePatch({ a: 1 }, { b: { c: 1 } }, bounds)).toEqual({ ok: true, document: { a: 1, b: { c: 1 } } });
  });
});

describe("the work a JSON Patch can cause", () => {
  const copiesOfTheRoot = (count: number): PatchOperation[] =>
    Array.from({ length: count }, (_, index) => ({ op: "copy", from: "", path: `/k${index}` }));

  it("refuses a copy or move from the root or an ancestor of its target, as into_itself", () => {
    // The audit's attack: each copy of the root into a new member doubles the document.
    expect(applyJsonPatch(doc(), copiesOfTheRoot(20))).toMatchObject({ ok: false, reason: "into_itself", index: 0 });
    for (const operation of [
      { op: "copy", from: "/frequency", path: "/frequency/copy" },
      { op: "copy", from: "/tags", path: "/tags/-" },
      { op: "move", from: "", path: "/moved" },
      { op: "move", from: "/frequency", path: "/frequency/x" },
    ] as PatchOperation[]) {
      expect(applyJsonPatch(doc(), [operation]), JSON.stringify(operation)).toMatchObject({ reason: "into_itself" });
    }
    // A sibling whose name starts with the source's is not inside it.
    expect(applyJsonPatch({ a: 1 }, [{ op: "copy", from: "/a", path: "/ab" }])).toEqual({
      ok: true,
      document: { a: 1, ab: 1 },
    });
  });

  it("checks the document's size after every operation: the first one past the bound is refused", () => {
    const bounds = { maxBytes: 10_000, maxDepth: 32, maxOperations: 100 };
    const start = { text: "x".repeat(3000) };
    const copies: PatchOperation[] = [1, 2, 3, 4].map((n) => ({ op: "copy", from: "/text", path: `/c${n}` }));
    // 3 kB, then 6, 9, and the third copy makes 12 kB.
    expect(applyJsonPatch(start, copies, bounds)).toMatchObject({ ok: false, reason: "too_large", index: 2 });
    expect(applyJsonPatch(start, copies.slice(0, 2), bounds)).toMatchObject({ ok: true });
    // Bytes, not characters: 3,000 three-byte characters are 9 kB.
    expect(applyJsonPatch({}, [{ op: "add", path: "/t", value: "€".repeat(3400) }], bounds)).toMatchObject({
      reason: "too_large",
    });
  });

  it("checks the document's nesting after every operation", () => {
    const bounds = { maxBytes: 100_000, maxDepth: 5, maxOperations: 100 };
    const nested = { a: { b: { c: {} } } };
    // A copy beside the original nests no deeper (four levels).
    expect(applyJsonPatch(nested, [{ op: "copy", from: "/a", path: "/a2" }], bounds)).toMatchObject({ ok: true });
    expect(applyJsonPatch(nested, [{ op: "add", path: "/x", value: [[[[[[1]]]]]] }], bounds)).toMatchObject({
      ok: false,
      reason: "too_deep",
      index: 0,
    });
    expect(applyJsonPatch(nested, [{ op: "copy", from: "/a", path: "/a/b/c/d" }], bounds)).toMatchObject({
      ok: false,
      reason: "into_itself",
    });
    // Three levels copied under three levels: six.
    expect(
      applyJsonPatch({ ...nested, d: { e: {} } }, [{ op: "copy", from: "/a", path: "/d/e/f" }], bounds),
    ).toMatchObject({ ok: false, reason: "too_deep" });
  });

  it("takes at most the operations the bounds allow", () => {
    const tests: PatchOperation[] = Array.from({ length: 101 }, () => ({ op: "test", path: "/name", value: "Read" }));
    expect(applyJsonPatch(doc(), tests)).toMatchObject({ ok: false, reason: "invalid" });
    expect(applyJsonPatch(doc(), tests.slice(0, 100))).toMatchObject({ ok: true });
  });

  it("never reaches a prototype through a pointer", () => {
    for (const path of ["/__proto__/x", "/constructor/prototype/x", "/toString/x", "/name/length"]) {
      expect(applyJsonPatch(doc(), [{ op: "add", path, value: 1 }]), path).toMatchObject({ reason: "not_applicable" });
    }
    expect(applyJsonPatch(doc(), [{ op: "copy", from: "/constructor", path: "/c" }])).toMatchObject({
      reason: "not_applicable",
    });
    expect(applyJsonPatch(doc(), [{ op: "test", path: "/hasOwnProperty", value: {} }])).toMatchObject({
      reason: "test_failed",
    });
    expect(applyJsonPatch([], [{ op: "add", path: "/constructor", value: 1 }])).toMatchObject({
      reason: "not_applicable",
    });
    expect((Object.prototype as Record<string, unknown>).x).toBeUndefined();
  });
});
