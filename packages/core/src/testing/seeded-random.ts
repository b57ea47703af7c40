import type { RandomSource } from "../ports/random.js";

/** A reproducible RandomSource (mulberry32): the same seed gives the same numbers everywhere. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** A RandomSource that returns the given numbers in order (and fails loudly when they run out). */
export function scriptedRandom(...values: number[]): RandomSource {
  let index = 0;
  return {
    next() {
      const value = values[index++];
      if (value === undefined) throw new Error("scriptedRandom ran out of numbers");
      return value;
    },
  };
}
