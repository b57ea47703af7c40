// Who is calling: `Authorization: Bearer <access JWT>` or `X-API-Key: <key>`. Every failure is a 401
// problem with `WWW-Authenticate: Bearer`.
import type { ApiKeyScope, Credential, User } from "@habits/core";
import type { Request } from "express";
import type { Tokens } from "../auth/tokens.js";
import { type ProblemCode, ProblemError, problem } from "./problem.js";

export interface Principal {
  userId: string;
  /** The session (refresh family) of a bearer token; null for an API key. */
  sessionId: string | null;
  via: "bearer" | "api_key";
  /** What the request authenticated with, as the core's rules on who may do what take it. */
  credential: Credential;
}

/** What authentication needs of the core. */
export interface AuthenticationCore {
  sessions: { isActive(userId: string, familyId: string): Promise<boolean> };
  access: { authenticateApiKey(key: string): Promise<{ user: User; scopes: ApiKeyScope[] } | undefined> };
}

export type Authenticate = (request: Request) => Promise<Principal>;

const challenge = 'Bearer realm="habits", error="invalid_token"';
/** RFC 6750's token68. */
const bearerPattern = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

const details: Partial<Record<ProblemCode, string>> = {
  credentials_required: "Send an access token (Authorization: Bearer ...) or an API key (X-API-Key).",
  invalid_token: "The access token is malformed, tampered with or not an access token.",
  token_expired: "The access token has expired: refresh it.",
  session_revoked: "The session was logged out or revoked: log in again.",
  invalid_api_key: "The API key is unknown or revoked.",
};

function unauthorized(code: ProblemCode): ProblemError {
  // A request without credentials gets the bare challenge (sendProblem's); a refused one says why.
  const headers: Record<string, string> = code === "credentials_required" ? {} : { "WWW-Authenticate": challenge };
  return new ProblemError(problem(code, details[code] ?? "Not authenticated."), headers);
}

export function createAuthenticate(deps: { tokens: Tokens; core: AuthenticationCore }): Authenticate {
  return async (request) => {
    const authorization = request.get("authorization");
    if (authorization !== undefined) {
      const token = bearerPattern.exec(authorization)?.[1];
      if (!token) throw unauthorized("invalid_token");
      const check = deps.tokens.verifyAccessToken(token);
      if (!check.ok) throw unauthorized(check.reason);
      const { userId, sessionId, login } = check.claims;
      // Revocation (logout, a password change, a reused refresh token) takes effect on the next request.
      if (!(await deps.core.sessions.isActive(userId, sessionId))) throw unauthorized("session_revoked");
      return { userId, sessionId, via: "bearer", credential: { kind: "session", login } };
    }
    const apiKey = request.get("x-api-key");
    if (apiKey !== undefined) {
      const found = await deps.core.access.authenticateApiKey(apiKey.trim());
      if (!found) throw unauthorized("invalid_api_key");
      return {
        userId: found.user.id,
        sessionId: null,
        via: "api_key",
        credential: { kind: "api_key", scopes: found.scopes },
      };
    }
    throw unauthorized("credentials_required");
  };
}

/** The 401 codes an authenticated route can answer, for its OpenAPI entry. */
export const authenticationProblems = [
  "credentials_required",
  "invalid_token",
  "token_expired",
  "session_revoked",
  "invalid_api_key",
] as const satisfies readonly ProblemCode[];
