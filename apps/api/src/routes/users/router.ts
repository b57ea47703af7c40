// The signed-in user: profile, password, deletion, API keys. Who may call each route is declared on
// it (`access`, `proof`) and checked before its handler runs (http/credentials.ts).
import { accessLimits, profileChangeAccess } from "@habits/core";
import { pageQueryShape, paginate } from "../../http/paging.js";
import { type ApiRoutes, created, failed, noContent, ok, problemReply } from "../../http/route.js";
import { idParams } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";
import type { RouteDependencies } from "../dependencies.js";
import {
  accountDeletionSchema,
  apiKeyCreationSchema,
  apiKeyPageSchema,
  apiKeySchema,
  createdApiKeySchema,
  passwordChangeSchema,
  presentApiKey,
  presentUser,
  profilePatchSchema,
  userSchema,
  verificationCodeSentSchema,
} from "./schemas.js";

const tags = ["Users"];

/** The user behind valid credentials is gone only if the account was deleted a moment ago. */
const accountGone = () => problemReply("session_revoked", "The account no longer exists.");

/** A patch that changes username or email changes how the person logs in: an account change. */
const changesCredentials = (body: { username?: string | null | undefined; email?: string | null | undefined }) =>
  profileChangeAccess(body) === "account";

export function registerUserRoutes(routes: ApiRoutes, { core, telegram, clock }: RouteDependencies): void {
  routes.add({
    operationId: "getMe",
    method: "get",
    path: "/users/me",
    tags,
    summary: "The signed-in user",
    auth: true,
    access: "read",
    responses: { 200: { description: "The user", body: userSchema } },
    handler: async ({ principal }) => {
      const user = await core.users.get(principal.userId);
      return user ? ok(presentUser(user)) : accountGone();
    },
  });

  routes.add({
    operationId: "updateMe",
    method: "patch",
    path: "/users/me",
    tags,
    summary: "Change the profile and settings",
    description:
      "A JSON Merge Patch (RFC 7396): fields left out stay as they are, `null` clears username, email, name " +
      "or quiet hours. Settings: language, time zone, reward odds, reminders and the summary. Username and " +
      "email are how the person logs in: changing them is an account change, with its proof " +
      "(`currentPassword` or `code`, which are not stored).",
    auth: true,
    access: { least: "write", account: { when: changesCredentials, what: "a change of username or email" } },
    proof: {
      passwordField: "currentPassword",
      of: (body) => (changesCredentials(body) ? { password: body.currentPassword, code: body.code } : undefined),
    },
    request: { body: profilePatchSchema, contentTypes: ["application/json", "application/merge-patch+json"] },
    responses: { 200: { description: "The user as changed", body: userSchema } },
    errors: ["username_taken", "email_taken", "telegram_taken"],
    handler: async ({ principal, body }) => {
      const { currentPassword: _password, code: _code, ...profile } = body;
      const updated = await core.users.updateProfile(principal.userId, profile);
      if (!updated.ok) return updated.reason === "not_found" ? accountGone() : failed(updated);
      return ok(presentUser(updated.value));
    },
  });

  routes.add({
    operationId: "deleteMe",
    method: "delete",
    path: "/users/me",
    tags,
    summary: "Delete the account and all its data",
    description:
      "With its proof: `{ password }` when the account has a password; for a Telegram-only account `{ code }` " +
      "or a fresh Telegram login.",
    auth: true,
    access: "account",
    proof: { passwordField: "password", of: (body) => ({ password: body?.password, code: body?.code }) },
    request: { body: accountDeletionSchema.optional() },
    responses: { 204: { description: "Deleted" } },
    handler: async ({ principal }) => {
      const deleted = await core.users.delete(principal.userId);
      return deleted.ok ? noContent() : accountGone();
    },
  });

  routes.add({
    operationId: "changePassword",
    method: "put",
    path: "/users/me/password",
    tags,
    summary: "Set a new password",
    description:
      "Every other session is revoked; with `revokeApiKeys: true` every API key too. `currentPassword` is " +
      "required when the account has a password; a Telegram-only account sets its first one with `code` or a " +
      "fresh Telegram login.",
    auth: true,
    access: "account",
    proof: { passwordField: "currentPassword", of: (body) => ({ password: body.currentPassword, code: body.code }) },
    request: { body: passwordChangeSchema },
    responses: { 204: { description: "Changed" } },
    errors: ["wrong_password"],
    handler: async ({ principal, body }) => {
      const changed = await core.users.changePassword(principal.userId, body.currentPassword ?? null, body.newPassword);
      if (!changed.ok) return changed.reason === "not_found" ? accountGone() : failed(changed);
      if (principal.sessionId) await core.sessions.revokeOthers(principal.userId, principal.sessionId);
      else await core.sessions.logoutAll(principal.userId);
      if (body.revokeApiKeys) await core.access.revokeAllApiKeys(principal.userId);
      return noContent();
    },
  });

  routes.add({
    operationId: "listApiKeys",
    method: "get",
    path: "/users/me/api-keys",
    tags,
    summary: "The user's API keys",
    description: "Keys that are not revoked, newest first, with their scopes and last use. Never the keys themselves.",
    auth: true,
    access: "account",
    request: { query: z.strictObject(pageQueryShape) },
    responses: { 200: { description: "A page of keys", body: apiKeyPageSchema } },
    handler: async ({ principal, query }) => {
      const keys = await core.access.listApiKeys(principal.userId);
      const page = paginate(keys, query);
      return ok({ ...page, items: page.items.map(presentApiKey) });
    },
  });

  routes.add({
    operationId: "createApiKey",
    method: "post",
    path: "/users/me/api-keys",
    tags,
    summary: "Make an API key",
    description:
      "The key is in this answer only: the server keeps its hash. Use it as `X-API-Key`. `scopes` says what it " +
      'may do (`["read", "write"]` unless said); no key may manage credentials or the account.',
    auth: true,
    access: "account",
    proof: { passwordField: "currentPassword", of: (body) => ({ password: body.currentPassword, code: body.code }) },
    request: { body: apiKeyCreationSchema },
    responses: {
      201: { description: "The key, once", body: createdApiKeySchema, headers: { Location: "The key's entry" } },
    },
    errors: ["limit_reached"],
    handler: async ({ principal, body }) => {
      const made = await core.access.createApiKey(principal.userId, body.name, body.scopes);
      if (!made.ok) return made.reason === "not_found" ? accountGone() : failed(made);
      const { key, apiKey } = made.value;
      return created(
        { ...presentApiKey(apiKey), key },
        `${routes.basePath}/users/me/api-keys/${encodeURIComponent(apiKey.id)}`,
      );
    },
  });

  routes.add({
    operationId: "getApiKey",
    method: "get",
    path: "/users/me/api-keys/{id}",
    tags,
    summary: "One API key",
    auth: true,
    access: "account",
    request: { params: idParams },
    responses: { 200: { description: "The key's entry", body: apiKeySchema } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const apiKey = (await core.access.listApiKeys(principal.userId)).find((candidate) => candidate.id === params.id);
      return apiKey ? ok(presentApiKey(apiKey)) : failed({ reason: "not_found" });
    },
  });

  routes.add({
    operationId: "revokeApiKey",
    method: "delete",
    path: "/users/me/api-keys/{id}",
    tags,
    summary: "Revoke an API key",
    description: "It stops working at once. Another user's key, or one revoked already, is not found.",
    auth: true,
    access: "account",
    request: { params: idParams },
    responses: { 204: { description: "Revoked" } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const revoked = await core.access.revokeApiKey(principal.userId, params.id);
      return revoked.ok ? noContent() : failed(revoked);
    },
  });

  routes.add({
    operationId: "sendVerificationCode",
    method: "post",
    path: "/users/me/verification-code",
    tags,
    summary: "Have the bot send a code that proves who you are",
    description:
      `For a Telegram-only account: the bot sends a ${accessLimits.loginCodeDigits}-digit code to the account's ` +
      `chat; send it as \`code\` with an account change (an API key, a first password, username, email, ` +
      `deletion). It works once, within ${accessLimits.loginCodeTtlMinutes} minutes; the login codes' limit ` +
      `(${accessLimits.loginCodesPerHour} an hour) counts it. 409 \`telegram_not_linked\` for an account ` +
      "without Telegram, 409 `password_proof_required` for one with a password (its password is its proof, a code " +
      "would never be taken; nothing is sent); 503 `telegram_unavailable` without a bot.",
    auth: true,
    access: "account",
    responses: { 202: { description: "Sent", body: verificationCodeSentSchema } },
    errors: ["telegram_not_linked", "password_proof_required", "too_many_codes", "telegram_unavailable"],
    handler: async ({ principal, request }) => {
      const user = await core.users.get(principal.userId);
      if (!user) return accountGone();
      if (!user.telegram) {
        return problemReply("telegram_not_linked", "This account has no Telegram chat: prove it with its password.");
      }
      if (user.hasPassword) {
        // Neither a spent code nor a message that could never be used: the password is the proof.
        return problemReply(
          "password_proof_required",
          "This account has a password: send it as currentPassword (password to delete the account) instead of a code.",
        );
      }
      if (!telegram) {
        return problemReply("telegram_unavailable", "Codes are not available: this server runs without a bot.");
      }
      const issued = await core.access.issueLoginCode(user.id);
      if (!issued.ok) {
        if (issued.reason === "not_found") return accountGone();
        return {
          ...failed(issued),
          headers: {
            "Retry-After": String(Math.max(1, Math.ceil((issued.retryAt.getTime() - clock.now().getTime()) / 1000))),
          },
        };
      }
      try {
        await telegram.sendLoginCode(user.telegram.id, issued.value.code, user.language);
      } catch (error) {
        request.log.warn({ err: error, userId: user.id }, "verification code not sent");
        return problemReply("telegram_unavailable", "The bot could not send the code: try again later.");
      }
      return {
        status: 202 as const,
        body: {
          detail: "A code is on its way to your Telegram chat.",
          expiresIn: accessLimits.loginCodeTtlMinutes * 60,
        },
      };
    },
  });
}
