import type { Clock, Core } from "@habits/core";
import type { TelegramLoginBot } from "../auth/telegram-login.js";
import type { Tokens } from "../auth/tokens.js";
import type { BackgroundWork } from "../http/background-work.js";
import type { AttemptLog, LoginThrottle } from "../http/login-throttle.js";
import type { RateLimits } from "../http/rate-limit.js";

/** What a resource's routes are built from. */
export interface RouteDependencies {
  core: Core;
  tokens: Tokens;
  rateLimits: RateLimits;
  /** The core's clock: "today" for defaults the HTTP layer resolves (analytics ranges). */
  clock: Clock;
  /** The bot, for Telegram logins; their routes answer 503 without it. */
  telegram?: TelegramLoginBot | undefined;
  /** Work that runs after the answer (a login code's lookup and send). */
  background: BackgroundWork;
  /** Where failed logins and code checks are counted (login-throttle.ts). */
  attempts: AttemptLog;
  /** Password checks of an account (logins, proofs of identity), counted as one. */
  loginThrottle: LoginThrottle;
}
