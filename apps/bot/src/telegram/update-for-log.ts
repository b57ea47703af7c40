// What a log line says about an update: enough to find it (its id, kind, chat and sender, the
// button's data or the command), never a message text. The message under a tapped button is the
// bot's own and may show a login code or a new API key; what people write is theirs.
import type { Context } from "grammy";

export interface UpdateForLog {
  updateId: number;
  kind: string | undefined;
  chatId?: number;
  fromId?: number;
  /** The tapped button's callback data (this bot's own short format). */
  data?: string;
  /** The command a message starts with (`/start`), without what follows it. */
  command?: string;
}

export function updateForLog(ctx: Context): UpdateForLog {
  const { update } = ctx;
  const command = ctx.msg?.entities?.find((entity) => entity.type === "bot_command" && entity.offset === 0);
  return {
    updateId: update.update_id,
    kind: Object.keys(update).find((key) => key !== "update_id"),
    ...(ctx.chatId !== undefined && { chatId: ctx.chatId }),
    ...(ctx.from && { fromId: ctx.from.id }),
    ...(ctx.callbackQuery?.data !== undefined && { data: ctx.callbackQuery.data }),
    ...(command && ctx.msg?.text && { command: ctx.msg.text.slice(0, command.length) }),
  };
}
