// Accounts and sessions: register, log in, refresh (rotating), log out one session or all.
import { throttledReply } from "../../http/login-throttle.js";
import { addressOf, limitPerIp } from "../../http/rate-limit.js";
import { type ApiRoutes, created, failed, noContent, ok, problemReply } from "../../http/route.js";
import type { RouteDependencies } from "../dependencies.js";
import { presentUser } from "../users/schemas.js";
import {
  loginSchema,
  logoutAllSchema,
  refreshTokenSchema,
  registrationSchema,
  sessionSchema,
  tokensSchema,
} from "./schemas.js";

const tags = ["Auth"];
const minutes = (rule: { windowMs: number }) => rule.windowMs / 60_000;

export function registerAuthRoutes(
  routes: ApiRoutes,
  { core, tokens, rateLimits, clock, loginThrottle: throttle }: RouteDependencies,
): void {
  /** A new session for a user who just proved who they are. */
  async function sessionFor(userId: string) {
    const session = await core.sessions.start(userId, { method: "password", at: clock.now() });
    // The account was found or made a moment ago: losing it now is a bug, answered as a 500.
    if (!session.ok) throw new Error(`no session for user ${userId}: ${session.reason}`);
    return tokens.pairFor({ userId, ...session.value });
  }

  routes.add({
    operationId: "register",
    method: "post",
    path: "/auth/register",
    tags,
    summary: "Create an account",
    description: "Answers with a session: tokens and the user.",
    auth: false,
    limits: [limitPerIp(rateLimits.registerPerIp)],
    request: { body: registrationSchema },
    responses: {
      201: { description: "The account and its first session", body: sessionSchema, headers: { Location: "The user" } },
    },
    errors: ["username_taken", "email_taken"],
    handler: async ({ body }) => {
      const registered = await core.users.register({
        username: body.username,
        email: body.email,
        password: body.password,
        name: body.name ?? null,
      });
      if (!registered.ok) {
        // A registration links no Telegram account, so that conflict cannot arise here.
        if (registered.reason === "telegram_taken") throw new Error("registration hit a Telegram conflict");
        return failed(registered);
      }
      const user = registered.value;
      return created({ ...(await sessionFor(user.id)), user: presentUser(user) }, `${routes.basePath}/users/me`);
    },
  });

  routes.add({
    operationId: "login",
    method: "post",
    path: "/auth/login",
    tags,
    summary: "Log in with a username or an email and the password",
    description:
      "An unknown account and a wrong password answer alike (`invalid_credentials`) and take as long. " +
      `Limited per address (${rateLimits.loginPerIp.limit} attempts per ${minutes(rateLimits.loginPerIp)} minutes); ` +
      `failures per account and address (${rateLimits.loginFailuresPerAccountAddress.limit} per ` +
      `${minutes(rateLimits.loginFailuresPerAccountAddress)} minutes, then that address waits) and per account ` +
      `(${rateLimits.loginFailuresPerAccount.limit} per ${minutes(rateLimits.loginFailuresPerAccount)} minutes, then ` +
      "only addresses that logged in before are heard). The username and the email of one account count as one.",
    auth: false,
    limits: [limitPerIp(rateLimits.loginPerIp)],
    request: { body: loginSchema },
    responses: { 200: { description: "A new session", body: sessionSchema } },
    errors: ["invalid_credentials", "rate_limited"],
    handler: async ({ body, request }) => {
      const login = await core.users.startLogin(body.username ?? body.email ?? "");
      const checked = await throttle.attempt(
        login.key,
        addressOf(request),
        () => login.check(body.password),
        (user) => user !== undefined,
      );
      if (!checked.ok) return throttledReply(checked);
      const user = checked.value;
      if (!user) return problemReply("invalid_credentials", "The login or the password is wrong.");
      return ok({ ...(await sessionFor(user.id)), user: presentUser(user) });
    },
  });

  routes.add({
    operationId: "refreshSession",
    method: "post",
    path: "/auth/refresh",
    tags,
    summary: "Exchange a refresh token for new tokens",
    description:
      "Rotates: the refresh token given is spent and a new one comes back. Presenting a spent one again " +
      "revokes the whole session (`token_reused`).",
    auth: false,
    request: { body: refreshTokenSchema },
    responses: { 200: { description: "New tokens for the same session", body: tokensSchema } },
    errors: ["invalid_token", "token_expired", "token_reused", "session_revoked"],
    handler: async ({ body }) => {
      const refreshed = await core.sessions.refresh(body.refreshToken);
      if (!refreshed.ok) return failed(refreshed);
      return ok(tokens.pairFor(refreshed.value));
    },
  });

  routes.add({
    operationId: "logout",
    method: "post",
    path: "/auth/logout",
    tags,
    summary: "End the session of a refresh token",
    description: "Its access tokens stop working at once.",
    auth: false,
    request: { body: refreshTokenSchema },
    responses: { 204: { description: "Logged out" } },
    errors: ["invalid_token"],
    handler: async ({ body }) => {
      const loggedOut = await core.sessions.logout(body.refreshToken);
      if (!loggedOut.ok) return failed(loggedOut);
      return noContent();
    },
  });

  routes.add({
    operationId: "logoutAll",
    method: "post",
    path: "/auth/logout-all",
    tags,
    summary: "End every session of the user",
    description:
      "This one too. API keys stay unless the body says `revokeApiKeys: true`; then every key is revoked as well.",
    auth: true,
    access: "account",
    request: { body: logoutAllSchema.optional() },
    responses: { 204: { description: "Every session ended" } },
    handler: async ({ principal, body }) => {
      await core.sessions.logoutAll(principal.userId);
      if (body?.revokeApiKeys) await core.access.revokeAllApiKeys(principal.userId);
      return noContent();
    },
  });
}
