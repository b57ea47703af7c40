// The server's secret (JWT_SECRET): it signs access tokens and keys the login codes' HMAC. The API
// checks codes that the bot issues, so every process that signs, issues or checks reads it the same
// way: JWT_SECRET when set, else (outside production) the one generated into ./data/jwt-secret.
import { join } from "node:path";
import { z } from "zod";
import { ConfigError } from "./config.js";
import { readOrCreateSecretFile } from "./secret-file.js";
import { minimumSecretLength, weakSecretReason } from "./secret-strength.js";

export const serverSecretShape = {
  JWT_SECRET: z
    .string()
    .superRefine((secret, context) => {
      const reason = weakSecretReason(secret);
      if (reason) context.addIssue({ code: "custom", message: reason });
    })
    .optional(),
};

type ServerSecretEnv = { NODE_ENV: "development" | "production" | "test"; JWT_SECRET?: string | undefined };

const productionSecretMessage = `is required when NODE_ENV=production (at least ${minimumSecretLength} characters)`;

/** Production signs with a secret it was given, never one generated on the machine. */
export function requireProductionSecret(env: ServerSecretEnv, context: z.RefinementCtx): void {
  if (env.NODE_ENV === "production" && !env.JWT_SECRET) {
    context.addIssue({ code: "custom", path: ["JWT_SECRET"], message: productionSecretMessage });
  }
}

/** Where development keeps its generated secret, relative to the working directory. */
const serverSecretFile = join("data", "jwt-secret");

/**
 * The server's secret: JWT_SECRET, required in production; otherwise the one kept in
 * ./data/jwt-secret, generated on first use. The API, the bot and the all-in-one server call this.
 */
export function serverSecretFrom(env: ServerSecretEnv, workingDirectory: string): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (env.NODE_ENV === "production") {
    throw new ConfigError(`Invalid configuration: JWT_SECRET ${productionSecretMessage}`);
  }
  return readOrCreateSecretFile(join(workingDirectory, serverSecretFile));
}
