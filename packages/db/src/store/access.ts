// Login codes and API keys (LoginCode and ApiKey rows): hashes only, never the secrets.
import { randomUUID } from "node:crypto";
import { type AccessRepository, type ApiKeyInfo, type ApiKeyScope, apiKeyScopes, type LoginCode } from "@habits/core";
import type { StoreScope } from "./scope.js";

/** Binary string order, the same on every database and in the in-memory store. */
const compareText = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

const apiKeyInfoColumns = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
} as const;

/** The scopes column, "read,write": only scopes the core knows count, whatever else a row holds. */
const scopesOf = (column: string): ApiKeyScope[] => apiKeyScopes.filter((scope) => column.split(",").includes(scope));

const toApiKeyInfo = (row: Omit<ApiKeyInfo, "scopes"> & { scopes: string }): ApiKeyInfo => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: scopesOf(row.scopes),
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
});

const toLoginCode = (row: LoginCode): LoginCode => ({
  id: row.id,
  userId: row.userId,
  codeHash: row.codeHash,
  expiresAt: row.expiresAt,
  failedTries: row.failedTries,
  consumedAt: row.consumedAt,
  createdAt: row.createdAt,
});

export function accessRepository(scope: StoreScope): AccessRepository {
  const { db } = scope;
  return {
    insertLoginCode: (code) =>
      scope.write(async (tx) => {
        await tx.loginCode.updateMany({
          where: { userId: code.userId, consumedAt: null },
          data: { consumedAt: code.createdAt },
        });
        return toLoginCode(await tx.loginCode.create({ data: { id: randomUUID(), ...code } }));
      }),

    async loginCodesIssuedSince(userId, since) {
      const rows = await db.loginCode.findMany({
        where: { userId, createdAt: { gt: since } },
        select: { createdAt: true },
        orderBy: { createdAt: "asc" },
      });
      return rows.map((row) => row.createdAt);
    },

    async latestLoginCode(userId) {
      // Issuing a code consumes the earlier ones, so this is one row (two after a race). Sorted in
      // code: a PostgreSQL collation must not decide between the ids of one instant.
      const rows = await db.loginCode.findMany({ where: { userId, consumedAt: null } });
      rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compareText(b.id, a.id));
      return rows[0] && toLoginCode(rows[0]);
    },

    recordFailedTry: (codeId) =>
      scope.write(async (tx) => {
        // One UPDATE that increments, so concurrent wrong tries each count.
        const { count } = await tx.loginCode.updateMany({
          where: { id: codeId },
          data: { failedTries: { increment: 1 } },
        });
        if (count === 0) return 0;
        const row = await tx.loginCode.findUniqueOrThrow({ where: { id: codeId }, select: { failedTries: true } });
        return row.failedTries;
      }),

    async consumeLoginCode(codeId, at) {
      // A compare-and-set: of two verifies of one code, the second matches no row.
      const { count } = await scope.write((tx) =>
        tx.loginCode.updateMany({ where: { id: codeId, consumedAt: null }, data: { consumedAt: at } }),
      );
      return count > 0;
    },

    insertApiKey: (key) =>
      scope.write(async (tx) =>
        toApiKeyInfo(
          await tx.apiKey.create({
            data: { id: randomUUID(), ...key, scopes: key.scopes.join(",") },
            select: apiKeyInfoColumns,
          }),
        ),
      ),

    async listApiKeys(userId) {
      const rows = await db.apiKey.findMany({ where: { userId, revokedAt: null }, select: apiKeyInfoColumns });
      return rows
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compareText(b.id, a.id))
        .map(toApiKeyInfo);
    },

    async findApiKeyByHash(keyHash) {
      const row = await db.apiKey.findUnique({
        where: { keyHash },
        select: { ...apiKeyInfoColumns, userId: true, revokedAt: true },
      });
      if (!row || row.revokedAt !== null) return undefined;
      return { apiKey: toApiKeyInfo(row), userId: row.userId };
    },

    async revokeApiKey(userId, keyId, at) {
      const { count } = await scope.write((tx) =>
        tx.apiKey.updateMany({ where: { id: keyId, userId, revokedAt: null }, data: { revokedAt: at } }),
      );
      return count > 0;
    },

    async revokeApiKeys(userId, at) {
      const { count } = await scope.write((tx) =>
        tx.apiKey.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } }),
      );
      return count;
    },

    async touchApiKey(keyId, at) {
      await scope.write((tx) => tx.apiKey.updateMany({ where: { id: keyId }, data: { lastUsedAt: at } }));
    },
  };
}
