// Failed logins, counted so that guessing is slow without locking the owner out (issue 9, item 11):
// - per (account, address): an address that fails `perAccountAddress.limit` times against one account
//   within the window is refused for that account, even with the right password: the guesser's address;
// - per account, from every address: past `perAccount.limit` failures in its window the account
//   hears only addresses that logged into it before (`trustedForMs`), so many addresses together
//   cannot guess faster than that, while the owner's usual address still gets in.
// An account is counted once however it is named (the key comes from the core: its id, or the
// name itself when no account has it, so an unknown name counts alike and the limits reveal
// nothing). A success clears its address's failures. Attempts in flight are counted as failures
// until they succeed, so parallel guesses cannot all slip under a limit.
//
// The counts live in an `AttemptLog`: in the process's memory for now (each API instance counts on
// its own, and a restart forgets), behind an interface a shared store can implement later.
import type { Clock } from "@habits/core";
import type { RateLimitRule } from "./rate-limit.js";
import { problemReply } from "./route.js";

/** Timestamped entries under string keys, kept only as long as their windows need them. */
export interface AttemptLog {
  /**
   * Adds an entry at `at` under `key` unless the key already holds `limit` entries made since
   * `since`; atomic. The entry's id, or when the oldest of those entries was made.
   */
  add(
    key: string,
    at: Date,
    window: { since: Date; limit: number },
  ): Promise<{ added: true; id: number } | { added: false; oldest: Date }>;
  remove(key: string, id: number): Promise<void>;
  /** Entries under `key` made since `since`. */
  count(key: string, since: Date): Promise<number>;
  clear(key: string): Promise<void>;
}

export interface LoginThrottleRules {
  /** Failures one address may make against one account in a window; then that address waits. */
  perAccountAddress: RateLimitRule;
  /** Failures against one account from all addresses in a window; then only trusted addresses are heard. */
  perAccount: RateLimitRule;
}

/** How long an address that logged into an account stays trusted for it. */
const trustedAddressMs = 30 * 24 * 60 * 60 * 1000;

export type Throttled<T> =
  | { ok: true; value: T }
  | { ok: false; limit: "account_address" | "account"; rule: RateLimitRule; retryAfterSeconds: number };

export interface LoginThrottle {
  /**
   * Runs `check` (the password or code comparison) for `account` from `address` unless a limit
   * refuses it first; `succeeded` tells a success from a failure by its outcome.
   */
  attempt<T>(
    account: string,
    address: string,
    check: () => Promise<T>,
    succeeded: (outcome: T) => boolean,
  ): Promise<Throttled<T>>;
}

/** The 429 for an attempt a limit refused, with Retry-After and the RateLimit-* headers of that limit. */
export function throttledReply(refused: Extract<Throttled<unknown>, { ok: false }>) {
  const seconds = refused.retryAfterSeconds;
  const { limit, windowMs } = refused.rule;
  const detail =
    refused.limit === "account_address"
      ? `Too many failed attempts for this account from your address: try again in ${seconds} seconds.`
      : `Too many failed attempts for this account from many addresses: try again in ${seconds} seconds, ` +
        "or from where you logged in before.";
  return problemReply("rate_limited", detail, {
    "Retry-After": String(seconds),
    "RateLimit-Policy": `${limit};w=${Math.ceil(windowMs / 1000)}`,
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": "0",
    "RateLimit-Reset": String(seconds),
  });
}

export function createLoginThrottle(options: {
  /** Tells this throttle's keys from another's in a shared log (`login`, `telegram`). */
  name: string;
  rules: LoginThrottleRules;
  clock: Clock;
  log: AttemptLog;
}): LoginThrottle {
  const { name, rules, clock, log } = options;
  const before = (now: Date, ms: number) => new Date(now.getTime() - ms);
  const secondsUntil = (oldest: Date, windowMs: number, now: Date) =>
    Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));

  return {
    async attempt<T>(
      account: string,
      address: string,
      check: () => Promise<T>,
      succeeded: (outcome: T) => boolean,
    ): Promise<Throttled<T>> {
      const now = clock.now();
      const pairKey = `${name}:failures:${account}:${address}`;
      const accountKey = `${name}:failures:${account}`;
      const trustKey = `${name}:trusted:${account}:${address}`;
      const { perAccountAddress: pair, perAccount } = rules;

      const pairSlot = await log.add(pairKey, now, { since: before(now, pair.windowMs), limit: pair.limit });
      if (!pairSlot.added) {
        return {
          ok: false,
          limit: "account_address",
          rule: pair,
          retryAfterSeconds: secondsUntil(pairSlot.oldest, pair.windowMs, now),
        };
      }
      const trusted = (await log.count(trustKey, before(now, trustedAddressMs))) > 0;
      const accountSlot = await log.add(accountKey, now, {
        since: before(now, perAccount.windowMs),
        limit: trusted ? Number.POSITIVE_INFINITY : perAccount.limit,
      });
      if (!accountSlot.added) {
        await log.remove(pairKey, pairSlot.id);
        return {
          ok: false,
          limit: "account",
          rule: perAccount,
          retryAfterSeconds: secondsUntil(accountSlot.oldest, perAccount.windowMs, now),
        };
      }

      let outcome: T;
      try {
        outcome = await check();
      } catch (error) {
        // Not a wrong guess (the database failed, say): nothing is counted.
        await log.remove(pairKey, pairSlot.id);
        await log.remove(accountKey, accountSlot.id);
        throw error;
      }
      if (succeeded(outcome)) {
        await log.remove(accountKey, accountSlot.id);
        await log.clear(pairKey);
        await log.clear(trustKey);
        await log.add(trustKey, now, { since: now, limit: Number.POSITIVE_INFINITY });
      }
      return { ok: true, value: outcome };
    },
  };
}

/**
 * The log in this process's memory. Each key keeps its entries newest last; entries older than the
 * window a caller counts are dropped as it adds. Keys whose newest entry is older than `maxAgeMs`
 * are swept now and then, and past `maxKeys` the oldest keys go first, so no input grows it
 * without bound (an attacker who fills it loses counts, never the process its memory).
 */
export function createMemoryAttemptLog(options: { clock: Clock; maxAgeMs?: number; maxKeys?: number }): AttemptLog {
  const maxAgeMs = options.maxAgeMs ?? trustedAddressMs;
  const maxKeys = options.maxKeys ?? 100_000;
  const entries = new Map<string, Array<{ id: number; at: number }>>();
  let ids = 0;
  let addsSinceSweep = 0;

  function sweep() {
    addsSinceSweep = 0;
    const oldest = options.clock.now().getTime() - maxAgeMs;
    for (const [key, list] of entries) if ((list.at(-1)?.at ?? 0) < oldest) entries.delete(key);
    for (const key of entries.keys()) {
      if (entries.size <= maxKeys) break;
      entries.delete(key);
    }
  }

  return {
    async add(key, at, window) {
      const since = window.since.getTime();
      const list = (entries.get(key) ?? []).filter((entry) => entry.at >= since);
      if (list.length >= window.limit) {
        entries.set(key, list);
        return { added: false, oldest: new Date(list[0]?.at ?? at.getTime()) };
      }
      ids += 1;
      list.push({ id: ids, at: at.getTime() });
      // Re-inserted, so the Map's order is the keys' last use: the sweep's overflow drops the stalest.
      entries.delete(key);
      entries.set(key, list);
      addsSinceSweep += 1;
      if (addsSinceSweep >= 1000 || entries.size > maxKeys) sweep();
      return { added: true, id: ids };
    },
    async remove(key, id) {
      const list = entries.get(key);
      if (!list) return;
      const kept = list.filter((entry) => entry.id !== id);
      if (kept.length > 0) entries.set(key, kept);
      else entries.delete(key);
    },
    async count(key, since) {
      const from = since.getTime();
      return (entries.get(key) ?? []).filter((entry) => entry.at >= from).length;
    },
    async clear(key) {
      entries.delete(key);
    },
  };
}
