// Secrets never reach a log line: values given as `secrets` are masked wherever they appear, and
// credential fields are redacted, in JSON and in pretty mode alike.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createLogger, readOrCreateSecretFile, secretsIn } from "@habits/runtime";
import { Api, BotError, Context, GrammyError, HttpError } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it, vi } from "vitest";

const secret = "s3cr3t-BOT-token-0123456789abcdef";

/** A destination that keeps everything written to it. */
function capturedStream() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

function jsonLogger() {
  const output = capturedStream();
  const logger = createLogger({ level: "info", pretty: false, secrets: [secret], destination: output.stream });
  const lines = () =>
    output
      .text()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, text: output.text, lines };
}

describe("JSON logs", () => {
  it("mask a secret inside a message", () => {
    const { logger, text, lines } = jsonLogger();
    logger.info(`calling https://api.telegram.org/bot${secret}/getMe`);
    expect(text()).not.toContain(secret);
    expect(lines()[0]?.msg).toBe("calling https://api.telegram.org/bot[redacted]/getMe");
  });

  it("mask a secret inside a nested error's message (and stack)", () => {
    const { logger, text, lines } = jsonLogger();
    const error = new Error("request failed", { cause: new Error(`401 for token ${secret}`) });
    logger.error({ err: error }, "bot start failed");
    expect(text()).not.toContain(secret);
    const err = lines()[0]?.err as { message: string; stack: string };
    expect(err.message).toContain("401 for token [redacted]");
    expect(err.stack).toContain("401 for token [redacted]");
  });

  it("mask a secret inside an object field, leaving the rest of the field", () => {
    const { logger, text, lines } = jsonLogger();
    logger.info({ request: { url: `/bot${secret}/sendMessage`, attempt: 2 } }, "retrying");
    expect(text()).not.toContain(secret);
    expect(lines()[0]?.request).toEqual({ url: "/bot[redacted]/sendMessage", attempt: 2 });
  });

  it("redact password and token fields, top-level and nested, and keep other fields", () => {
    const { logger, text, lines } = jsonLogger();
    logger.info(
      { password: "hunter2-hunter2", token: "opaque-token-1", user: { name: "Ada", password: "pw-2", token: "t-3" } },
      "login",
    );
    for (const credential of ["hunter2-hunter2", "opaque-token-1", "pw-2", "t-3"]) {
      expect(text()).not.toContain(credential);
    }
    expect(lines()[0]).toMatchObject({
      msg: "login",
      password: "[redacted]",
      token: "[redacted]",
      user: { name: "Ada", password: "[redacted]", token: "[redacted]" },
    });
  });

  it("mask every secret given, not only the first", () => {
    const output = capturedStream();
    const other = "another-secret-value-42";
    const logger = createLogger({ level: "info", pretty: false, secrets: [secret, other], destination: output.stream });
    logger.info(`${other} and ${secret}`);
    expect(output.text()).not.toContain(secret);
    expect(output.text()).not.toContain(other);
    expect(output.text()).toContain("[redacted] and [redacted]");
  });
});

describe("errors that carry the request that failed", () => {
  const code = "041725";
  const refusal = () =>
    new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 400, description: "Bad Request: chat not found" },
      "sendMessage",
      { chat_id: 42, text: `Your login code: <code>${code}</code>`, reply_markup: { inline_keyboard: [] } },
    );

  it("lose the Bot API payload and keep the method, error code and description", () => {
    const { logger, text, lines } = jsonLogger();
    const error = refusal();
    logger.warn({ err: error }, "login code not sent");
    expect(text()).not.toContain(code);
    expect(lines()[0]?.err).toMatchObject({
      type: "GrammyError",
      method: "sendMessage",
      error_code: 400,
      description: "Bad Request: chat not found",
      message: "Call to 'sendMessage' failed! (400: Bad Request: chat not found)",
    });
    expect(lines()[0]?.err).not.toHaveProperty("payload");
    // What the caller logged is not changed.
    expect(error.payload.text).toContain(code);
  });

  it("lose it under any key, inside a cause, an array, an HttpError, and as the logged value itself", () => {
    const { logger, text, lines } = jsonLogger();
    logger.error({ error: refusal(), context: { failures: [refusal()] } }, "other keys");
    logger.error({ err: new Error("update failed", { cause: refusal() }) }, "a cause");
    logger.error({ err: new HttpError("Network request for 'sendMessage' failed!", refusal()) }, "wrapped");
    logger.error(new AggregateError([refusal()], "several"), "aggregate");
    logger.error(refusal(), "the error itself");
    expect(text()).not.toContain(code);
    expect(lines()).toHaveLength(5);
    expect(lines()[0]).toMatchObject({ error: { error_code: 400 }, context: { failures: [{ error_code: 400 }] } });
    expect(lines()[2]?.err).toMatchObject({ type: "HttpError", error: { type: "GrammyError", error_code: 400 } });
  });

  it("lose the context of a failed update (its message texts), keeping the error inside", () => {
    const { logger, text, lines } = jsonLogger();
    const update = {
      update_id: 7,
      callback_query: {
        id: "q",
        chat_instance: "c",
        data: "api|open-below|-",
        from: { id: 42, is_bot: false, first_name: "Ann" },
        message: { message_id: 3, date: 0, chat: { id: 42, type: "private", first_name: "Ann" }, text: `Key ${code}` },
      },
    } as Update;
    const ctx = new Context(update, new Api("1:token"), { id: 1, is_bot: true } as UserFromGetMe);
    logger.error({ err: new BotError(refusal(), ctx) }, "webhook update failed");
    expect(text()).not.toContain(code);
    expect(lines()[0]?.err).toMatchObject({ type: "BotError", error: { type: "GrammyError", error_code: 400 } });
    expect(lines()[0]?.err).not.toHaveProperty("ctx");
  });

  it("lose it in a child logger whose own err serializer copies every field (as pino-http's does)", () => {
    const { logger, text, lines } = jsonLogger();
    const child = logger.child({ reqId: "r-1" }, { serializers: { err: (error: Error) => ({ ...error }) } });
    child.warn({ err: refusal() }, "login code not sent");
    expect(text()).not.toContain(code);
    expect(lines()[0]).toMatchObject({ reqId: "r-1", err: { method: "sendMessage", error_code: 400 } });
  });
});

describe("pretty logs", () => {
  it("still mask secrets and redact credential fields", async () => {
    const output = capturedStream();
    const logger = createLogger({ level: "info", pretty: true, secrets: [secret], destination: output.stream });
    logger.info(`message with ${secret}`);
    logger.error({ err: new Error("outer", { cause: new Error(`inner ${secret}`) }) }, "nested error");
    logger.info({ request: { url: `/bot${secret}/x` }, password: "pretty-password-9" }, "last line");
    await vi.waitFor(() => expect(output.text()).toContain("last line"));
    const text = output.text();
    expect(text).toContain("message with [redacted]");
    expect(text).toContain("inner [redacted]");
    expect(text).toContain("/bot[redacted]/x");
    expect(text).not.toContain(secret);
    expect(text).not.toContain("pretty-password-9");
    // Human-readable, not JSON.
    expect(text).not.toMatch(/^\{"level"/m);
  });
});

describe("secrets with awkward characters", () => {
  it.each([false, true])("a secret holding a quote or a backslash is masked (pretty: %s)", async (pretty) => {
    const awkward = 'jwt"secret\\with-quote-and-backslash-0123';
    const output = capturedStream();
    const logger = createLogger({ level: "info", pretty, secrets: [awkward], destination: output.stream });
    logger.info(`signing with ${awkward}`);
    logger.info({ config: { awkward } }, "last");
    await vi.waitFor(() => expect(output.text()).toContain("last"));
    expect(output.text()).not.toContain(awkward);
    expect(output.text()).not.toContain(JSON.stringify(awkward).slice(1, -1));
  });

  it("the database password is masked as written in DATABASE_URL (percent-encoded) and decoded", () => {
    const url = "postgres://habits:p%40ss-w0rd-123@127.0.0.1:5432/habits";
    const output = capturedStream();
    const logger = createLogger({
      level: "info",
      pretty: false,
      secrets: secretsIn({ DATABASE_URL: url }),
      destination: output.stream,
    });
    logger.error(`cannot connect to ${url} with p@ss-w0rd-123`);
    expect(output.text()).not.toContain("p%40ss-w0rd-123");
    expect(output.text()).not.toContain("p@ss-w0rd-123");
  });
});

describe("METRICS_TOKEN", () => {
  it("is masked like the other secrets", () => {
    const token = "prometheus-scrape-7Hq2xLw9ZkR4";
    const output = capturedStream();
    const logger = createLogger({
      level: "info",
      pretty: false,
      secrets: secretsIn({ METRICS_TOKEN: token }),
      destination: output.stream,
    });
    logger.warn(`scrape sent Bearer ${token}`);
    expect(output.text()).toContain("scrape sent Bearer [redacted]");
    expect(output.text()).not.toContain(token);
  });
});

describe("the generated secret file", () => {
  it("refuses a file holding a too-short secret instead of signing with it", () => {
    const directory = mkdtempSync(join(tmpdir(), "habits-secret-"));
    mkdirSync(join(directory, "data"));
    writeFileSync(join(directory, "data", "jwt-secret"), "\n", { mode: 0o600 });
    expect(() => readOrCreateSecretFile(join(directory, "data", "jwt-secret"))).toThrow(
      /must be at least 32 characters/,
    );
  });
});
