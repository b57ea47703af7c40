import type { Clock } from "@habits/core";

/** The real clock, given to the core by the processes that run it. */
export const systemClock: Clock = { now: () => new Date() };
