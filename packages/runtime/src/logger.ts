import { type Logger, pino } from "pino";
import pretty from "pino-pretty";
import { withoutErrorPayloads } from "./error-payloads.js";

export type { Logger } from "pino";

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

export interface LoggerOptions {
  level: LogLevel;
  /** Human-readable lines (a terminal) instead of JSON (everything else). */
  pretty: boolean;
  /** Values that must never reach a log line (tokens, secrets, passwords); masked wherever they appear. */
  secrets?: readonly string[];
  /** Where lines go; standard output by default. */
  destination?: NodeJS.WritableStream;
}

// Fields that carry credentials, wherever they sit in a logged object.
const redactedPaths = [
  "password",
  "*.password",
  "*.*.password",
  "passwordHash",
  "*.passwordHash",
  "token",
  "*.token",
  "*.*.token",
  "accessToken",
  "*.accessToken",
  "refreshToken",
  "*.refreshToken",
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

export function createLogger(options: LoggerOptions): Logger {
  // Each secret as written and as JSON escapes it (a quote or backslash inside a secret is escaped
  // in the line this hook sees).
  const secrets = [
    ...new Set((options.secrets ?? []).flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])),
  ]
    .filter((secret) => secret.length >= 6)
    // Longest first, so a secret containing another is masked whole.
    .sort((a, b) => b.length - a.length);
  const destination = options.pretty
    ? pretty({ colorize: true, sync: true, destination: options.destination ?? process.stdout })
    : (options.destination ?? process.stdout);
  return pino(
    {
      level: options.level,
      redact: { paths: redactedPaths, censor: "[redacted]" },
      formatters: {
        // Before any serializer, and for every child logger (pino-http's replaces the `err`
        // serializer in its own, so a serializer alone would miss request logs): a logged error, under
        // any key and in any cause, loses the request it carried (a Bot API call's message text).
        log: (object) => withoutErrorPayloads(object) as Record<string, unknown>,
      },
      hooks: {
        // The last line of defence: a secret that slipped into a message or an error (a bot token
        // inside a URL, say) is masked before the line is written.
        streamWrite: (line) => secrets.reduce((masked, secret) => masked.replaceAll(secret, "[redacted]"), line),
      },
    },
    destination,
  );
}
