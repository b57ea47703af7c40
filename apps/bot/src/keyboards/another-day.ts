import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../context.js";
import { callbackData } from "../telegram/callback-data.js";

/** Opens "Done for another day" (the habit to pick first). */
export const backdateData = callbackData("backdate", ["view"]);

/** 📅 Another day: under the done-today list and after a backdated log. */
export const anotherDayButton = (ctx: FlowContext) =>
  InlineKeyboard.text(ctx.t("backdate-button"), backdateData.pack({ view: "habits" }));
