import type { LocalDate } from "../time/local-date.js";

export const completionSources = ["bot", "api", "reminder", "batch", "import"] as const;
export type CompletionSource = (typeof completionSources)[number];

export interface Completion {
  id: string;
  habitId: string;
  userId: string;
  date: LocalDate;
  value: number | null;
  note: string | null;
  source: CompletionSource;
  /** The streak at this date (0 for a measurable log below its target, which does not count). */
  streak: number;
  /** The odds of the reward draw made for it. */
  totalWeight: number;
  winChance: number;
  createdAt: Date;
}
