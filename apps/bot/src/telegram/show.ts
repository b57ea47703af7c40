import type { InlineKeyboard } from "grammy";
import type { FlowContext } from "../context.js";

/**
 * Shows a screen: edits the message a button was tapped on (menus change in place instead of
 * flooding the chat), or sends a new message for a command.
 */
export async function show(ctx: FlowContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  const options = { parse_mode: "HTML" as const, ...(keyboard ? { reply_markup: keyboard } : {}) };
  if (ctx.callbackQuery?.message) {
    await ctx.editMessageText(html, options).catch((error: unknown) => {
      // Telegram refuses an edit that changes nothing; the screen is already right.
      if (!String((error as Error).message).includes("message is not modified")) throw error;
    });
    return;
  }
  await ctx.reply(html, options);
}

/**
 * Shows a screen as `show` does (editing the tapped message, else sending one) and returns the
 * id of the message that shows it, so a flow can take its buttons away once it is answered.
 */
export async function present(ctx: FlowContext, html: string, keyboard: InlineKeyboard): Promise<number | undefined> {
  const tapped = ctx.callbackQuery?.message;
  if (tapped) {
    await show(ctx, html, keyboard);
    return tapped.message_id;
  }
  const sent = await ctx.reply(html, { parse_mode: "HTML", reply_markup: keyboard });
  return sent.message_id;
}

/**
 * Takes the buttons off a flow's prompt once the person answered it by typing, so only the
 * current prompt offers any (Cancel included).
 */
export async function clearButtons(ctx: FlowContext, messageId: number | undefined): Promise<void> {
  const chatId = ctx.chat?.id;
  if (messageId === undefined || chatId === undefined) return;
  // Best effort: a message too old to edit keeps its buttons, which then answer "out of date".
  await ctx.api.editMessageReplyMarkup(chatId, messageId).catch(() => undefined);
}
