// How a Telegram user reaches the API without a password: a one-time login code the bot sends, or
// an API key made in the bot. A bare Telegram id is never a credential (DOMAIN.md).
import type { CoreDependencies } from "../core-dependencies.js";
import type { SecretSource } from "../ports/secrets.js";
import { fail, ok, type Result } from "../shared/result.js";
import { FieldErrors, type Invalid, singleLineName } from "../shared/validation.js";
import type { User } from "../users/user.js";
import { type ApiKeyInfo, accessLimits } from "./access.js";
import { equalInConstantTime } from "./constant-time.js";

export type IssueLoginCodeFailure = { reason: "not_found" } | { reason: "too_many_codes"; retryAt: Date };

export type VerifyLoginCodeFailure =
  | { reason: "code_invalid"; triesLeft: number }
  | { reason: "code_expired" }
  | { reason: "code_locked" };

export type CreateApiKeyFailure = Invalid | { reason: "not_found" } | { reason: "too_many_keys" };

const minuteMs = 60 * 1000;
const hourMs = 60 * minuteMs;
const apiKeyMarker = "hab_";
const apiKeyBytes = 32;
const apiKeyPrefixLength = 12;
/** `hab_` and the base64url of 32 bytes; anything else is refused before it is hashed or looked up. */
const apiKeyPattern = new RegExp(`^${apiKeyMarker}[A-Za-z0-9_-]{${Math.ceil((apiKeyBytes * 4) / 3)}}$`);
/** A write per request would queue every API call behind SQLite's one writer; a minute tells enough. */
const lastUsedPrecisionMs = minuteMs;

export function createAccessService(deps: CoreDependencies & { secrets: SecretSource }) {
  const { store, clock, secrets } = deps;

  return {
    /**
     * A fresh code for the bot to send. Earlier codes stop working. At most `loginCodesPerHour`
     * per rolling hour; `retryAt` is when the oldest of them ages out.
     */
    async issueLoginCode(userId: string): Promise<Result<{ code: string; expiresAt: Date }, IssueLoginCodeFailure>> {
      // Under the user's lock, so two requests at once cannot both pass the hourly limit.
      return store.transaction(async (tx) => {
        await tx.users.lock(userId);
        if (!(await tx.users.findById(userId))) return fail({ reason: "not_found" });
        const now = clock.now();
        const issued = await tx.access.loginCodesIssuedSince(userId, new Date(now.getTime() - hourMs));
        const blocking = issued[issued.length - accessLimits.loginCodesPerHour];
        if (blocking) return fail({ reason: "too_many_codes", retryAt: new Date(blocking.getTime() + hourMs) });
        const code = secrets.randomDigits(accessLimits.loginCodeDigits);
        const expiresAt = new Date(now.getTime() + accessLimits.loginCodeTtlMinutes * minuteMs);
        await tx.access.insertLoginCode({ userId, codeHash: secrets.codeHash(code), expiresAt, createdAt: now });
        return ok({ code, expiresAt });
      });
    },

    /**
     * Checks a code against the user's latest one. A wrong code costs a try; once the tries are
     * spent the code is locked, even for the right digits. The right code works once.
     */
    async verifyLoginCode(userId: string, code: string): Promise<Result<User, VerifyLoginCodeFailure>> {
      // Under the user's lock, so parallel guesses cannot all read the tries before any is counted.
      return store.transaction(async (tx) => {
        await tx.users.lock(userId);
        const latest = await tx.access.latestLoginCode(userId);
        const now = clock.now();
        if (!latest || now.getTime() >= latest.expiresAt.getTime()) return fail({ reason: "code_expired" });
        if (latest.failedTries >= accessLimits.loginCodeMaxTries) return fail({ reason: "code_locked" });
        if (!equalInConstantTime(secrets.codeHash(code.trim()), latest.codeHash)) {
          const tries = await tx.access.recordFailedTry(latest.id);
          return fail({ reason: "code_invalid", triesLeft: Math.max(0, accessLimits.loginCodeMaxTries - tries) });
        }
        if (!(await tx.access.consumeLoginCode(latest.id, now))) return fail({ reason: "code_expired" });
        const user = await tx.users.findById(userId);
        return user ? ok(user) : fail({ reason: "code_expired" });
      });
    },

    /** A new key, named by the user. The key itself is in this answer only: the store keeps its hash. */
    async createApiKey(
      userId: string,
      name: string,
    ): Promise<Result<{ key: string; apiKey: ApiKeyInfo }, CreateApiKeyFailure>> {
      // Under the user's lock, so two requests at once cannot both pass the key limit.
      return store.transaction(async (tx) => {
        await tx.users.lock(userId);
        if (!(await tx.users.findById(userId))) return fail({ reason: "not_found" });
        const trimmed = singleLineName(name);
        const errors = new FieldErrors();
        errors.text("name", trimmed, { max: accessLimits.apiKeyNameMax, required: true });
        if (!errors.isEmpty) return fail({ reason: "invalid", errors: errors.errors });
        if ((await tx.access.listApiKeys(userId)).length >= accessLimits.maxApiKeys) {
          return fail({ reason: "too_many_keys" });
        }
        // 32 random bytes: a plain SHA-256 is safe to store (no one can try 2^256 keys), and it can
        // be looked up directly. Login codes, six digits, need the keyed codeHash instead.
        const key = apiKeyMarker + secrets.randomToken(apiKeyBytes);
        const apiKey = await tx.access.insertApiKey({
          userId,
          name: trimmed,
          prefix: key.slice(0, apiKeyPrefixLength),
          keyHash: secrets.hash(key),
          createdAt: clock.now(),
        });
        return ok({ key, apiKey });
      });
    },

    /** The user's keys not revoked, newest first. */
    listApiKeys(userId: string): Promise<ApiKeyInfo[]> {
      return store.access.listApiKeys(userId);
    },

    /** Another user's key, or one revoked already, is not found. */
    async revokeApiKey(userId: string, keyId: string): Promise<Result<true, { reason: "not_found" }>> {
      return (await store.access.revokeApiKey(userId, keyId, clock.now())) ? ok(true) : fail({ reason: "not_found" });
    },

    /** The owner of a live key, noting when it was used; undefined for anything else. */
    async authenticateApiKey(key: string): Promise<User | undefined> {
      if (!apiKeyPattern.test(key)) return undefined;
      const found = await store.access.findApiKeyByHash(secrets.hash(key));
      if (!found) return undefined;
      const user = await store.users.findById(found.userId);
      if (!user) return undefined;
      const now = clock.now();
      const lastUsedAt = found.apiKey.lastUsedAt?.getTime();
      if (lastUsedAt === undefined || now.getTime() - lastUsedAt >= lastUsedPrecisionMs) {
        await store.access.touchApiKey(found.apiKey.id, now);
      }
      return user;
    },
  };
}
