// Login sessions of the REST API: a family of refresh tokens, one live at a time. Every refresh
// rotates the token inside its family; presenting a rotated one again revokes the whole family.
import type { SessionLogin } from "../access/credentials.js";

export const sessionLimits = {
  /** Each refresh token lives this long from its issue, so a session lasts while it is used. */
  refreshTokenDays: 7,
} as const;

/** Why a family was revoked: its first reason is kept. */
export type SessionRevokedReason = "logout" | "logout_all" | "password_change" | "reuse";

/** One login session (a RefreshTokenFamily row). */
export interface SessionFamily {
  id: string;
  userId: string;
  createdAt: Date;
  /** How and when its user logged in; null for a session from before this was recorded. */
  login: SessionLogin | null;
  revokedAt: Date | null;
  revokedReason: SessionRevokedReason | null;
}

/** A refresh token as stored: its hash only, never the token. */
export interface StoredRefreshToken {
  id: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
  /** When it was exchanged for the next token; null while it is the family's live one. */
  rotatedAt: Date | null;
  family: SessionFamily;
}
