import { randomInt } from "node:crypto";
import type { RandomSource } from "@habits/core";

// 2^48: randomInt's largest range, and more resolution than any odds need.
const resolution = 2 ** 48;

/** Unpredictable numbers in [0, 1) for the reward draw. */
export const systemRandom: RandomSource = { next: () => randomInt(resolution) / resolution };
