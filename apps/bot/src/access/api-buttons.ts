import { InlineKeyboard } from "grammy";
import { callbackData } from "../telegram/callback-data.js";

/**
 * `api|<open|open-below|code|new-key|revoke|revoke-yes|forget>|<key id, scope or ->`. `open-below`
 * sends the screen as a new message: under a message that shows a secret, which must not be
 * overwritten. `new-key|read` makes a read-only key; `new-key|-` one that may read and write.
 */
export const apiData = callbackData("api", ["action", "value"]);

export const apiButton = (label: string, action: string, value = "-") =>
  InlineKeyboard.text(label, apiData.pack({ action, value }));
