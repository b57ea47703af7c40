// Access tokens: HS256 JWTs, 15 minutes, signed with a KeyObject (jsonwebtoken tries a string secret
// as a public key first, which costs ~1 ms a call). Refresh tokens are the core's opaque strings.
import { createSecretKey, type KeyObject } from "node:crypto";
import { type Clock, loginMethods, type SessionLogin } from "@habits/core";
import jwt from "jsonwebtoken";

const accessTokenLifetimeSeconds = 15 * 60;

const issuer = "habits";
const audience = "habits-api";
/** The one algorithm accepted: a token claiming any other (`none`, RS256 with our secret as a key) fails. */
const algorithm = "HS256";

interface AccessClaims {
  userId: string;
  /** The refresh family the token was issued for; revoking it ends the token at once. */
  sessionId: string;
  /** How and when the session's user logged in (`amr`, `auth_time`): a refresh carries it on. */
  login: SessionLogin | null;
}

type AccessTokenCheck = { ok: true; claims: AccessClaims } | { ok: false; reason: "invalid_token" | "token_expired" };

/** What register, login and refresh answer. */
interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: "Bearer";
  /** Seconds the access token lives. */
  expiresIn: number;
}

export interface Tokens {
  signAccessToken(claims: AccessClaims): string;
  verifyAccessToken(token: string): AccessTokenCheck;
  /** An access token for a session, with the session's refresh token beside it. */
  pairFor(session: { userId: string; familyId: string; refreshToken: string; login: SessionLogin | null }): TokenPair;
}

export function createTokens(options: { secret: string; clock: Clock }): Tokens {
  const key: KeyObject = createSecretKey(Buffer.from(options.secret, "utf8"));
  const nowInSeconds = () => Math.floor(options.clock.now().getTime() / 1000);

  function signAccessToken(claims: AccessClaims): string {
    // `iat` from the injected clock; jsonwebtoken counts `exp` from it.
    const login = claims.login && {
      amr: [claims.login.method],
      auth_time: Math.floor(claims.login.at.getTime() / 1000),
    };
    return jwt.sign({ sid: claims.sessionId, typ: "access", iat: nowInSeconds(), ...login }, key, {
      algorithm,
      expiresIn: accessTokenLifetimeSeconds,
      issuer,
      audience,
      subject: claims.userId,
    });
  }

  return {
    signAccessToken,
    verifyAccessToken(token) {
      let payload: string | jwt.JwtPayload;
      try {
        payload = jwt.verify(token, key, {
          algorithms: [algorithm],
          issuer,
          audience,
          clockTimestamp: nowInSeconds(),
          // Requires `iat` and refuses a token older than an access token lives, whatever its `exp`.
          maxAge: accessTokenLifetimeSeconds,
        });
      } catch (error) {
        return { ok: false, reason: error instanceof jwt.TokenExpiredError ? "token_expired" : "invalid_token" };
      }
      if (typeof payload === "string" || payload.typ !== "access") return { ok: false, reason: "invalid_token" };
      // jsonwebtoken checks `exp` only when it is there: every token we sign has one.
      if (typeof payload.exp !== "number") return { ok: false, reason: "invalid_token" };
      const { sub, sid } = payload;
      if (typeof sub !== "string" || typeof sid !== "string" || !sub || !sid) {
        return { ok: false, reason: "invalid_token" };
      }
      return { ok: true, claims: { userId: sub, sessionId: sid, login: loginOf(payload) } };
    },
    pairFor(session) {
      return {
        accessToken: signAccessToken({ userId: session.userId, sessionId: session.familyId, login: session.login }),
        refreshToken: session.refreshToken,
        tokenType: "Bearer",
        expiresIn: accessTokenLifetimeSeconds,
      };
    },
  };
}

/** The login a token's `amr` and `auth_time` state; null when they are missing or not ours. */
function loginOf(payload: jwt.JwtPayload): SessionLogin | null {
  const { amr, auth_time: authTime } = payload;
  const method = Array.isArray(amr) && amr.length === 1 ? loginMethods.find((known) => known === amr[0]) : undefined;
  if (!method || typeof authTime !== "number" || !Number.isSafeInteger(authTime)) return null;
  return { method, at: new Date(authTime * 1000) };
}
