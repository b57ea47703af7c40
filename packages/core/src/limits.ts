// How much one account may hold and how many items one request may carry: the one place for these
// numbers. Each is far above what a serious user needs, and each keeps every list, page and
// computation over an account bounded (1,500 habits once made one list take seconds).

/**
 * What one account may hold at most. Creating one more is refused with `limit_reached`, counted
 * under the user's lock so concurrent creates cannot pass it together. Habits count active and
 * archived ones (both are listed, analysed and exported); API keys count those not revoked.
 */
export const accountLimits = {
  habits: 200,
  tags: 100,
  rewards: 100,
  apiKeys: 10,
} as const;

/**
 * How many items one request may carry in one list. A list over its limit is refused whole with
 * `too_many_items` and changes nothing. A habit's tags and reminder times are also what a habit
 * may hold, since a habit's lists are always written whole.
 */
export const itemLimits = {
  /** Tags on one habit, by name or by id. */
  tagsPerHabit: 20,
  /** Reminder times on one habit. */
  remindersPerHabit: 5,
  /** Completions in one batch request. */
  completionsPerBatch: 100,
} as const;

export type AccountLimitName = keyof typeof accountLimits;
export type ItemLimitName = keyof typeof itemLimits;

/** The account limits a core runs with (tests inject lower ones). */
export type AccountLimits = Record<AccountLimitName, number>;

/** The account already holds `max` of `name`: nothing was made. */
export interface LimitReached {
  reason: "limit_reached";
  limit: { name: AccountLimitName; max: number };
}

/** A list in the request holds more than `max` items: nothing was changed. */
export interface TooManyItems {
  reason: "too_many_items";
  limit: { name: ItemLimitName; max: number };
}

export const limitReached = (name: AccountLimitName, max: number): LimitReached => ({
  reason: "limit_reached",
  limit: { name, max },
});

export const tooManyItems = (name: ItemLimitName): TooManyItems => ({
  reason: "too_many_items",
  limit: { name, max: itemLimits[name] },
});
