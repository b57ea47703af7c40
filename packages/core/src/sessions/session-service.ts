// Login sessions of the REST API: opaque refresh tokens, rotated on every refresh, in families.
// The access token (a JWT the API signs) names the family, and the API asks `isActive` on each
// request, so a revoked session stops at once rather than when its access token expires.
import type { SessionLogin } from "../access/credentials.js";
import type { CoreDependencies } from "../core-dependencies.js";
import type { SecretSource } from "../ports/secrets.js";
import type { NewRefreshToken, Repositories } from "../ports/store.js";
import { fail, ok, type Result } from "../shared/result.js";
import { sessionLimits } from "./session.js";

export type RefreshFailure =
  | { reason: "invalid_token" }
  | { reason: "token_expired" }
  | { reason: "token_reused" }
  | { reason: "session_revoked" };

const dayMs = 24 * 60 * 60 * 1000;
const refreshTokenMarker = "hrt_";
const refreshTokenBytes = 32;
/** `hrt_` and the base64url of 32 bytes; anything else is refused before it is hashed or looked up. */
const refreshTokenPattern = new RegExp(
  `^${refreshTokenMarker}[A-Za-z0-9_-]{${Math.ceil((refreshTokenBytes * 4) / 3)}}$`,
);

export function createSessionService(deps: CoreDependencies & { secrets: SecretSource }) {
  const { store, clock, secrets } = deps;

  /** A fresh token, and what the store keeps of it: its hash and expiry. */
  function newToken(now: Date): { token: string; stored: NewRefreshToken } {
    const token = refreshTokenMarker + secrets.randomToken(refreshTokenBytes);
    const expiresAt = new Date(now.getTime() + sessionLimits.refreshTokenDays * dayMs);
    return { token, stored: { tokenHash: secrets.hash(token), expiresAt, createdAt: now } };
  }

  /** The stored token a presented one stands for; undefined for a malformed or unknown one. */
  async function findToken(repositories: Repositories, refreshToken: string) {
    if (!refreshTokenPattern.test(refreshToken)) return undefined;
    return repositories.sessions.findTokenByHash(secrets.hash(refreshToken));
  }

  return {
    /**
     * Opens a session for the user (after a login): a new family with its first refresh token. The
     * family keeps how and when the user logged in, for every token it will issue.
     */
    async start(
      userId: string,
      login: SessionLogin,
    ): Promise<
      Result<{ familyId: string; refreshToken: string; expiresAt: Date; login: SessionLogin }, { reason: "not_found" }>
    > {
      return store.transaction(async (tx) => {
        if (!(await tx.users.findById(userId))) return fail({ reason: "not_found" });
        const { token, stored } = newToken(clock.now());
        const first = await tx.sessions.openFamily(userId, stored, login);
        return ok({ familyId: first.familyId, refreshToken: token, expiresAt: first.expiresAt, login });
      });
    },

    /**
     * Exchanges a live refresh token for the next one of its family. A token that was exchanged
     * already can only be presented again by someone who copied it: the whole family is revoked.
     * The family's login comes back as it was: a refresh is not a new login.
     */
    async refresh(
      refreshToken: string,
    ): Promise<
      Result<
        { userId: string; familyId: string; refreshToken: string; expiresAt: Date; login: SessionLogin | null },
        RefreshFailure
      >
    > {
      return store.transaction(async (tx) => {
        const presented = await findToken(tx, refreshToken);
        if (!presented) return fail({ reason: "invalid_token" });
        const { family } = presented;
        if (family.revokedAt !== null) return fail({ reason: "session_revoked" });
        const now = clock.now();
        const reused = async () => {
          await tx.sessions.revokeFamily(family.id, now, "reuse");
          return fail({ reason: "token_reused" });
        };
        // Before expiry: a rotated token presented again, however old, means someone copied it.
        if (presented.rotatedAt !== null) return reused();
        if (now.getTime() >= presented.expiresAt.getTime()) return fail({ reason: "token_expired" });
        // A compare-and-set: of two refreshes of one token at once, the one that loses sees reuse
        // and revokes the family, the winner's new token with it.
        if (!(await tx.sessions.markRotated(presented.id, now))) return reused();
        const { token, stored } = newToken(now);
        const next = await tx.sessions.addToken(family.id, stored);
        return ok({
          userId: family.userId,
          familyId: family.id,
          refreshToken: token,
          expiresAt: next.expiresAt,
          login: family.login,
        });
      });
    },

    /** Ends the session the token belongs to, whether the token is live, rotated or expired. */
    async logout(refreshToken: string): Promise<Result<true, { reason: "invalid_token" }>> {
      const found = await findToken(store, refreshToken);
      if (!found) return fail({ reason: "invalid_token" });
      // Already revoked is fine: the session is over either way.
      await store.sessions.revokeFamily(found.familyId, clock.now(), "logout");
      return ok(true);
    },

    /** Ends every session of the user; how many were still open. */
    logoutAll(userId: string): Promise<number> {
      return store.sessions.revokeFamilies(userId, clock.now(), "logout_all");
    },

    /** Ends every session of the user but the one making the change (a password change). */
    revokeOthers(userId: string, keepFamilyId: string): Promise<number> {
      return store.sessions.revokeFamilies(userId, clock.now(), "password_change", keepFamilyId);
    },

    /** Whether the session is the user's and not revoked: one query, asked on every access token. */
    isActive(userId: string, familyId: string): Promise<boolean> {
      return store.sessions.isFamilyActive(userId, familyId);
    },
  };
}
