// Rate limits: 429 problems with Retry-After and the RateLimit-* headers. Counters live in the
// process (express-rate-limit's memory store), so each API instance counts on its own. Failed
// logins and code checks are counted by login-throttle.ts, with the rules set here.
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { problem, sendProblem } from "./problem.js";

export interface RateLimitRule {
  /** Requests allowed in each window. */
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  /** Login attempts from one address, for any account. */
  loginPerIp: RateLimitRule;
  /** Failed logins from one address against one account (username and email count as one): then 429 there. */
  loginFailuresPerAccountAddress: RateLimitRule;
  /**
   * Failed logins against one account from every address: then only addresses that logged into it
   * in the last 30 days are heard (login-throttle.ts).
   */
  loginFailuresPerAccount: RateLimitRule;
  /** Registrations from one address. */
  registerPerIp: RateLimitRule;
  /** Telegram login codes asked for from one address. */
  telegramCodePerIp: RateLimitRule;
  /** Telegram login codes asked for one Telegram id or username, whether or not it has an account. */
  telegramCodePerAccount: RateLimitRule;
  /** Telegram login code checks from one address. */
  telegramVerifyPerIp: RateLimitRule;
  /** Failed login code checks from one address against one account (its Telegram id and username count as one). */
  telegramVerifyFailuresPerAccountAddress: RateLimitRule;
  /** Failed login code checks against one account from every address: then only trusted addresses, as for logins. */
  telegramVerifyFailuresPerAccount: RateLimitRule;
  /** Login Widget and Mini App logins from one address. */
  telegramSignedPerIp: RateLimitRule;
}

const minute = 60 * 1000;

export const defaultRateLimits: RateLimits = {
  loginPerIp: { limit: 30, windowMs: 15 * minute },
  loginFailuresPerAccountAddress: { limit: 5, windowMs: 15 * minute },
  loginFailuresPerAccount: { limit: 100, windowMs: 24 * 60 * minute },
  registerPerIp: { limit: 10, windowMs: 60 * minute },
  telegramCodePerIp: { limit: 10, windowMs: 15 * minute },
  telegramCodePerAccount: { limit: 3, windowMs: 60 * minute },
  telegramVerifyPerIp: { limit: 30, windowMs: 15 * minute },
  telegramVerifyFailuresPerAccountAddress: { limit: 10, windowMs: 15 * minute },
  telegramVerifyFailuresPerAccount: { limit: 100, windowMs: 24 * 60 * minute },
  telegramSignedPerIp: { limit: 30, windowMs: 15 * minute },
};

/** The client's address as the limits count it (an IPv6 address by its /56 network). */
export const addressOf = (request: Request) => ipKeyGenerator(request.ip ?? request.socket.remoteAddress ?? "unknown");

export function limitPerIp(rule: RateLimitRule): RequestHandler {
  return limiter(rule, { key: addressOf, countFailuresOnly: false });
}

/** Keyed by the account a request names (`accountOf`); requests naming none are not counted here. */
export function limitPerAccount(
  rule: RateLimitRule,
  accountOf: (request: Request) => string | undefined,
  options: { countFailuresOnly: boolean },
): RequestHandler {
  return limiter(rule, {
    key: (request) => `account:${accountOf(request)}`,
    skip: (request) => !accountOf(request),
    ...options,
  });
}

function limiter(
  rule: RateLimitRule,
  options: { key: (request: Request) => string; skip?: (request: Request) => boolean; countFailuresOnly: boolean },
): RequestHandler {
  return rateLimit({
    windowMs: rule.windowMs,
    limit: rule.limit,
    standardHeaders: "draft-6",
    legacyHeaders: false,
    keyGenerator: options.key,
    ...(options.skip && { skip: options.skip }),
    skipSuccessfulRequests: options.countFailuresOnly,
    handler: (_request, response, _next, used) => {
      const seconds = Math.ceil(used.windowMs / 1000);
      sendProblem(response, problem("rate_limited", `Too many requests: try again within ${seconds} seconds.`));
    },
  });
}
