import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/** /cancel leaves any flow; installed before the conversations so it always gets through. */
export function createCancelFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t(active ? "cancel-done" : "cancel-nothing"), { reply_markup: { remove_keyboard: true } });
  });
  return feature;
}
