// The signed-in user: profile, password, deletion, API keys.
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
} from "./schemas.js";

const tags = ["Users"];

/** The user behind valid credentials is gone only if the account was deleted a moment ago. */
const accountGone = () => problemReply("session_revoked", "The account no longer exists.");

export function registerUserRoutes(routes: ApiRoutes, { core }: RouteDependencies): void {
  routes.add({
    operationId: "getMe",
    method: "get",
    path: "/users/me",
    tags,
    summary: "The signed-in user",
    auth: true,
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
      "or quiet hours. Settings: language, time zone, reward odds, reminders and the summary.",
    auth: true,
    request: { body: profilePatchSchema, contentTypes: ["application/json", "application/merge-patch+json"] },
    responses: { 200: { description: "The user as changed", body: userSchema } },
    errors: ["username_taken", "email_taken", "telegram_taken"],
    handler: async ({ principal, body }) => {
      const updated = await core.users.updateProfile(principal.userId, body);
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
    description: "Takes `{ password }` when the account has a password.",
    auth: true,
    request: { body: accountDeletionSchema.optional() },
    responses: { 204: { description: "Deleted" } },
    errors: ["wrong_password"],
    handler: async ({ principal, body }) => {
      const user = await core.users.get(principal.userId);
      if (!user) return accountGone();
      if (user.hasPassword) {
        if (body?.password === undefined) {
          return {
            problem: {
              ...failed({ reason: "invalid", errors: [{ field: "password", code: "required" }] }).problem,
              detail: "This account has a password: send it to delete the account.",
            },
          };
        }
        if (!(await passwordMatches(user, body.password))) {
          return failed({ reason: "wrong_password" });
        }
      }
      const deleted = await core.users.delete(user.id);
      return deleted.ok ? noContent() : accountGone();
    },
  });

  /** Checks a user's password through the core's timing-safe login check. */
  async function passwordMatches(
    user: { id: string; username: string | null; email: string | null },
    password: string,
  ) {
    const login = user.username ?? user.email;
    if (login) return (await core.users.authenticate(login, password))?.id === user.id;
    // No name to log in with (a Telegram account that set a password): changing the password to
    // itself checks it the same way, and changes nothing when it is right.
    return (await core.users.changePassword(user.id, password, password)).ok;
  }

  routes.add({
    operationId: "changePassword",
    method: "put",
    path: "/users/me/password",
    tags,
    summary: "Set a new password",
    description:
      "Every other session is revoked (with an API key: every session). The current password is required when " +
      "the account has one.",
    auth: true,
    request: { body: passwordChangeSchema },
    responses: { 204: { description: "Changed" } },
    errors: ["wrong_password"],
    handler: async ({ principal, body }) => {
      const changed = await core.users.changePassword(principal.userId, body.currentPassword ?? null, body.newPassword);
      if (!changed.ok) return changed.reason === "not_found" ? accountGone() : failed(changed);
      if (principal.sessionId) await core.sessions.revokeOthers(principal.userId, principal.sessionId);
      else await core.sessions.logoutAll(principal.userId);
      return noContent();
    },
  });

  routes.add({
    operationId: "listApiKeys",
    method: "get",
    path: "/users/me/api-keys",
    tags,
    summary: "The user's API keys",
    description: "Keys that are not revoked, newest first. Never the keys themselves.",
    auth: true,
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
    description: "The key is in this answer only: the server keeps its hash. Use it as `X-API-Key`.",
    auth: true,
    request: { body: apiKeyCreationSchema },
    responses: {
      201: { description: "The key, once", body: createdApiKeySchema, headers: { Location: "The key's entry" } },
    },
    errors: ["limit_reached"],
    handler: async ({ principal, body }) => {
      const made = await core.access.createApiKey(principal.userId, body.name);
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
    request: { params: idParams },
    responses: { 204: { description: "Revoked" } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const revoked = await core.access.revokeApiKey(principal.userId, params.id);
      return revoked.ok ? noContent() : failed(revoked);
    },
  });
}
