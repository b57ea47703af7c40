// The API over a fresh database (SQLite file, or PostgreSQL with DATABASE_URL), listening on a free
// port, with a movable clock shared by the core and the token signer. Every answer is checked
// against the document the app serves.
import { Writable } from "node:stream";
import { type ApiDependencies, createApp, listen } from "@habits/api";
import type { Core } from "@habits/core";
import type { Database } from "@habits/db";
import { createLogger } from "@habits/runtime";
import { coreOver, type MovableClock, movableClock, testServerSecret } from "../../support/core-on-database.js";
import { openMigratedTestDatabase } from "../../support/test-database.js";
import { type ApiClient, createApiClient, type Json } from "./api-client.js";
import { type Contract, createContract, type OpenApiDocument } from "./openapi-contract.js";

const generousLimits = {
  loginPerIp: { limit: 10_000, windowMs: 60_000 },
  loginFailuresPerAccount: { limit: 10_000, windowMs: 60_000 },
  registerPerIp: { limit: 10_000, windowMs: 60_000 },
  telegramCodePerIp: { limit: 10_000, windowMs: 60_000 },
  telegramCodePerAccount: { limit: 10_000, windowMs: 60_000 },
  telegramVerifyPerIp: { limit: 10_000, windowMs: 60_000 },
  telegramVerifyFailuresPerAccount: { limit: 10_000, windowMs: 60_000 },
  telegramSignedPerIp: { limit: 10_000, windowMs: 60_000 },
};

/** The fake bot's token: tests sign Login Widget and Mini App data with it. */
export const fakeBotToken = "123456:TEST-bot-token-for-the-api-harness";

/** A login code the fake bot was asked to send. */
interface SentLoginCode {
  chatId: number;
  code: string;
  language: string;
}

export const jwtSecret = testServerSecret;

export interface RunningApi {
  api: ApiClient;
  baseUrl: string;
  contract: Contract;
  clock: MovableClock;
  core: Core;
  database: Database;
  /** Log records written so far, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Login codes the fake bot sent, oldest first. */
  sentLoginCodes: SentLoginCode[];
  close(): Promise<void>;
}

export interface ApiOptions {
  now?: string;
  cors?: ApiDependencies["cors"];
  rateLimits?: ApiDependencies["rateLimits"];
  trustProxy?: number;
  /** Wraps the core the app gets (to make a service fail, say). */
  wrapCore?: (core: Core) => Core;
  /** The bot for Telegram logins: a fake that records the codes by default; null for none. */
  telegram?: ApiDependencies["telegram"] | null;
  /** POST routes owned by another part of the process (the bot's webhook). */
  webhooks?: ApiDependencies["webhooks"];
}

/** A logger whose records land in `logs`. */
function recordingLogger(logs: Array<Record<string, unknown>>) {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  return createLogger({ level: "info", pretty: false, destination });
}

export async function startApi(options: ApiOptions = {}): Promise<RunningApi> {
  const { database, testDatabase } = await openMigratedTestDatabase();
  const clock = movableClock(options.now ?? "2026-03-10T12:00:00Z");
  const core = coreOver(database, { clock, random: { next: () => 0.99 } });
  const logs: Array<Record<string, unknown>> = [];
  const sentLoginCodes: SentLoginCode[] = [];
  const fakeBot = {
    botToken: fakeBotToken,
    async sendLoginCode(chatId: number, code: string, language: string) {
      sentLoginCodes.push({ chatId, code, language });
    },
  };
  const telegram = options.telegram === undefined ? fakeBot : options.telegram;
  const app = createApp({
    logger: recordingLogger(logs),
    database,
    core: options.wrapCore ? options.wrapCore(core) : core,
    jwt: { secret: jwtSecret },
    cors: options.cors ?? { origins: [] },
    clock,
    ...(options.trustProxy !== undefined && { trustProxy: options.trustProxy }),
    ...(telegram && { telegram }),
    ...(options.webhooks && { webhooks: options.webhooks }),
    // Every test registers from 127.0.0.1: limits are high unless a test sets the ones it checks.
    rateLimits: { ...generousLimits, ...options.rateLimits },
  });
  const server = await listen(app, { port: 0, host: "127.0.0.1" });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const document = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as OpenApiDocument;
  const contract = createContract(document);
  return {
    api: createApiClient(baseUrl, contract),
    baseUrl,
    contract,
    clock,
    core,
    database,
    logs,
    sentLoginCodes,
    async close() {
      await server.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}

let accounts = 0;

/** Registers a fresh account through the API; its session's tokens and user. */
export async function registerAccount(
  api: ApiClient,
  overrides: Record<string, unknown> = {},
): Promise<{ accessToken: string; refreshToken: string; user: Json; password: string }> {
  accounts += 1;
  const password = (overrides.password as string | undefined) ?? "correct horse battery";
  const answer = await api.post("/api/v1/auth/register", {
    username: `user${accounts}`,
    email: `user${accounts}@example.com`,
    password,
    confirmPassword: password,
    ...overrides,
  });
  if (answer.status !== 201) throw new Error(`registration failed: ${answer.status} ${answer.text}`);
  return { ...answer.body, password };
}
