import type { RequestHandler } from "express";
import type { Bot } from "grammy";
import { webhookCallback } from "grammy";

/** The Express handler for Telegram's webhook calls; refuses a wrong secret token header. */
export function createWebhookHandler(bot: Bot, secretToken: string): RequestHandler {
  return webhookCallback(bot, "express", { secretToken }) as unknown as RequestHandler;
}
