import { randomBytes } from "node:crypto";
import type { RandomSource } from "@habits/core";

// 48 random bits: more resolution than any odds need. (randomInt cannot do this: its range must
// stay below 2^48, so randomInt(2 ** 48) throws.)
const resolution = 2 ** 48;

/** Unpredictable numbers in [0, 1) for the reward draw. */
export const systemRandom: RandomSource = { next: () => randomBytes(6).readUIntBE(0, 6) / resolution };
