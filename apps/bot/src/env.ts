import { baseConfigShape, parseConfig, serverSecretShape, setting } from "@habits/runtime";
import { z } from "zod";

export const botConfigShape = {
  ...baseConfigShape,
  BOT_TOKEN: z
    .string()
    .regex(/^\d{5,}:[A-Za-z0-9_-]{30,}$/, { error: "must be a bot token from @BotFather, like 123456:ABC-DEF..." })
    .optional(),
  TELEGRAM_API_ROOT: setting.httpUrl("of a Bot API server, like https://api.telegram.org").optional(),
  BOT_MODE: setting.oneOf(["polling", "webhook"], "polling"),
  // Where the bot alone (pnpm start:bot) listens for webhook calls.
  PORT: setting.port(3000),
  HOST: setting.host("0.0.0.0"),
  WEBHOOK_URL: setting.httpsUrl("that Telegram can reach, like https://example.com/telegram/webhook").optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, { error: "must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -" })
    .optional(),
  // The bot issues login codes (settings → API access) that the API checks: both key their hash
  // with this secret, read the same way (JWT_SECRET, else ./data/jwt-secret outside production).
  ...serverSecretShape,
};

type BotEnv = z.output<z.ZodObject<typeof botConfigShape>>;

export type BotConfig =
  | { token: string; apiRoot: string | undefined; mode: "polling" }
  | { token: string; apiRoot: string | undefined; mode: "webhook"; webhookUrl: string; webhookSecret: string };

/** The bot's settings, or undefined when no BOT_TOKEN is set (the bot is then off). */
export function botConfigFrom(env: BotEnv): BotConfig | undefined {
  if (!env.BOT_TOKEN) return undefined;
  const common = { token: env.BOT_TOKEN, apiRoot: env.TELEGRAM_API_ROOT };
  if (env.BOT_MODE === "polling") return { ...common, mode: "polling" };
  // Both were required by the schema's check for webhook mode.
  return { ...common, mode: "webhook", webhookUrl: env.WEBHOOK_URL ?? "", webhookSecret: env.WEBHOOK_SECRET ?? "" };
}

/** Webhook mode needs its URL and secret; the check is shared with the all-in-one process. */
export function requireWebhookSettings(
  env: Pick<BotEnv, "BOT_TOKEN" | "BOT_MODE" | "WEBHOOK_URL" | "WEBHOOK_SECRET">,
  context: z.RefinementCtx,
): void {
  if (env.BOT_MODE !== "webhook" || !env.BOT_TOKEN) return;
  if (!env.WEBHOOK_URL)
    context.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
  if (!env.WEBHOOK_SECRET)
    context.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
}

export function loadBotEnv(env: Record<string, string | undefined>): BotEnv {
  return parseConfig(z.object(botConfigShape).superRefine(requireWebhookSettings), env);
}
