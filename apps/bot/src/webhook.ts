import type { RequestHandler } from "express";
import { webhookCallback } from "grammy";
import type { HabitBot } from "./create-bot.js";

/** The Express handler for Telegram's webhook calls; refuses a wrong secret token header. */
export function createWebhookHandler({ bot }: HabitBot, secretToken: string): RequestHandler {
  return webhookCallback(bot, "express", { secretToken }) as unknown as RequestHandler;
}
