import { describe, expect, it } from "vitest";
import { findBadText, nestsDeeperThan, textFault } from "./input-limits.js";

/** `[[[…]]]`, `depth` arrays deep, parsed as a request body would be. */
const nestedArrays = (depth: number) => JSON.parse("[".repeat(depth) + "]".repeat(depth));

describe("nesting", () => {
  it("counts objects and arrays, not scalars", () => {
    expect(nestsDeeperThan(1, 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({ a: [{ b: "x" }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(nestsDeeperThan(nestedArrays(32), 32)).toBe(false);
    expect(nestsDeeperThan(nestedArrays(33), 32)).toBe(true);
  });

  it("measures 50,000 levels without overflowing the stack", () => {
    expect(nestsDeeperThan(nestedArrays(50_000), 32)).toBe(true);
  });
});

describe("text", () => {
  it("refuses NUL and unpaired surrogates, and takes pairs and other characters", () => {
    expect(textFault("a\u0000b")).toBe("contains NUL (U+0000)");
    expect(textFault("\uD800")).toMatch(/unpaired surrogate/);
    expect(textFault("x\uDC00")).toMatch(/unpaired surrogate/);
    expect(textFault("\uDC00\uD800")).toMatch(/unpaired surrogate/);
    expect(textFault("😀 \u0001 \uFFFF ü")).toBeUndefined();
  });

  it("finds refused text in values and member names, with its path", () => {
    const body = JSON.parse('{"name": "a\\u0000", "tags": ["ok", "\\ud800"], "r": {"k\\u0000": 1}, "fine": "yes"}');
    expect(findBadText(body)).toEqual(
      expect.arrayContaining([
        { path: ["name"], message: "contains NUL (U+0000)" },
        { path: ["tags", "1"], message: "contains an unpaired surrogate (not valid Unicode)" },
        { path: ["r"], message: "has a member name that contains NUL (U+0000)" },
      ]),
    );
    expect(findBadText(body)).toHaveLength(3);
    expect(findBadText({ a: ["x", { b: "y" }] })).toEqual([]);
  });

  it("stops at the limit", () => {
    expect(
      findBadText(
        Array.from({ length: 1000 }, () => "\u0000"),
        20,
      ),
    ).toHaveLength(20);
  });
});
