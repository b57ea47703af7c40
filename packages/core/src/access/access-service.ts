// How a Telegram user reaches the API without a password: a one-time login code the bot sends, or
// an API key made in the bot. A bare Telegram id is never a credential (DOMAIN.md).
import type { CoreDependencies } from "../core-dependencies.js";
import { type LimitReached, limitReached } from "../limits.js";
import type { PasswordHasher } from "../ports/password-hasher.js";
import type { SecretSource } from "../ports/secrets.js";
import { fail, ok, type Result } from "../shared/result.js";
import { FieldErrors, type Invalid, singleLineName } from "../shared/validation.js";
import type { User } from "../users/user.js";
import { type ApiKeyInfo, accessLimits } from "./access.js";
import { equalInConstantTime } from "./constant-time.js";
import {
  type ApiKeyScope,
  apiKeyScopes,
  defaultApiKeyScopes,
  type IdentityProof,
  isFreshTelegramLogin,
  type ProofMissing,
  type SessionLogin,
} from "./credentials.js";

export type IssueLoginCodeFailure = { reason: "not_found" } | { reason: "too_many_codes"; retryAt: Date };

export type VerifyLoginCodeFailure =
  | { reason: "code_invalid"; triesLeft: number }
  | { reason: "code_expired" }
  | { reason: "code_locked" };

export type CreateApiKeyFailure = Invalid | { reason: "not_found" } | LimitReached;

export type ProveIdentityFailure =
  | ProofMissing
  | { reason: "wrong_password" }
  | VerifyLoginCodeFailure
  | { reason: "not_found" };

const minuteMs = 60 * 1000;
const hourMs = 60 * minuteMs;
const apiKeyMarker = "hab_";
const apiKeyBytes = 32;
const apiKeyPrefixLength = 12;
/** `hab_` and the base64url of 32 bytes; anything else is refused before it is hashed or looked up. */
const apiKeyPattern = new RegExp(`^${apiKeyMarker}[A-Za-z0-9_-]{${Math.ceil((apiKeyBytes * 4) / 3)}}$`);
/** A write per request would queue every API call behind SQLite's one writer; a minute tells enough. */
const lastUsedPrecisionMs = minuteMs;

export function createAccessService(deps: CoreDependencies & { secrets: SecretSource; passwords: PasswordHasher }) {
  const { store, clock, secrets } = deps;

  const service = {
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
      // No live code: answered from one read, without taking the user's lock (a write). An id no
      // account has costs that same read, so the time of this answer does not tell a known account
      // without a code from an unknown one (issue 9). The locked check below decides everything else.
      const live = await store.access.latestLoginCode(userId);
      if (!live || clock.now().getTime() >= live.expiresAt.getTime()) return fail({ reason: "code_expired" });
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

    /**
     * Whether a request proves, now, that the person is who the account belongs to: for an account
     * with a password, the password; for a Telegram-only account, a code the bot sent (it is spent)
     * or a session opened by a Telegram login less than `freshLoginMinutes` ago. A refreshed
     * session keeps its login's time: refreshing proves nothing.
     */
    async proveIdentity(
      userId: string,
      proof: IdentityProof,
      login: SessionLogin | null,
    ): Promise<Result<true, ProveIdentityFailure>> {
      const hash = await store.users.getPasswordHash(userId);
      if (hash !== null) {
        if (proof.password === undefined) return fail({ reason: "reauthentication_required", send: "password" });
        return (await deps.passwords.verify(proof.password, hash)) ? ok(true) : fail({ reason: "wrong_password" });
      }
      if (!(await store.users.findById(userId))) return fail({ reason: "not_found" });
      if (proof.code !== undefined) {
        const verified = await service.verifyLoginCode(userId, proof.code);
        return verified.ok ? ok(true) : verified;
      }
      if (isFreshTelegramLogin(login, clock.now())) return ok(true);
      return fail({ reason: "reauthentication_required", send: "code" });
    },

    /**
     * A new key, named by the user, allowed `scopes` (both unless said). The key itself is in this
     * answer only: the store keeps its hash.
     */
    async createApiKey(
      userId: string,
      name: string,
      scopes: readonly string[] = defaultApiKeyScopes,
    ): Promise<Result<{ key: string; apiKey: ApiKeyInfo }, CreateApiKeyFailure>> {
      // Under the user's lock, so two requests at once cannot both pass the key limit.
      return store.transaction(async (tx) => {
        await tx.users.lock(userId);
        if (!(await tx.users.findById(userId))) return fail({ reason: "not_found" });
        const trimmed = singleLineName(name);
        const errors = new FieldErrors();
        errors.text("name", trimmed, { max: accessLimits.apiKeyNameMax, required: true });
        checkScopes(errors, scopes);
        if (!errors.isEmpty) return fail({ reason: "invalid", errors: errors.errors });
        const max = deps.settings.limits.apiKeys;
        if ((await tx.access.listApiKeys(userId)).length >= max) {
          return fail(limitReached("apiKeys", max));
        }
        // 32 random bytes: a plain SHA-256 is safe to store (no one can try 2^256 keys), and it can
        // be looked up directly. Login codes, six digits, need the keyed codeHash instead.
        const key = apiKeyMarker + secrets.randomToken(apiKeyBytes);
        const apiKey = await tx.access.insertApiKey({
          userId,
          name: trimmed,
          prefix: key.slice(0, apiKeyPrefixLength),
          keyHash: secrets.hash(key),
          // In the order of apiKeyScopes, whatever the order asked.
          scopes: apiKeyScopes.filter((scope) => scopes.includes(scope)),
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

    /** Revokes every key of the user (logout-all or a password change asked to); how many. */
    revokeAllApiKeys(userId: string): Promise<number> {
      return store.access.revokeApiKeys(userId, clock.now());
    },

    /** The owner of a live key and what the key may do, noting when it was used; undefined for anything else. */
    async authenticateApiKey(key: string): Promise<{ user: User; scopes: ApiKeyScope[] } | undefined> {
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
      return { user, scopes: found.apiKey.scopes };
    },
  };
  return service;
}

/** A non-empty list of known scopes, each once. */
function checkScopes(errors: FieldErrors, scopes: readonly string[]): void {
  if (scopes.length === 0) errors.add({ field: "scopes", code: "required" });
  else if (!scopes.every((scope) => (apiKeyScopes as readonly string[]).includes(scope))) {
    errors.add({ field: "scopes", code: "invalid_choice", allowed: [...apiKeyScopes] });
  } else if (new Set(scopes).size !== scopes.length) errors.add({ field: "scopes", code: "duplicate" });
}
