import type { Core } from "@habits/core";
import type { MiddlewareFn } from "grammy";
import type { FlowContext } from "../context.js";

/**
 * Gives every update from a person their account (created on first contact, no admin step). A
 * person who had blocked the bot and writes again is reachable again.
 */
export function accountMiddleware(core: Core): MiddlewareFn<FlowContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    // A personal tracker: private chats only; groups and channels are ignored.
    if (!from || from.is_bot || (ctx.chat && ctx.chat.type !== "private")) return;
    const { user, created } = await core.users.fromTelegram({
      id: from.id,
      username: from.username,
      firstName: from.first_name,
      lastName: from.last_name,
      languageCode: from.language_code,
    });
    ctx.account = user;
    ctx.isNewAccount = created;
    if (user.telegramBlockedAt !== null) {
      await core.users.markTelegramBlocked(user.id, false);
      ctx.account = { ...user, telegramBlockedAt: null };
    }
    await next();
  };
}
