// Logins for Telegram users (DOMAIN.md: a bare Telegram id is never a credential): a one-time code
// the bot sends to the account's chat, or Telegram's signed Login Widget or Mini App data.
import { accessLimits, type LoginMethod, type User } from "@habits/core";
import type { Request } from "express";
import {
  checkWebAppInitData,
  checkWidgetData,
  type TelegramCheck,
  type TelegramLoginProfile,
  telegramAuthMaxAgeSeconds,
} from "../../auth/telegram-login.js";
import { createLoginThrottle, throttledReply } from "../../http/login-throttle.js";
import { addressOf, limitPerAccount, limitPerIp } from "../../http/rate-limit.js";
import { type ApiRoutes, ok, problemReply } from "../../http/route.js";
import { sessionSchema } from "../auth/schemas.js";
import type { RouteDependencies } from "../dependencies.js";
import { presentUser } from "../users/schemas.js";
import {
  telegramCodeAcceptedSchema,
  telegramCodeRequestSchema,
  telegramVerifySchema,
  telegramWebAppSchema,
  telegramWidgetSchema,
} from "./schemas.js";

const tags = ["Auth"];

/** The Telegram account a request names, as the per-account limits count it. */
function telegramAccountOf(request: Request): string | undefined {
  const body: unknown = request.body;
  if (typeof body !== "object" || body === null) return undefined;
  if ("telegramId" in body && typeof body.telegramId === "number") return `id:${body.telegramId}`;
  if ("telegramUsername" in body && typeof body.telegramUsername === "string") {
    const name = body.telegramUsername.trim().replace(/^@/, "").toLowerCase();
    return name ? `username:${name}` : undefined;
  }
  return undefined;
}

/** Stands for an unknown account in a code check: no account has an empty id. */
const noAccountId = "";

const codeRefused = () =>
  problemReply(
    "code_invalid",
    "The login code is wrong, expired, already used or locked after too many tries: check it, or ask for a new one.",
  );

const unavailable = () =>
  problemReply("telegram_unavailable", "Telegram logins are not available: this server runs without a bot.");

const refusal = (check: Exclude<TelegramCheck<unknown>, { ok: true }>) =>
  check.reason === "stale"
    ? problemReply(
        "telegram_data_expired",
        `The Telegram login data is older than ${telegramAuthMaxAgeSeconds / 60} minutes: log in with Telegram again.`,
      )
    : problemReply("telegram_data_invalid", "The Telegram login data is not signed by this bot.");

export function registerTelegramAuthRoutes(
  routes: ApiRoutes,
  { core, tokens, rateLimits, telegram, clock, background, attempts }: RouteDependencies,
): void {
  const throttle = createLoginThrottle({
    name: "telegram-code",
    rules: {
      perAccountAddress: rateLimits.telegramVerifyFailuresPerAccountAddress,
      perAccount: rateLimits.telegramVerifyFailuresPerAccount,
    },
    clock,
    log: attempts,
  });

  /** A session for a user who just logged in with Telegram, at `at` (when Telegram signed the data). */
  async function sessionFor(user: User, method: LoginMethod, at = clock.now()) {
    // Signed data may be up to an hour old, or a little ahead of our clock: the login counts from
    // its signature, never from the future.
    const login = { method, at: new Date(Math.min(at.getTime(), clock.now().getTime())) };
    const session = await core.sessions.start(user.id, login);
    // The account was found or made a moment ago: losing it now is a bug, answered as a 500.
    if (!session.ok) throw new Error(`no session for user ${user.id}: ${session.reason}`);
    return { ...tokens.pairFor({ userId: user.id, ...session.value }), user: presentUser(user) };
  }

  const findAccount = (body: { telegramId?: number | undefined; telegramUsername?: string | undefined }) =>
    core.users.findByTelegram(
      body.telegramId !== undefined ? { id: body.telegramId } : { username: body.telegramUsername ?? "" },
    );

  const codeTtlSeconds = accessLimits.loginCodeTtlMinutes * 60;

  routes.add({
    operationId: "requestTelegramLoginCode",
    method: "post",
    path: "/auth/telegram/code",
    tags,
    summary: "Have the bot send a login code to a Telegram account",
    description:
      `The bot sends a ${accessLimits.loginCodeDigits}-digit code to the account's Telegram chat; it works once, ` +
      `within ${accessLimits.loginCodeTtlMinutes} minutes, at most ${accessLimits.loginCodesPerHour} an hour. ` +
      "The answer is the same 202 whether or not such an account exists (and when its hourly codes are spent), " +
      "so it tells nobody who has an account. Limited per address and per Telegram account. 503 " +
      "`telegram_unavailable` when the server runs without a bot.",
    auth: false,
    limits: [
      limitPerIp(rateLimits.telegramCodePerIp),
      limitPerAccount(rateLimits.telegramCodePerAccount, telegramAccountOf, { countFailuresOnly: false }),
    ],
    request: { body: telegramCodeRequestSchema },
    responses: { 202: { description: "Sent, if there is such an account", body: telegramCodeAcceptedSchema } },
    errors: ["telegram_unavailable"],
    handler: async ({ body, request, response }) => {
      if (!telegram) return unavailable();
      // Answered before the account is even looked up: looking it up, issuing a code and handing it
      // to Telegram happen after the 202 is written, so its timing cannot tell a known account from
      // an unknown one (issue 9). A failure there is logged, never thrown.
      background.afterAnswer(request, response, "login code request", async () => {
        const user = await findAccount(body);
        if (!user?.telegram) return;
        const issued = await core.access.issueLoginCode(user.id);
        if (!issued.ok) return;
        const chatId = user.telegram.id;
        await telegram.sendLoginCode(chatId, issued.value.code, user.language).catch((error: unknown) => {
          request.log.warn({ err: error, userId: user.id }, "login code not sent");
        });
      });
      return {
        status: 202 as const,
        body: {
          detail: "If that Telegram account uses this bot, a login code is on its way there.",
          expiresIn: codeTtlSeconds,
        },
      };
    },
  });

  routes.add({
    operationId: "verifyTelegramLoginCode",
    method: "post",
    path: "/auth/telegram/verify",
    tags,
    summary: "Log in with the code the bot sent",
    description:
      `A wrong code costs one of its ${accessLimits.loginCodeMaxTries} tries; then it is locked even for the right ` +
      "digits. Every refusal is the same 401 `code_invalid` (wrong, expired, used, locked, or no such account), " +
      "so the answer never tells whether a Telegram account uses this bot. " +
      "Limited per address, and by failures per account and address and per account, as logins are: the " +
      "Telegram id and username of one account count as one.",
    auth: false,
    limits: [limitPerIp(rateLimits.telegramVerifyPerIp)],
    request: { body: telegramVerifySchema },
    responses: { 200: { description: "A new session", body: sessionSchema } },
    errors: ["code_invalid", "rate_limited"],
    handler: async ({ body, request }) => {
      const user = await findAccount(body);
      // One account counts once, by its id or its username; an unknown one by the id or name given.
      const account = user ? `user:${user.id}` : telegramAccountOf(request);
      const checked = await throttle.attempt(
        account ?? "telegram:none",
        addressOf(request),
        // An unknown account goes through the same check, for an id no account has: it finds no live
        // code (`code_expired`) after the same work as a known account without one, so neither the
        // answer nor its timing tells them apart.
        () => core.access.verifyLoginCode(user?.id ?? noAccountId, body.code),
        (verified) => verified.ok,
      );
      if (!checked.ok) return throttledReply(checked);
      const verified = checked.value;
      // One answer for every refusal: after asking for a code, an account that exists would say
      // "wrong" (a live code) or "locked" where one that does not would say "expired".
      if (!verified.ok) return codeRefused();
      return ok(await sessionFor(verified.value, "telegram_code"));
    },
  });

  async function loginWith(check: TelegramCheck<TelegramLoginProfile>, method: LoginMethod) {
    if (!check.ok) return refusal(check);
    const { signedAt, ...profile } = check.value;
    const { user } = await core.users.fromTelegram(profile);
    return ok(await sessionFor(user, method, signedAt));
  }

  // One counter for both kinds of signed data.
  const signedPerIp = limitPerIp(rateLimits.telegramSignedPerIp);

  const signedDescription =
    `Checked as Telegram documents it (HMAC-SHA256, compared in constant time); data signed more than ` +
    `${telegramAuthMaxAgeSeconds / 60} minutes ago is refused (\`telegram_data_expired\`). The first login ` +
    "makes the account. 503 `telegram_unavailable` when the server runs without a bot.";

  routes.add({
    operationId: "loginWithTelegramWidget",
    method: "post",
    path: "/auth/telegram/widget",
    tags,
    summary: "Log in with Telegram Login Widget data",
    description: `Secret: SHA256(bot token); data-check-string: the other fields as sorted \`key=value\` lines. ${signedDescription}`,
    auth: false,
    limits: [signedPerIp],
    request: { body: telegramWidgetSchema },
    responses: { 200: { description: "A session", body: sessionSchema } },
    errors: ["telegram_data_invalid", "telegram_data_expired", "telegram_unavailable"],
    handler: async ({ body }) => {
      if (!telegram) return unavailable();
      return loginWith(checkWidgetData(body, telegram.botToken, clock.now()), "telegram_widget");
    },
  });

  routes.add({
    operationId: "loginWithTelegramWebApp",
    method: "post",
    path: "/auth/telegram/webapp",
    tags,
    summary: "Log in with Telegram Mini App init data",
    description:
      'Secret: HMAC-SHA256(key "WebAppData", bot token); data-check-string: the decoded fields but `hash` as ' +
      `sorted \`key=value\` lines. ${signedDescription}`,
    auth: false,
    limits: [signedPerIp],
    request: { body: telegramWebAppSchema },
    responses: { 200: { description: "A session", body: sessionSchema } },
    errors: ["telegram_data_invalid", "telegram_data_expired", "telegram_unavailable"],
    handler: async ({ body }) => {
      if (!telegram) return unavailable();
      return loginWith(checkWebAppInitData(body.initData, telegram.botToken, clock.now()), "telegram_webapp");
    },
  });
}
