// Secrets never reach a log line: values given as `secrets` are masked wherever they appear, and
// credential fields are redacted, in JSON and in pretty mode alike.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createLogger, readOrCreateSecretFile, secretsIn } from "@habits/runtime";
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
