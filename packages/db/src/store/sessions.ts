// Login sessions (RefreshTokenFamily and RefreshToken rows): token hashes only, never the tokens.
import { randomUUID } from "node:crypto";
import {
  type LoginMethod,
  loginMethods,
  type SessionLogin,
  type SessionRepository,
  type SessionRevokedReason,
  type StoredRefreshToken,
} from "@habits/core";
import type { Prisma } from "../generated/sqlite/client.ts";
import type { StoreScope } from "./scope.js";

const withFamily = { family: true } satisfies Prisma.RefreshTokenInclude;

type TokenRow = Prisma.RefreshTokenGetPayload<{ include: typeof withFamily }>;

function toStored(row: TokenRow): StoredRefreshToken {
  return {
    id: row.id,
    familyId: row.familyId,
    tokenHash: row.tokenHash,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    rotatedAt: row.rotatedAt,
    family: {
      id: row.family.id,
      userId: row.family.userId,
      createdAt: row.family.createdAt,
      login: loginOf(row.family),
      revokedAt: row.family.revokedAt,
      // Written only by revokeFamily and revokeFamilies, from the port's type.
      revokedReason: row.family.revokedReason as SessionRevokedReason | null,
    },
  };
}

/** The family's login; null for one from before logins were recorded (or a method we do not know). */
function loginOf(family: { loginMethod: string | null; loginAt: Date | null }): SessionLogin | null {
  const method = loginMethods.find((known) => known === family.loginMethod);
  return method && family.loginAt ? { method: method satisfies LoginMethod, at: family.loginAt } : null;
}

export function sessionRepository(scope: StoreScope): SessionRepository {
  const { db } = scope;
  return {
    openFamily: (userId, token, login) =>
      scope.write(async (tx) => {
        const family = await tx.refreshTokenFamily.create({
          data: {
            id: randomUUID(),
            userId,
            createdAt: token.createdAt,
            ...(login && { loginMethod: login.method, loginAt: login.at }),
          },
        });
        const row = await tx.refreshToken.create({
          data: { id: randomUUID(), familyId: family.id, ...token },
          include: withFamily,
        });
        return toStored(row);
      }),

    addToken: (familyId, token) =>
      scope.write(async (tx) =>
        toStored(await tx.refreshToken.create({ data: { id: randomUUID(), familyId, ...token }, include: withFamily })),
      ),

    async findTokenByHash(tokenHash) {
      const row = await db.refreshToken.findUnique({ where: { tokenHash }, include: withFamily });
      return row ? toStored(row) : undefined;
    },

    async markRotated(tokenId, at) {
      // A compare-and-set: of two refreshes of one token, the second matches no row (on
      // PostgreSQL it waits for the first's row lock, then finds rotatedAt set).
      const { count } = await scope.write((tx) =>
        tx.refreshToken.updateMany({ where: { id: tokenId, rotatedAt: null }, data: { rotatedAt: at } }),
      );
      return count > 0;
    },

    async revokeFamily(familyId, at, reason) {
      const { count } = await scope.write((tx) =>
        tx.refreshTokenFamily.updateMany({
          where: { id: familyId, revokedAt: null },
          data: { revokedAt: at, revokedReason: reason },
        }),
      );
      return count > 0;
    },

    async revokeFamilies(userId, at, reason, exceptFamilyId) {
      const { count } = await scope.write((tx) =>
        tx.refreshTokenFamily.updateMany({
          where: { userId, revokedAt: null, ...(exceptFamilyId === undefined ? {} : { id: { not: exceptFamilyId } }) },
          data: { revokedAt: at, revokedReason: reason },
        }),
      );
      return count;
    },

    async isFamilyActive(userId, familyId) {
      // By primary key: one index lookup on every API request.
      const family = await db.refreshTokenFamily.findFirst({
        where: { id: familyId, userId, revokedAt: null },
        select: { id: true },
      });
      return family !== null;
    },
  };
}
