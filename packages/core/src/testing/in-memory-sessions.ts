// Login sessions in memory: families and their refresh tokens, hashes only, like the
// RefreshTokenFamily and RefreshToken tables.
import { type NewRefreshToken, type SessionRepository, UniqueViolation } from "../ports/store.js";
import type { StoredRefreshToken } from "../sessions/session.js";
import { notFound, type RefreshTokenRow, type Scope, type State } from "./in-memory-state.js";

function toStored(state: State, row: RefreshTokenRow): StoredRefreshToken {
  const family = state.sessionFamilies.get(row.familyId);
  if (!family) throw notFound("session family");
  return structuredClone({ ...row, family });
}

/** The unique index on RefreshToken.tokenHash. */
function refuseTakenHash(state: State, tokenHash: string): void {
  if ([...state.refreshTokens.values()].some((row) => row.tokenHash === tokenHash)) {
    throw new UniqueViolation("refresh_token_hash");
  }
}

export function createSessionRepository(scope: Scope): SessionRepository {
  function insertToken(state: State, familyId: string, token: NewRefreshToken): StoredRefreshToken {
    const row: RefreshTokenRow = structuredClone({
      id: scope.newId("refresh"),
      familyId,
      tokenHash: token.tokenHash,
      expiresAt: token.expiresAt,
      createdAt: token.createdAt,
      rotatedAt: null,
    });
    state.refreshTokens.set(row.id, row);
    return toStored(state, row);
  }

  return {
    async openFamily(userId, token, login) {
      const state = scope.state();
      if (!state.users.has(userId)) throw notFound("user");
      const family = {
        id: scope.newId("session"),
        userId,
        createdAt: new Date(token.createdAt.getTime()),
        login: login ? { method: login.method, at: new Date(login.at.getTime()) } : null,
        revokedAt: null,
        revokedReason: null,
      };
      // Before the family is added, so a refused token leaves no family behind.
      refuseTakenHash(state, token.tokenHash);
      state.sessionFamilies.set(family.id, family);
      return insertToken(state, family.id, token);
    },

    async addToken(familyId, token) {
      const state = scope.state();
      if (!state.sessionFamilies.has(familyId)) throw notFound("session family");
      refuseTakenHash(state, token.tokenHash);
      return insertToken(state, familyId, token);
    },

    async findTokenByHash(tokenHash) {
      const state = scope.state();
      const row = [...state.refreshTokens.values()].find((token) => token.tokenHash === tokenHash);
      return row && toStored(state, row);
    },

    async markRotated(tokenId, at) {
      const row = scope.state().refreshTokens.get(tokenId);
      if (!row || row.rotatedAt !== null) return false;
      row.rotatedAt = new Date(at.getTime());
      return true;
    },

    async revokeFamily(familyId, at, reason) {
      const family = scope.state().sessionFamilies.get(familyId);
      if (!family || family.revokedAt !== null) return false;
      Object.assign(family, { revokedAt: new Date(at.getTime()), revokedReason: reason });
      return true;
    },

    async revokeFamilies(userId, at, reason, exceptFamilyId) {
      let revoked = 0;
      for (const family of scope.state().sessionFamilies.values()) {
        if (family.userId !== userId || family.revokedAt !== null || family.id === exceptFamilyId) continue;
        Object.assign(family, { revokedAt: new Date(at.getTime()), revokedReason: reason });
        revoked += 1;
      }
      return revoked;
    },

    async isFamilyActive(userId, familyId) {
      const family = scope.state().sessionFamilies.get(familyId);
      return family?.userId === userId && family.revokedAt === null;
    },
  };
}
