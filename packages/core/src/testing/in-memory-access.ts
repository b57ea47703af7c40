// Login codes and API keys in memory: hashes only, like the LoginCode and ApiKey tables.
import type { ApiKeyInfo, LoginCode } from "../access/access.js";
import { type AccessRepository, UniqueViolation } from "../ports/store.js";
import { type ApiKeyRow, byCreatedAtThenId, notFound, type Scope } from "./in-memory-state.js";

function toApiKeyInfo(row: ApiKeyRow): ApiKeyInfo {
  return structuredClone({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  });
}

export function createAccessRepository(scope: Scope): AccessRepository {
  const codesOf = (userId: string) => [...scope.state().loginCodes.values()].filter((row) => row.userId === userId);

  return {
    async insertLoginCode(code) {
      const state = scope.state();
      if (!state.users.has(code.userId)) throw notFound("user");
      for (const earlier of codesOf(code.userId)) earlier.consumedAt ??= new Date(code.createdAt.getTime());
      const row: LoginCode = structuredClone({ ...code, id: scope.newId("code"), failedTries: 0, consumedAt: null });
      state.loginCodes.set(row.id, row);
      return structuredClone(row);
    },

    async loginCodesIssuedSince(userId, since) {
      return codesOf(userId)
        .filter((row) => row.createdAt.getTime() > since.getTime())
        .sort(byCreatedAtThenId)
        .map((row) => new Date(row.createdAt.getTime()));
    },

    async latestLoginCode(userId) {
      const live = codesOf(userId).filter((row) => row.consumedAt === null);
      const newest = live.sort(byCreatedAtThenId).at(-1);
      return newest && structuredClone(newest);
    },

    async recordFailedTry(codeId) {
      const row = scope.state().loginCodes.get(codeId);
      if (!row) return 0;
      row.failedTries += 1;
      return row.failedTries;
    },

    async consumeLoginCode(codeId, at) {
      const row = scope.state().loginCodes.get(codeId);
      if (!row || row.consumedAt !== null) return false;
      row.consumedAt = new Date(at.getTime());
      return true;
    },

    async insertApiKey(key) {
      const state = scope.state();
      if (!state.users.has(key.userId)) throw notFound("user");
      if ([...state.apiKeys.values()].some((row) => row.keyHash === key.keyHash)) {
        throw new UniqueViolation("api_key_hash");
      }
      const row: ApiKeyRow = structuredClone({
        id: scope.newId("apikey"),
        userId: key.userId,
        name: key.name,
        prefix: key.prefix,
        keyHash: key.keyHash,
        scopes: key.scopes,
        createdAt: key.createdAt,
        lastUsedAt: null,
        revokedAt: null,
      });
      state.apiKeys.set(row.id, row);
      return toApiKeyInfo(row);
    },

    async listApiKeys(userId) {
      return [...scope.state().apiKeys.values()]
        .filter((row) => row.userId === userId && row.revokedAt === null)
        .sort((a, b) => byCreatedAtThenId(b, a))
        .map(toApiKeyInfo);
    },

    async findApiKeyByHash(keyHash) {
      const row = [...scope.state().apiKeys.values()].find((key) => key.keyHash === keyHash);
      if (!row || row.revokedAt !== null) return undefined;
      return { apiKey: toApiKeyInfo(row), userId: row.userId };
    },

    async revokeApiKey(userId, keyId, at) {
      const row = scope.state().apiKeys.get(keyId);
      if (row?.userId !== userId || row.revokedAt !== null) return false;
      row.revokedAt = new Date(at.getTime());
      return true;
    },

    async revokeApiKeys(userId, at) {
      let revoked = 0;
      for (const row of scope.state().apiKeys.values()) {
        if (row.userId !== userId || row.revokedAt !== null) continue;
        row.revokedAt = new Date(at.getTime());
        revoked += 1;
      }
      return revoked;
    },

    async touchApiKey(keyId, at) {
      const row = scope.state().apiKeys.get(keyId);
      if (row) row.lastUsedAt = new Date(at.getTime());
    },
  };
}
