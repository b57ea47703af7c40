// API credentials for Telegram users: one-time login codes the bot sends, and API keys made in the
// bot. Only hashes are stored; a code or key is seen once, when it is made.
import { accountLimits } from "../limits.js";
import type { ApiKeyScope } from "./credentials.js";

export const accessLimits = {
  loginCodeDigits: 6,
  loginCodeTtlMinutes: 5,
  /** Codes issued per user in any rolling hour: with 5 tries each, 15 guesses in 10^6 an hour. */
  loginCodesPerHour: 3,
  loginCodeMaxTries: 5,
  apiKeyNameMax: 50,
  maxApiKeys: accountLimits.apiKeys,
} as const;

/** A login code as stored: its hash, never the digits. */
export interface LoginCode {
  id: string;
  userId: string;
  codeHash: string;
  expiresAt: Date;
  failedTries: number;
  /** When it was used, or made unusable by a newer code; null while it is live. */
  consumedAt: Date | null;
  createdAt: Date;
}

/** What a user may see of an API key: never the key or its hash. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  /** The key's first characters (`hab_` and 8 more), so a user can tell keys apart. */
  prefix: string;
  /** What the key may do (credentials.ts): a non-empty subset of `read`, `write`. */
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
}
