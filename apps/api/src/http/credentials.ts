// Who may call a route, checked in one place after authentication (route.ts): the access each
// route declares against the credential (the core's rule), and the recent proof of identity that
// account and credential changes need. Each refusal is a 403 problem that says what would do.
import {
  type Access,
  type Credential,
  credentialAllows,
  credentialLimits,
  type IdentityProof,
  type ProveIdentityFailure,
  type Result,
  type SessionLogin,
} from "@habits/core";
import type { Request } from "express";
import type { Principal } from "./auth.js";
import { problemForFailure } from "./failures.js";
import { type ProblemCode, ProblemError, problem } from "./problem.js";

/**
 * What an authenticated route needs of the credential: one access for every request, or `least`
 * with `account` for the requests `account.when` picks (a profile patch that names the username).
 */
export type RouteAccess<Body> =
  | Access
  | { least: Exclude<Access, "account">; account: { when(body: Body): boolean; what: string } };

/** A route that changes the account or its credentials: where its body carries the proof. */
export interface ProofDeclaration<Body> {
  /** The body's field for the current password: `currentPassword`, or `password` to delete the account. */
  passwordField: string;
  /** The proof a request carries; undefined when the request needs none (a settings-only patch). */
  of(body: Body): IdentityProof | undefined;
}

/** What checking a proof needs of the core. */
export interface CredentialCore {
  access: {
    proveIdentity(
      userId: string,
      proof: IdentityProof,
      login: SessionLogin | null,
    ): Promise<Result<true, ProveIdentityFailure>>;
  };
}

export type ProveIdentity = (
  principal: Principal,
  proof: IdentityProof,
  passwordField: string,
  /** The request, for the address a password proof is counted under (proof-throttle.ts). */
  request: Request,
) => Promise<void>;

/** The problems a route with auth can answer with for its credential. */
export const scopeProblems = ["insufficient_scope"] as const satisfies readonly ProblemCode[];

/** The problems a route that takes a proof can answer with besides. */
export const proofProblems = [
  "reauthentication_required",
  "wrong_password",
  "code_invalid",
  "code_expired",
  "code_locked",
  "rate_limited",
] as const satisfies readonly ProblemCode[];

const scopeDetails: Record<Access, string> = {
  read: "This API key lacks the `read` scope this operation needs: make a key with it.",
  write: "This API key lacks the `write` scope this operation needs: make a key with it.",
  account:
    "An API key cannot manage credentials or the account (scope `account`, which no key has): " +
    "log in and use the session's access token.",
};

/** Throws 403 `insufficient_scope` when the credential may not do what `access` names. */
export function requireAccess(credential: Credential, access: Access): void {
  const allowed = credentialAllows(credential, access);
  if (!allowed.ok) throw new ProblemError(problem("insufficient_scope", scopeDetails[allowed.needed]));
}

export function createProveIdentity(core: CredentialCore): ProveIdentity {
  return async (principal, proof, passwordField) => {
    const login = principal.credential.kind === "session" ? principal.credential.login : null;
    const proved = await core.access.proveIdentity(principal.userId, proof, login);
    if (proved.ok) return;
    switch (proved.reason) {
      case "reauthentication_required":
        throw new ProblemError(
          problem(
            "reauthentication_required",
            proved.send === "password"
              ? `This change needs the account's current password: send it as \`${passwordField}\`.`
              : "This change needs a recent proof of identity: send `code`, a code the bot sends after " +
                  "POST /users/me/verification-code, or log in with Telegram again (a login younger than " +
                  `${credentialLimits.freshLoginMinutes} minutes counts).`,
          ),
        );
      case "not_found":
        throw new ProblemError(problem("session_revoked", "The account no longer exists."));
      default:
        throw new ProblemError(problemForFailure(proved));
    }
  };
}

/** The sentence each route's description ends with: which credentials may call it. */
export function credentialsSentence(access: RouteAccess<never>, proof: boolean): string {
  const key = (scope: string) => `a login session, or an API key with the \`${scope}\` scope`;
  const who =
    typeof access === "string"
      ? access === "account"
        ? "a login session only; API keys are refused (403 `insufficient_scope`)"
        : key(access)
      : `${key(access.least)}; ${access.account.what}: a login session only`;
  const proofSentence = proof
    ? " It needs a recent proof of identity (else 403 `reauthentication_required`): the current password " +
      "for an account with one; for a Telegram-only account `code`, from POST /users/me/verification-code, " +
      `or a Telegram login younger than ${credentialLimits.freshLoginMinutes} minutes.`
    : "";
  return `**Credentials:** ${who}.${proofSentence}`;
}
