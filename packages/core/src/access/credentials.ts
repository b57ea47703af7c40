// Who may do what (docs/api.md, "Credentials: who may do what"). A login session may do anything
// its owner may; an API key only what its scopes allow, and never manage credentials or the
// account. Account and credential changes also need a recent proof of identity.
import { fail, ok, type Result } from "../shared/result.js";

/** What an API key may be allowed: reading the person's data, and writing it. */
export const apiKeyScopes = ["read", "write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];
/** What a key may do when its maker does not say: both. */
export const defaultApiKeyScopes: readonly ApiKeyScope[] = ["read", "write"];

/**
 * What an operation needs of its caller: `read` and `write` the person's habits, completions,
 * tags, rewards, analytics and settings; `account` the credentials and the account itself (API
 * keys, password, username, email, deletion, sessions), which no API key may touch.
 */
export type Access = "read" | "write" | "account";

/** How a session was opened: the `amr` of its access tokens. */
export const loginMethods = ["password", "telegram_code", "telegram_widget", "telegram_webapp"] as const;
export type LoginMethod = (typeof loginMethods)[number];

/** When and how a session's owner proved who they are. A refresh keeps it: it proves nothing. */
export interface SessionLogin {
  method: LoginMethod;
  at: Date;
}

/** What a request authenticated with. A session from before logins were recorded has no login. */
export type Credential =
  | { kind: "session"; login: SessionLogin | null }
  | { kind: "api_key"; scopes: readonly ApiKeyScope[] };

export const credentialLimits = {
  /** A Telegram login this recent proves who the person is, for a Telegram-only account. */
  freshLoginMinutes: 10,
} as const;

export type InsufficientScope = { reason: "insufficient_scope"; needed: Access };

/** Whether the credential may call an operation that needs `access`. */
export function credentialAllows(credential: Credential, access: Access): Result<true, InsufficientScope> {
  if (credential.kind === "session") return ok(true);
  if (access === "account") return fail({ reason: "insufficient_scope", needed: access });
  return credential.scopes.includes(access) ? ok(true) : fail({ reason: "insufficient_scope", needed: access });
}

/**
 * What a profile change needs: username and email are how the person logs in (credentials), the
 * rest are settings an API key with `write` may change.
 */
export function profileChangeAccess(input: { username?: unknown; email?: unknown }): Access {
  return input.username !== undefined || input.email !== undefined ? "account" : "write";
}

/** A login by Telegram (code, widget or Mini App) younger than `freshLoginMinutes`. */
export function isFreshTelegramLogin(login: SessionLogin | null, now: Date): boolean {
  if (!login || login.method === "password") return false;
  return now.getTime() - login.at.getTime() < credentialLimits.freshLoginMinutes * 60 * 1000;
}

/** What a request may carry to prove who is making it: the current password, or a code the bot sent. */
export interface IdentityProof {
  password?: string | undefined;
  code?: string | undefined;
}

/** A proof is missing: a password account must send its password; a Telegram-only one a code. */
export type ProofMissing = { reason: "reauthentication_required"; send: "password" | "code" };
