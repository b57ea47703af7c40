import { type AccountLimits, accountLimits } from "./limits.js";
import type { Clock } from "./ports/clock.js";
import type { RandomSource } from "./ports/random.js";
import type { Store } from "./ports/store.js";

export interface CoreSettings {
  /** How many days back a completion may be logged (imports may go further). */
  backdateDays: number;
  /** How much one account may hold (`limits.ts`); tests lower them to reach them quickly. */
  limits: AccountLimits;
}

export const defaultCoreSettings: CoreSettings = { backdateDays: 7, limits: accountLimits };

/** What every use case runs on: storage, time and chance, all injected. */
export interface CoreDependencies {
  store: Store;
  clock: Clock;
  random: RandomSource;
  settings: CoreSettings;
}
