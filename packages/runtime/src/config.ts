import { z } from "zod";
import { logLevels } from "./logger.js";

/** A setting that is wrong; the message is one line naming each variable and what it expects. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses environment variables with a zod schema whose messages say what each variable expects.
 * Values are never echoed: some of them are secrets.
 */
export function parseConfig<Schema extends z.ZodType>(
  schema: Schema,
  env: Record<string, string | undefined>,
): z.output<Schema> {
  // An empty variable (`PORT=`) means "not set", as in most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    return `${name} ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration: ${[...new Set(problems)].join("; ")}`);
}

export const setting = {
  port: (fallback: number) =>
    z
      .string()
      .regex(/^\d{1,5}$/, { error: "must be a port number from 0 to 65535" })
      .transform(Number)
      .refine((port) => port <= 65535, { error: "must be a port number from 0 to 65535" })
      .default(fallback),
  host: (fallback: string) =>
    z
      .string()
      .regex(/^[A-Za-z0-9.:\-[\]]+$/, { error: "must be a host name or an IP address such as 127.0.0.1" })
      .default(fallback),
  oneOf: <const Values extends readonly [string, ...string[]]>(values: Values, fallback: Values[number]) =>
    z.enum(values, { error: `must be one of ${values.join(", ")}` }).default(fallback),
  httpUrl: (what: string) => z.url({ protocol: /^https?$/, error: `must be an http(s) URL ${what}` }),
  httpsUrl: (what: string) => z.url({ protocol: /^https$/, error: `must be an https URL ${what}` }),
};

/** A whole number from `min` to `max`, or unset (the consumer's default applies). */
const wholeNumber = (min: number, max: number, unit: string) => {
  const error = `must be a number of ${unit} from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,9}$/, { error })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error })
    .optional();
};

/** Settings every process shares. */
export const baseConfigShape = {
  NODE_ENV: setting.oneOf(["development", "production", "test"], "development"),
  LOG_LEVEL: setting.oneOf(logLevels, "info"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:[^?]+|postgres(ql)?:\/\/[^\s/]+\/?[^\s]*)$/, {
      error: "must be file:<path> for SQLite or postgres://user:password@host:port/database",
    })
    .optional(),
  // PostgreSQL's bounds (the defaults are @habits/db's defaultDatabaseLimits).
  DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber(100, 600_000, "milliseconds"),
  DATABASE_CONNECT_TIMEOUT_MS: wholeNumber(100, 600_000, "milliseconds"),
  DATABASE_POOL_SIZE: wholeNumber(1, 1_000, "connections"),
  // Whole seconds a shutdown may take before the process exits 1 anyway; under Docker's default
  // 10 s stop timeout, so the log line saying so comes before Docker's SIGKILL.
  SHUTDOWN_TIMEOUT: z
    .string()
    .regex(/^\d{1,4}$/, { error: "must be a number of seconds from 1 to 3600" })
    .transform(Number)
    .refine((seconds) => seconds >= 1 && seconds <= 3600, { error: "must be a number of seconds from 1 to 3600" })
    .default(9),
};

/** The database bounds that were set, for createDatabase (which has the defaults). */
export function databaseLimitsFrom(env: {
  DATABASE_STATEMENT_TIMEOUT_MS?: number | undefined;
  DATABASE_CONNECT_TIMEOUT_MS?: number | undefined;
  DATABASE_POOL_SIZE?: number | undefined;
}): { statementTimeoutMs?: number; connectTimeoutMs?: number; poolSize?: number } {
  return {
    ...(env.DATABASE_STATEMENT_TIMEOUT_MS !== undefined && { statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS }),
    ...(env.DATABASE_CONNECT_TIMEOUT_MS !== undefined && { connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS }),
    ...(env.DATABASE_POOL_SIZE !== undefined && { poolSize: env.DATABASE_POOL_SIZE }),
  };
}
