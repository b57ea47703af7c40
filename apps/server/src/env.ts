import { apiConfigShape } from "@habits/api";
import { botConfigShape, requireWebhookSettings } from "@habits/bot";
import { parseConfig, requireProductionSecret } from "@habits/runtime";
import { z } from "zod";

const serverConfigSchema = z.object({ ...botConfigShape, ...apiConfigShape }).superRefine((env, context) => {
  requireWebhookSettings(env, context);
  requireProductionSecret(env, context);
});

export type ServerEnv = z.output<typeof serverConfigSchema>;

/** The all-in-one process reads the API's and the bot's settings together. */
export function loadServerEnv(env: Record<string, string | undefined>): ServerEnv {
  return parseConfig(serverConfigSchema, env);
}
