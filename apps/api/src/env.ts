import {
  baseConfigShape,
  parseConfig,
  requireProductionSecret,
  serverSecretFrom,
  serverSecretShape,
  setting,
} from "@habits/runtime";
import { z } from "zod";

/** `scheme://host[:port]`, as a browser sends it in `Origin`. */
const originPattern = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export const apiConfigShape = {
  ...baseConfigShape,
  PORT: setting.port(3000),
  HOST: setting.host("0.0.0.0"),
  ...serverSecretShape,
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
  // A bearer token Prometheus sends for /metrics; unset, /metrics is open (bind or firewall it).
  METRICS_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9._~+/=-]{16,256}$/, {
      error: "must be 16 to 256 characters of A-Z, a-z, 0-9 and . _ ~ + / = -",
    })
    .optional(),
};

export interface ApiConfig {
  port: number;
  host: string;
  /** Signs access tokens and keys the login codes' HMAC (the bot reads the same one). */
  jwtSecret: string;
  /** Browser origins allowed by CORS; none by default. */
  corsOrigins: string[];
  /** Reverse proxies in front of the API whose X-Forwarded-For is believed (client addresses for limits). */
  trustProxy: number;
  /** The bearer token /metrics asks for; undefined leaves it open. */
  metricsToken: string | undefined;
}

type ApiEnv = z.output<z.ZodObject<typeof apiConfigShape>>;

/** Reads the API's settings; JWT_SECRET is required in production, generated and kept otherwise. */
export function apiConfigFrom(env: ApiEnv, workingDirectory: string): ApiConfig {
  return {
    port: env.PORT,
    host: env.HOST,
    jwtSecret: serverSecretFrom(env, workingDirectory),
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    metricsToken: env.METRICS_TOKEN,
  };
}

export function loadApiEnv(env: Record<string, string | undefined>) {
  return parseConfig(z.object(apiConfigShape).superRefine(requireProductionSecret), env);
}
