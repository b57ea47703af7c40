import { describe, expect, it } from "vitest";
import { systemRandom } from "./system-random.js";

describe("systemRandom", () => {
  it("gives numbers in [0, 1) that spread over the whole range", () => {
    const values = Array.from({ length: 2000 }, () => systemRandom.next());
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    // Each tenth of the range gets some: 2,000 draws leave an empty tenth with odds of 10 × 0.9^2000.
    const tenths = new Set(values.map((value) => Math.floor(value * 10)));
    expect(tenths.size).toBe(10);
    expect(new Set(values).size).toBeGreaterThan(1990);
  });
});
