// Telegram's signed login data, checked exactly as Telegram documents it:
// - Login Widget (core.telegram.org/widgets/login#checking-authorization): secret = SHA256(bot token);
// - Mini App init data (core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app):
//   secret = HMAC_SHA256(key "WebAppData", bot token).
// Either way the data-check-string is every field but `hash`, as `key=value`, sorted by key, joined
// by "\n"; the hash is hex(HMAC_SHA256(secret, data-check-string)), compared in constant time.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Signed data older than this is refused: a copied payload stops working within the hour. */
export const telegramAuthMaxAgeSeconds = 60 * 60;
/** An auth_date this far ahead of our clock is still taken (clock skew); further is refused. */
const maxSkewSeconds = 5 * 60;

export type TelegramCheck<Value> =
  | { ok: true; value: Value }
  | { ok: false; reason: "bad_signature" | "stale" | "malformed" };

export interface TelegramLoginProfile {
  id: number;
  /** When Telegram signed the data (`auth_date`): the moment the person proved who they are. */
  signedAt: Date;
  username?: string;
  firstName?: string;
  lastName?: string;
  languageCode?: string;
}

const dataCheckString = (fields: ReadonlyArray<readonly [string, string]>) =>
  [...fields]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");

function signatureMatches(secret: Buffer, fields: ReadonlyArray<readonly [string, string]>, hash: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(hash)) return false;
  const expected = createHmac("sha256", secret).update(dataCheckString(fields)).digest();
  return timingSafeEqual(expected, Buffer.from(hash, "hex"));
}

function freshness(authDate: number, nowMs: number): "fresh" | "stale" {
  const age = nowMs / 1000 - authDate;
  return age <= telegramAuthMaxAgeSeconds && age >= -maxSkewSeconds ? "fresh" : "stale";
}

/** The Login Widget's fields as sent to its callback: numbers for id and auth_date, strings for the rest. */
export interface WidgetData {
  id: number;
  auth_date: number;
  hash: string;
  first_name?: string | undefined;
  last_name?: string | undefined;
  username?: string | undefined;
  photo_url?: string | undefined;
}

export function checkWidgetData(data: WidgetData, botToken: string, now: Date): TelegramCheck<TelegramLoginProfile> {
  const { hash, ...signed } = data;
  const fields = Object.entries(signed)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, String(value)] as const);
  const secret = createHash("sha256").update(botToken).digest();
  if (!signatureMatches(secret, fields, hash)) return { ok: false, reason: "bad_signature" };
  if (freshness(data.auth_date, now.getTime()) === "stale") return { ok: false, reason: "stale" };
  return {
    ok: true,
    value: {
      id: data.id,
      signedAt: new Date(data.auth_date * 1000),
      ...(data.username !== undefined && { username: data.username }),
      ...(data.first_name !== undefined && { firstName: data.first_name }),
      ...(data.last_name !== undefined && { lastName: data.last_name }),
    },
  };
}

/** Mini App init data: the URL-encoded string `Telegram.WebApp.initData`, as is. */
export function checkWebAppInitData(
  initData: string,
  botToken: string,
  now: Date,
): TelegramCheck<TelegramLoginProfile> {
  const fields: Array<readonly [string, string]> = [];
  let hash: string | undefined;
  for (const [key, value] of new URLSearchParams(initData)) {
    if (key === "hash") {
      if (hash !== undefined) return { ok: false, reason: "malformed" };
      hash = value;
    } else {
      if (fields.some(([seen]) => seen === key)) return { ok: false, reason: "malformed" };
      fields.push([key, value]);
    }
  }
  if (hash === undefined) return { ok: false, reason: "malformed" };
  const secret = createHmac("sha256", "WebAppData").update(botToken).digest();
  if (!signatureMatches(secret, fields, hash)) return { ok: false, reason: "bad_signature" };
  // Signed by Telegram from here on: a field we cannot read is still refused, never trusted blindly.
  const value = (key: string) => fields.find(([name]) => name === key)?.[1];
  const authDate = Number(value("auth_date"));
  if (!Number.isSafeInteger(authDate)) return { ok: false, reason: "malformed" };
  if (freshness(authDate, now.getTime()) === "stale") return { ok: false, reason: "stale" };
  const user = parseUser(value("user"));
  return user
    ? { ok: true, value: { ...user, signedAt: new Date(authDate * 1000) } }
    : { ok: false, reason: "malformed" };
}

function parseUser(json: string | undefined): Omit<TelegramLoginProfile, "signedAt"> | undefined {
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const user = parsed as Record<string, unknown>;
  if (typeof user.id !== "number" || !Number.isSafeInteger(user.id) || user.id <= 0) return undefined;
  const text = (key: string) => (typeof user[key] === "string" ? (user[key] as string) : undefined);
  const username = text("username");
  const firstName = text("first_name");
  const lastName = text("last_name");
  const languageCode = text("language_code");
  return {
    id: user.id,
    ...(username !== undefined && { username }),
    ...(firstName !== undefined && { firstName }),
    ...(lastName !== undefined && { lastName }),
    ...(languageCode !== undefined && { languageCode }),
  };
}

/** The bot, as the Telegram logins need it; absent when the process runs without one. */
export interface TelegramLoginBot {
  /** Checks the Login Widget's and Mini App's signatures. */
  botToken: string;
  /** Sends a login code to a Telegram chat, in the account's language. */
  sendLoginCode(chatId: number, code: string, language: string): Promise<void>;
}
