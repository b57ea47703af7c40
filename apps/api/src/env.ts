import { join } from "node:path";
import { baseConfigShape, ConfigError, parseConfig, readOrCreateSecretFile, setting } from "@habits/runtime";
import { z } from "zod";

/** `scheme://host[:port]`, as a browser sends it in `Origin`. */
const originPattern = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export const apiConfigShape = {
  ...baseConfigShape,
  PORT: setting.port(3000),
  HOST: setting.host("0.0.0.0"),
  JWT_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  CORS_ORIGINS: z
    .string()
    .transform((list) =>
      list
        .split(",")
        .map((origin) => origin.trim().replace(/\/$/, ""))
        .filter(Boolean),
    )
    .refine((origins) => origins.every((origin) => origin === "*" || originPattern.test(origin)), {
      error: "must be a comma-separated list of origins such as https://web.example (or *)",
    })
    .default([]),
  TRUST_PROXY: z
    .string()
    .regex(/^\d{1,2}$/, { error: "must be the number of reverse proxies in front of the API, from 0 to 99" })
    .transform(Number)
    .default(0),
  IDEMPOTENCY_LEASE_MS: z
    .string()
    .regex(/^\d{3,7}$/, { error: "must be a number of milliseconds from 100 to 9999999" })
    .transform(Number)
    .refine((ms) => ms >= 100, { error: "must be a number of milliseconds from 100 to 9999999" })
    .default(30_000),
};

export interface ApiConfig {
  port: number;
  host: string;
  jwtSecret: string;
  /** Browser origins allowed by CORS; none by default. */
  corsOrigins: string[];
  /** Reverse proxies in front of the API whose X-Forwarded-For is believed (client addresses for limits). */
  trustProxy: number;
  /** How long a crashed request's Idempotency-Key stays blocked before a retry may run it. */
  idempotencyLeaseMs: number;
}

/** Where development keeps its generated JWT secret, relative to the working directory. */
const jwtSecretFile = join("data", "jwt-secret");

type ApiEnv = z.output<z.ZodObject<typeof apiConfigShape>>;

const productionSecretMessage = "is required when NODE_ENV=production (at least 32 characters)";

/** Production signs tokens with a secret it was given, never one generated on the machine. */
export function requireProductionSecret(env: Pick<ApiEnv, "NODE_ENV" | "JWT_SECRET">, context: z.RefinementCtx): void {
  if (env.NODE_ENV === "production" && !env.JWT_SECRET) {
    context.addIssue({ code: "custom", path: ["JWT_SECRET"], message: productionSecretMessage });
  }
}

/** Reads the API's settings; JWT_SECRET is required in production, generated and kept otherwise. */
export function apiConfigFrom(env: ApiEnv, workingDirectory: string): ApiConfig {
  if (!env.JWT_SECRET && env.NODE_ENV === "production") {
    throw new ConfigError(`Invalid configuration: JWT_SECRET ${productionSecretMessage}`);
  }
  return {
    port: env.PORT,
    host: env.HOST,
    jwtSecret: env.JWT_SECRET ?? readOrCreateSecretFile(join(workingDirectory, jwtSecretFile)),
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    idempotencyLeaseMs: env.IDEMPOTENCY_LEASE_MS,
  };
}

export function loadApiEnv(env: Record<string, string | undefined>) {
  return parseConfig(z.object(apiConfigShape).superRefine(requireProductionSecret), env);
}
