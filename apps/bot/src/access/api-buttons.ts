import { InlineKeyboard } from "grammy";
import { callbackData } from "../telegram/callback-data.js";

/** `api|<open|code|new-key|revoke|revoke-yes|forget>|<key id or ->`. */
export const apiData = callbackData("api", ["action", "value"]);

export const apiButton = (label: string, action: string, value = "-") =>
  InlineKeyboard.text(label, apiData.pack({ action, value }));
