// The configuration promise: a wrong value stops start-up with ONE line that names the variable and
// what it expects, and never echoes the value (some values are secrets).
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, serverSecretFrom } from "@habits/runtime";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiConfigFrom, loadApiEnv } from "../../apps/api/src/env.js";
import { botConfigFrom, loadBotEnv } from "../../apps/bot/src/env.js";
import { loadServerEnv } from "../../apps/server/src/env.js";

type Env = Record<string, string | undefined>;
type Loader = (env: Env) => unknown;

const loaders = { api: loadApiEnv, bot: loadBotEnv, server: loadServerEnv } satisfies Record<string, Loader>;
type LoaderName = keyof typeof loaders;

const validBotToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const validWebhookSecret = "webhook_secret-0123456789";

/** The ConfigError a loader throws for `env`; fails the test when it throws nothing or something else. */
function configErrorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError, but the configuration was accepted");
}

/** One line (no line break anywhere), and nothing of the wrong value in it. */
function expectOneLineWithoutValue(message: string, value: string) {
  expect(message).not.toMatch(/[\r\n]/);
  expect(message).not.toContain(value);
}

const names = (variable: string) => new RegExp(`\\b${variable}\\b`);

interface VariableCase {
  variable: string;
  /** Words of the expectation the message must state. */
  expects: string;
  badValues: string[];
  /** The loaders that read this variable. */
  readBy: LoaderName[];
}

// Bad values are chosen so none is a substring of its message: finding one there means it was echoed.
const variables: VariableCase[] = [
  {
    variable: "PORT",
    expects: "port number from 0 to 65535",
    badValues: ["abc", "70000", "-1", "80 80", "8080\nINJECTED=1"],
    readBy: ["api", "bot", "server"],
  },
  {
    variable: "HOST",
    expects: "host name or an IP address",
    badValues: ["bad host!", "http://example.com/"],
    readBy: ["api", "bot", "server"],
  },
  {
    variable: "DATABASE_URL",
    expects: "file:<path> for SQLite or postgres://",
    badValues: ["mysql://habits:hunter2-pw@db/habits", "postgres://habits:pass word@db/habits", "file:x.db?mode=ro"],
    readBy: ["api", "bot", "server"],
  },
  {
    variable: "JWT_SECRET",
    expects: "at least 32 characters",
    badValues: ["too-short-jwt-secret-xyz", "k"],
    readBy: ["api", "server"],
  },
  {
    variable: "METRICS_TOKEN",
    expects: "16 to 256 characters",
    badValues: ["short-token", "a metrics token with spaces", "metrics-token-\u00e9-0123456789"],
    readBy: ["api", "server"],
  },
  {
    variable: "BOT_TOKEN",
    expects: "bot token from @BotFather",
    badValues: ["not-a-bot-token-qwerty", "123456:tooShortTail"],
    readBy: ["bot", "server"],
  },
  {
    variable: "TELEGRAM_API_ROOT",
    expects: "http(s) URL",
    badValues: ["ftp://bot-api.internal", "bot-api.internal:8081"],
    readBy: ["bot", "server"],
  },
  {
    variable: "BOT_MODE",
    expects: "one of polling, webhook",
    badValues: ["push", "Polling"],
    readBy: ["bot", "server"],
  },
  {
    variable: "WEBHOOK_URL",
    expects: "https URL",
    badValues: ["http://bot.invalid/hook", "bot.invalid/hook"],
    readBy: ["bot", "server"],
  },
  {
    variable: "WEBHOOK_SECRET",
    expects: "16 to 256 characters of A-Z, a-z, 0-9, _ and -",
    badValues: ["shortsecret", "has spaces, which are not allowed"],
    readBy: ["bot", "server"],
  },
  {
    variable: "LOG_LEVEL",
    expects: "one of fatal, error, warn, info, debug, trace, silent",
    badValues: ["verbose", "INFO"],
    readBy: ["api", "bot", "server"],
  },
  {
    variable: "NODE_ENV",
    expects: "one of development, production, test",
    badValues: ["prd", "staging"],
    readBy: ["api", "bot", "server"],
  },
  {
    variable: "SHUTDOWN_TIMEOUT",
    expects: "a number of seconds from 1 to 3600",
    badValues: ["-1", "3601", "10s", "2.5"],
    readBy: ["api", "bot", "server"],
  },
];

const badValueCases = variables.flatMap(({ variable, expects, badValues, readBy }) =>
  readBy.flatMap((loader) => badValues.map((value) => ({ variable, expects, value, loader }))),
);

describe("a wrong value is one line naming the variable and what it expects, without the value", () => {
  it.each(badValueCases)("$loader: $variable=$value", ({ variable, expects, value, loader }) => {
    const { message } = configErrorOf(() => loaders[loader]({ [variable]: value }));
    expect(message).toMatch(names(variable));
    expect(message).toContain(expects);
    expectOneLineWithoutValue(message, value);
  });

  it("the server schema rejects a bad value of an API variable (JWT_SECRET) and of a bot variable (BOT_TOKEN)", () => {
    const apiValue = "short-api-secret";
    const apiError = configErrorOf(() => loadServerEnv({ JWT_SECRET: apiValue }));
    expect(apiError.message).toMatch(names("JWT_SECRET"));
    expectOneLineWithoutValue(apiError.message, apiValue);

    const botValue = "no-colon-in-this-token";
    const botError = configErrorOf(() => loadServerEnv({ BOT_TOKEN: botValue }));
    expect(botError.message).toMatch(names("BOT_TOKEN"));
    expectOneLineWithoutValue(botError.message, botValue);
  });

  it("several wrong variables are all named in the one line, none of their values", () => {
    const wrong = {
      PORT: "eighty",
      JWT_SECRET: "tiny-secret-1",
      BOT_TOKEN: "bogus-token-2",
      BOT_MODE: "carrier-pigeon",
      LOG_LEVEL: "chatty",
      DATABASE_URL: "mysql://u:pw-3@db/x",
    };
    const { message } = configErrorOf(() => loadServerEnv(wrong));
    expect(message).not.toMatch(/[\r\n]/);
    for (const [variable, value] of Object.entries(wrong)) {
      expect(message).toMatch(names(variable));
      expect(message).not.toContain(value);
    }
  });

  it("a schema error and a missing webhook setting are reported together", () => {
    const { message } = configErrorOf(() =>
      loadBotEnv({ BOT_TOKEN: validBotToken, BOT_MODE: "webhook", PORT: "not-a-port" }),
    );
    expect(message).not.toMatch(/[\r\n]/);
    for (const variable of ["PORT", "WEBHOOK_URL", "WEBHOOK_SECRET"]) expect(message).toMatch(names(variable));
  });
});

describe("defaults when a variable is unset", () => {
  it.each(["api", "bot", "server"] as const)("%s: PORT 3000, LOG_LEVEL info, NODE_ENV development", (loader) => {
    expect(loaders[loader]({})).toMatchObject({ PORT: 3000, LOG_LEVEL: "info", NODE_ENV: "development" });
  });

  it.each(["api", "bot", "server"] as const)("%s: SHUTDOWN_TIMEOUT 9 seconds, read as a number", (loader) => {
    expect(loaders[loader]({})).toMatchObject({ SHUTDOWN_TIMEOUT: 9 });
    expect(loaders[loader]({ SHUTDOWN_TIMEOUT: "30" })).toMatchObject({ SHUTDOWN_TIMEOUT: 30 });
    // Zero would exit 1 at the first signal (its value is in the message's range, so not in the table above).
    expect(configErrorOf(() => loaders[loader]({ SHUTDOWN_TIMEOUT: "0" })).message).toMatch(names("SHUTDOWN_TIMEOUT"));
  });

  it.each(["bot", "server"] as const)("%s: BOT_MODE polling", (loader) => {
    expect(loaders[loader]({})).toMatchObject({ BOT_MODE: "polling" });
  });

  it("an empty string counts as unset: defaults apply and validation does not reject it", () => {
    const empty = {
      PORT: "",
      HOST: "",
      LOG_LEVEL: "",
      NODE_ENV: "",
      BOT_MODE: "",
      DATABASE_URL: "",
      JWT_SECRET: "",
      BOT_TOKEN: "",
      TELEGRAM_API_ROOT: "",
      WEBHOOK_URL: "",
      WEBHOOK_SECRET: "",
    };
    const settings = loadServerEnv(empty);
    expect(settings).toMatchObject({ PORT: 3000, LOG_LEVEL: "info", NODE_ENV: "development", BOT_MODE: "polling" });
    expect(settings.JWT_SECRET).toBeUndefined();
    expect(settings.BOT_TOKEN).toBeUndefined();
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it("good values are read and converted (PORT becomes a number)", () => {
    expect(
      loadServerEnv({ PORT: "8080", HOST: "127.0.0.1", LOG_LEVEL: "debug", DATABASE_URL: "file:./data/x.db" }),
    ).toMatchObject({ PORT: 8080, HOST: "127.0.0.1", LOG_LEVEL: "debug", DATABASE_URL: "file:./data/x.db" });
  });
});

describe("JWT_SECRET", () => {
  let workingDirectory: string;
  const secretFile = () => join(workingDirectory, "data", "jwt-secret");

  beforeEach(() => {
    workingDirectory = mkdtempSync(join(tmpdir(), "habits-config-"));
  });
  afterEach(() => {
    rmSync(workingDirectory, { recursive: true, force: true });
  });

  it("is required when NODE_ENV=production: one line naming it, and no secret is generated", () => {
    const { message } = configErrorOf(() => apiConfigFrom(loadApiEnv({ NODE_ENV: "production" }), workingDirectory));
    expect(message).not.toMatch(/[\r\n]/);
    expect(message).toMatch(names("JWT_SECRET"));
    expect(message).toContain("NODE_ENV=production");
    expect(existsSync(secretFile())).toBe(false);
  });

  it("an empty JWT_SECRET in production counts as missing", () => {
    const load = () => apiConfigFrom(loadApiEnv({ NODE_ENV: "production", JWT_SECRET: "" }), workingDirectory);
    expect(configErrorOf(load).message).toMatch(names("JWT_SECRET"));
  });

  it("a given JWT_SECRET is used as is, and nothing is written", () => {
    const secret = "a-production-secret-of-enough-length-0123";
    const config = apiConfigFrom(loadApiEnv({ NODE_ENV: "production", JWT_SECRET: secret }), workingDirectory);
    expect(config.jwtSecret).toBe(secret);
    expect(existsSync(secretFile())).toBe(false);
  });

  it("outside production it is generated into data/jwt-secret (mode 0600, in a 0700 data/) and kept across calls", () => {
    const first = apiConfigFrom(loadApiEnv({}), workingDirectory).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(secretFile(), "utf8").trim()).toBe(first);
    expect(statSync(secretFile()).mode & 0o777).toBe(0o600);
    expect(statSync(join(workingDirectory, "data")).mode & 0o777).toBe(0o700);

    const second = apiConfigFrom(loadApiEnv({ NODE_ENV: "test" }), workingDirectory).jwtSecret;
    expect(second).toBe(first);
  });

  it("each working directory gets its own random secret", () => {
    const other = mkdtempSync(join(tmpdir(), "habits-config-"));
    try {
      expect(apiConfigFrom(loadApiEnv({}), other).jwtSecret).not.toBe(
        apiConfigFrom(loadApiEnv({}), workingDirectory).jwtSecret,
      );
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe("a weak JWT_SECRET stops start-up, in every environment and every process that reads it", () => {
  const weakSecrets = [
    { label: "32 × a", value: "a".repeat(32), reason: "fewer than 10 distinct characters" },
    { label: "a word over and over", value: "secret".repeat(6), reason: "fewer than 10 distinct characters" },
    { label: "the ten digits four times", value: "0123456789".repeat(4), reason: "repeats a short pattern" },
    { label: "a phrase twice", value: "my-own-jwt-secret!".repeat(2), reason: "repeats a short pattern" },
  ];
  const cases = weakSecrets.flatMap((weak) =>
    (["api", "bot", "server"] as const).flatMap((loader) =>
      (["production", "development"] as const).map((nodeEnv) => ({ ...weak, loader, nodeEnv })),
    ),
  );

  it.each(cases)("$loader, NODE_ENV=$nodeEnv: $label", ({ value, reason, loader, nodeEnv }) => {
    const { message } = configErrorOf(() => loaders[loader]({ NODE_ENV: nodeEnv, JWT_SECRET: value }));
    expect(message).toMatch(names("JWT_SECRET"));
    expect(message).toContain(reason);
    expectOneLineWithoutValue(message, value);
  });

  it("a random secret passes every loader", () => {
    const secret = randomBytes(48).toString("base64url");
    for (const load of Object.values(loaders)) {
      expect(load({ NODE_ENV: "production", JWT_SECRET: secret })).toMatchObject({ JWT_SECRET: secret });
    }
  });
});

describe("the bot reads the server secret as the API does (it issues the login codes the API checks)", () => {
  let workingDirectory: string;
  beforeEach(() => {
    workingDirectory = mkdtempSync(join(tmpdir(), "habits-config-"));
  });
  afterEach(() => {
    rmSync(workingDirectory, { recursive: true, force: true });
  });

  it("JWT_SECRET when set", () => {
    const secret = randomBytes(48).toString("base64url");
    const env = { NODE_ENV: "production", JWT_SECRET: secret, BOT_TOKEN: validBotToken };
    expect(serverSecretFrom(loadBotEnv(env), workingDirectory)).toBe(secret);
    expect(apiConfigFrom(loadApiEnv(env), workingDirectory).jwtSecret).toBe(secret);
  });

  it("otherwise the one in data/jwt-secret, whichever process made it", () => {
    const fromBot = serverSecretFrom(loadBotEnv({ BOT_TOKEN: validBotToken }), workingDirectory);
    expect(apiConfigFrom(loadApiEnv({}), workingDirectory).jwtSecret).toBe(fromBot);
    expect(readFileSync(join(workingDirectory, "data", "jwt-secret"), "utf8").trim()).toBe(fromBot);
  });

  it("in production without JWT_SECRET the bot stops with one line naming it, and writes no file", () => {
    const env = loadBotEnv({ NODE_ENV: "production", BOT_TOKEN: validBotToken });
    const { message } = configErrorOf(() => serverSecretFrom(env, workingDirectory));
    expect(message).not.toMatch(/[\r\n]/);
    expect(message).toContain("JWT_SECRET is required when NODE_ENV=production");
    expect(existsSync(join(workingDirectory, "data"))).toBe(false);
  });
});

describe("an existing data/jwt-secret that other users could write or read is refused", () => {
  let workingDirectory: string;
  const dataDirectory = () => join(workingDirectory, "data");
  const secretFile = () => join(dataDirectory(), "jwt-secret");
  const secret = randomBytes(48).toString("base64url");
  const secretWithModes = (fileMode: number, directoryMode = 0o700) => {
    mkdirSync(dataDirectory(), { recursive: true });
    writeFileSync(secretFile(), `${secret}\n`);
    chmodSync(secretFile(), fileMode);
    chmodSync(dataDirectory(), directoryMode);
  };
  const load = () => apiConfigFrom(loadApiEnv({}), workingDirectory).jwtSecret;

  beforeEach(() => {
    workingDirectory = mkdtempSync(join(tmpdir(), "habits-config-"));
  });
  afterEach(() => {
    rmSync(workingDirectory, { recursive: true, force: true });
  });

  it.each([
    { label: "0666", mode: 0o666, says: "other users may write it (mode 0666)" },
    { label: "0620", mode: 0o620, says: "other users may write it (mode 0620)" },
    { label: "0602", mode: 0o602, says: "other users may write it (mode 0602)" },
    { label: "0644", mode: 0o644, says: "other users may read it (mode 0644)" },
  ])("mode $label: one line that says so, naming the file, without the secret", ({ mode, says }) => {
    secretWithModes(mode);
    const { message } = configErrorOf(load);
    expect(message).not.toMatch(/[\r\n]/);
    expect(message).toContain(secretFile());
    expect(message).toContain(says);
    expect(message).not.toContain(secret);
  });

  it("in a directory everyone may write (no sticky bit): refused, anyone could swap the file", () => {
    secretWithModes(0o600, 0o777);
    expect(configErrorOf(load).message).toContain("its directory has mode 0777");
  });

  it.runIf(process.getuid?.() === 0)("owned by another user: refused, that user could have written it", () => {
    secretWithModes(0o600);
    chownSync(secretFile(), 4242, 4242);
    expect(configErrorOf(load).message).toContain("belongs to another user");
  });

  it("holding a weak secret: refused, with what to do", () => {
    mkdirSync(dataDirectory(), { recursive: true });
    writeFileSync(secretFile(), `${"b".repeat(40)}\n`, { mode: 0o600 });
    const { message } = configErrorOf(load);
    expect(message).toContain("fewer than 10 distinct characters");
    expect(message).toContain("delete the file to get a new one");
  });

  it.each([
    { label: "owner-only (0600)", mode: 0o600, directoryMode: 0o700 },
    { label: "group-readable (0640), for a secrets group", mode: 0o640, directoryMode: 0o750 },
    { label: "owner-only in a sticky shared directory (1777)", mode: 0o600, directoryMode: 0o1777 },
    { label: "owner-only in a group-writable directory (umask 002)", mode: 0o600, directoryMode: 0o775 },
  ])("$label: used as it is", ({ mode, directoryMode }) => {
    secretWithModes(mode, directoryMode);
    expect(load()).toBe(secret);
    expect(statSync(secretFile()).mode & 0o777).toBe(mode);
  });
});

describe("webhook mode requires WEBHOOK_URL and WEBHOOK_SECRET", () => {
  const webhookUrl = "https://bot.example.com/telegram/webhook";
  const base = { BOT_TOKEN: validBotToken, BOT_MODE: "webhook" };

  it.each([
    { label: "neither", missing: ["WEBHOOK_URL", "WEBHOOK_SECRET"], env: {} },
    { label: "no WEBHOOK_URL", missing: ["WEBHOOK_URL"], env: { WEBHOOK_SECRET: validWebhookSecret } },
    { label: "no WEBHOOK_SECRET", missing: ["WEBHOOK_SECRET"], env: { WEBHOOK_URL: webhookUrl } },
    {
      label: "an empty WEBHOOK_URL",
      missing: ["WEBHOOK_URL"],
      env: { WEBHOOK_URL: "", WEBHOOK_SECRET: validWebhookSecret },
    },
  ])("with $label: one line naming each missing setting, by the bot and the server", ({ missing, env }) => {
    for (const load of [loadBotEnv, loadServerEnv]) {
      const { message } = configErrorOf(() => load({ ...base, ...env }));
      expect(message).not.toMatch(/[\r\n]/);
      expect(message).toContain("BOT_MODE=webhook");
      for (const variable of ["WEBHOOK_URL", "WEBHOOK_SECRET"]) {
        if (missing.includes(variable)) expect(message).toMatch(names(variable));
        else expect(message).not.toMatch(names(variable));
      }
      expect(message).not.toContain(validBotToken);
    }
  });

  it("with both settings the bot runs in webhook mode with them", () => {
    const env = loadBotEnv({ ...base, WEBHOOK_URL: webhookUrl, WEBHOOK_SECRET: validWebhookSecret });
    expect(botConfigFrom(env)).toEqual({
      token: validBotToken,
      apiRoot: undefined,
      mode: "webhook",
      webhookUrl,
      webhookSecret: validWebhookSecret,
    });
  });

  it("polling (the default) needs neither", () => {
    expect(botConfigFrom(loadBotEnv({ BOT_TOKEN: validBotToken }))).toEqual({
      token: validBotToken,
      apiRoot: undefined,
      mode: "polling",
    });
  });

  it("without BOT_TOKEN the bot is off", () => {
    expect(botConfigFrom(loadBotEnv({}))).toBeUndefined();
  });
});

describe("production settings checked with the rest", () => {
  it("names a missing JWT_SECRET together with the other wrong variables", () => {
    const { message } = configErrorOf(() => loadServerEnv({ NODE_ENV: "production", PORT: "abc" }));
    expect(message).toContain("PORT");
    expect(message).toContain("JWT_SECRET is required when NODE_ENV=production");
  });
});
