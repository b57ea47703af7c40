// Secrets the bot sends (login codes, new API keys) never reach a log line, not even when Telegram
// refuses the message or the network fails: every line (trace level up) is searched for the exact
// secret, and the failure itself must still be logged with its method and error code.
import { Writable } from "node:stream";
import { createApp, listen } from "@habits/api";
import { createLoginCodeSender } from "@habits/bot";
import { createLogger, type Logger } from "@habits/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountOf, createTelegramKit, onboard, type TelegramKit, type TelegramUser } from "../kit/index.js";
import { dialect } from "../support/test-database.js";

/**
 * Every line a logger writes, kept as written; `lineMatching` finds one written at or after line
 * `from`, or waits for one that is yet to come (a line of an earlier test must not answer).
 */
function memoryLog(): {
  logger: Logger;
  lines: string[];
  lineMatching(test: (line: string) => boolean, from?: number): Promise<string>;
} {
  const lines: string[] = [];
  const waiting: Array<{ test: (line: string) => boolean; found: (line: string) => void }> = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        lines.push(line);
        for (const waiter of waiting.filter((item) => item.test(line))) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.found(line);
        }
      }
      done();
    },
  });
  return {
    logger: createLogger({ level: "trace", pretty: false, destination }),
    lines,
    lineMatching(test, from = 0) {
      const found = lines.slice(from).find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiting.push({ test, found: resolve }));
    },
  };
}

interface Failure {
  name: string;
  /** Makes the bot's next sendMessage to this person fail. */
  arrange(user: TelegramUser): void;
  /** A logged line reports this failure: the method and Telegram's error code (or the network failure). */
  reports(line: string): boolean;
}

const refusal = (code: number, description: string): Failure => ({
  name: `${code} ${description}`,
  arrange: (user) => user.failNextCall("sendMessage", code, description),
  reports: (line) => line.includes('"method":"sendMessage"') && line.includes(`"error_code":${code}`),
});

const failures: Failure[] = [
  refusal(400, "Bad Request: chat not found"),
  refusal(403, "Forbidden: bot was blocked by the user"),
  refusal(429, "Too Many Requests: retry after 7"),
  {
    name: "a network error",
    arrange: (user) => user.breakNextCall("sendMessage"),
    reports: (line) => line.includes("Network request for 'sendMessage' failed"),
  },
];

/** The secret in the latest sendMessage call to this person that holds one (the refused one included). */
function lastSentSecret(user: TelegramUser, pattern: RegExp): string | undefined {
  const texts = user
    .calls()
    .filter((call) => call.method === "sendMessage")
    .map((call) => String(call.payload.text ?? ""));
  return texts.map((text) => pattern.exec(text)?.[1]).findLast((secret) => secret !== undefined);
}

const codePattern = /<code>(\d{6})<\/code>/;
const keyPattern = /(hab_[A-Za-z0-9_-]{43})/;

describe(`secrets in the bot's failed messages stay out of the logs on ${dialect}`, () => {
  let kit: TelegramKit;
  let log: ReturnType<typeof memoryLog>;
  let api: { baseUrl: string; close(): Promise<void> };

  beforeAll(async () => {
    log = memoryLog();
    kit = await createTelegramKit({ logger: log.logger });
    // The API of the all-in-one server, sending its login codes through this bot.
    const app = createApp({
      logger: log.logger,
      database: kit.database,
      core: kit.core,
      jwt: { secret: "a-test-secret-that-is-at-least-32-characters-long" },
      cors: { origins: [] },
      clock: kit.clock,
      telegram: { botToken: "7000000001:unused-by-this-test", sendLoginCode: createLoginCodeSender(kit.bot) },
    });
    const server = await listen(app, { port: 0, host: "127.0.0.1" });
    api = { baseUrl: `http://127.0.0.1:${server.port}`, close: () => server.close() };
  });
  afterAll(async () => {
    await api?.close();
    await kit?.close();
  });

  /** Asserts that no line holds the secret and that a line written since `from` reports the failure. */
  function expectLoggedWithoutSecret(secret: string | undefined, failure: Failure, from: number) {
    expect(secret).toMatch(/^(\d{6}|hab_.+)$/);
    const leaking = log.lines.filter((line) => line.includes(secret ?? ""));
    expect(leaking).toEqual([]);
    expect(log.lines.slice(from).filter(failure.reports)).not.toEqual([]);
  }

  describe.each(failures)("when sending fails with $name", (failure) => {
    it("a login code the API asked for over HTTP", async () => {
      const ann = kit.user({ languageCode: "en" });
      await onboard(ann);
      failure.arrange(ann);
      const from = log.lines.length;
      const asked = await fetch(`${api.baseUrl}/api/v1/auth/telegram/code`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ telegramId: ann.id }),
      });
      expect(asked.status).toBe(202);
      // The API does not wait for Telegram: the failure is logged once the send has failed.
      await log.lineMatching((line) => line.includes("login code not sent"), from);
      const code = lastSentSecret(ann, codePattern);
      expectLoggedWithoutSecret(code, failure, from);
    });

    it("a login code from the bot's settings", async () => {
      const ben = kit.user();
      await onboard(ben);
      await ben.command("api");
      failure.arrange(ben);
      const from = log.lines.length;
      await ben.tap(kit.bot.i18n.t("en", "api-button-code"));
      const code = lastSentSecret(ben, codePattern);
      expectLoggedWithoutSecret(code, failure, from);
      // The code was real: it was issued and works.
      const account = await accountOf(kit, ben);
      expect((await kit.core.access.verifyLoginCode(account.id, code ?? "")).ok).toBe(true);
    });

    it("a new API key, which no stored conversation keeps either", async () => {
      const cid = kit.user();
      await onboard(cid);
      await cid.command("api");
      await cid.tap(kit.bot.i18n.t("en", "api-button-new-key"));
      failure.arrange(cid);
      const from = log.lines.length;
      await cid.send("Backup job");
      const key = lastSentSecret(cid, keyPattern);
      expectLoggedWithoutSecret(key, failure, from);
      const account = await accountOf(kit, cid);
      expect((await kit.core.access.authenticateApiKey(key ?? ""))?.user.id).toBe(account.id);
      const sessions = await kit.database.client.botSession.findMany();
      expect(sessions.filter((row) => row.value.includes(key ?? ""))).toEqual([]);
    });
  });

  it("a key made over HTTP, even with an Idempotency-Key, is in no log line and no stored record", async () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${api.baseUrl}/api/v1${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    const password = "correct horse battery";
    const registered = await post("/auth/register", {
      username: "keymaker",
      email: "keymaker@example.com",
      password,
      confirmPassword: password,
    });
    expect(registered.status).toBe(201);
    const { accessToken } = (await registered.json()) as { accessToken: string };
    const made = await post(
      "/users/me/api-keys",
      { name: "Script", currentPassword: password },
      { authorization: `Bearer ${accessToken}`, "idempotency-key": "make-key-1" },
    );
    expect(made.status).toBe(201);
    const { key } = (await made.json()) as { key: string };
    expect(key).toMatch(/^hab_/);
    expect(log.lines.filter((line) => line.includes(key))).toEqual([]);
    const stored = [
      ...(await kit.database.client.idempotencyKey.findMany()).map((row) => row.responseBody ?? ""),
      ...(await kit.database.client.botSession.findMany()).map((row) => row.value),
    ];
    expect(stored.filter((value) => value.includes(key))).toEqual([]);
  });

  it("a key shown successfully leaves no trace either, even when a tap on its message then fails", async () => {
    const dee = kit.user();
    await onboard(dee);
    await dee.command("api");
    await dee.tap(kit.bot.i18n.t("en", "api-button-new-key"));
    const from = log.lines.length;
    await dee.send("Shown once");
    const key = lastSentSecret(dee, keyPattern);
    // The tap carries the message it was made on (the key in it): its failure is logged without it.
    dee.failNextCall("sendMessage", 400, "Bad Request: chat not found");
    await dee.tap(kit.bot.i18n.t("en", "api-button-back-to-access"));
    expectLoggedWithoutSecret(key, refusal(400, "Bad Request: chat not found"), from);
    const sessions = await kit.database.client.botSession.findMany();
    expect(sessions.filter((row) => row.value.includes(key ?? ""))).toEqual([]);
  });
});
