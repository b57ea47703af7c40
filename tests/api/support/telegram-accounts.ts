// Telegram-only accounts and their credentials, as the credential tests need them: a session opened
// by a Telegram login code now ("fresh"), one whose login is older than the fresh-login window
// ("stale": logged in, the clock moved on, then refreshed, which proves nothing), and API keys.
import { type ApiKeyScope, credentialLimits } from "@habits/core";
import type { RunningApi } from "./api-harness.js";

let telegramIds = 7_000_000;

/** A Telegram account that has used the bot, without a password. */
export async function telegramOnlyAccount(running: RunningApi) {
  telegramIds += 1;
  const telegramId = telegramIds;
  const { user } = await running.core.users.fromTelegram({ id: telegramId, firstName: "Tg", languageCode: "en" });
  return { userId: user.id, telegramId };
}

/** Logs in with the code the (fake) bot sends: a session whose login is now. */
export async function loginWithTelegramCode(running: RunningApi, telegramId: number) {
  const asked = await running.api.post("/api/v1/auth/telegram/code", { telegramId });
  if (asked.status !== 202) throw new Error(`code not asked: ${asked.status} ${asked.text}`);
  // The code is issued and sent after the 202 (telegram/router.ts): wait for that work, not a guess.
  await running.background.idle();
  const code = running.sentLoginCodes.filter((sent) => sent.chatId === telegramId).at(-1)?.code;
  const verified = await running.api.post("/api/v1/auth/telegram/verify", { telegramId, code });
  if (verified.status !== 200) throw new Error(`login failed: ${verified.status} ${verified.text}`);
  return verified.body as { accessToken: string; refreshToken: string };
}

/** Moves the shared clock forward. */
export function advance(running: RunningApi, ms: number): void {
  running.clock.set(new Date(running.clock.now().getTime() + ms).toISOString());
}

export const minuteMs = 60 * 1000;

/**
 * A session logged in by Telegram more than `freshLoginMinutes` ago, refreshed just now: its access
 * token is new and valid, its login is not fresh.
 */
export async function staleTelegramSession(running: RunningApi, telegramId: number) {
  const first = await loginWithTelegramCode(running, telegramId);
  advance(running, (credentialLimits.freshLoginMinutes + 1) * minuteMs);
  const refreshed = await running.api.post("/api/v1/auth/refresh", { refreshToken: first.refreshToken });
  if (refreshed.status !== 200) throw new Error(`refresh failed: ${refreshed.status} ${refreshed.text}`);
  return refreshed.body as { accessToken: string; refreshToken: string };
}

/** An API key the owner made (in the bot, say) with these scopes. */
export async function apiKeyFor(running: RunningApi, userId: string, scopes: ApiKeyScope[]) {
  const made = await running.core.access.createApiKey(userId, `Key ${scopes.join("+")}`, scopes);
  if (!made.ok) throw new Error(`key not made: ${made.reason}`);
  return made.value;
}
