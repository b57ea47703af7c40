export type { Clock } from "./ports/clock.js";
