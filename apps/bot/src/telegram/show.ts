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
