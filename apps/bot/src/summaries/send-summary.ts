// Sends a claimed daily or weekly summary to the person's Telegram chat, in their language. A 403
// (they blocked the bot) marks them unreachable, as for reminders; any other failure is logged and
// the summary is left unsent, never thrown into the tick (one person's failure stops nobody else's).
import type { I18n } from "@grammyjs/i18n";
import type { Core, DueSummary } from "@habits/core";
import type { Logger } from "@habits/runtime";
import { type Api, GrammyError } from "grammy";
import type { FlowContext } from "../context.js";
import type { SummarySender } from "../reminders/tick.js";
import { summaryMessage, type Translate } from "./summary-message.js";

export function createSummarySender(deps: {
  api: Api;
  core: Core;
  i18n: I18n<FlowContext>;
  logger: Logger;
}): SummarySender {
  return async (summary: DueSummary) => {
    try {
      const user = await deps.core.users.get(summary.userId);
      const content = user?.telegram && (await deps.core.summaries.content(summary));
      if (!user?.telegram || !content) return false;
      const t: Translate = (key, args) => deps.i18n.t(user.language, key, args);
      const message = summaryMessage(t, user.language, content);
      try {
        await deps.api.sendMessage(user.telegram.id, message.text, {
          parse_mode: "HTML",
          ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
        });
        return true;
      } catch (error) {
        if (!(error instanceof GrammyError && error.error_code === 403)) throw error;
        await deps.core.users.markTelegramBlocked(user.id, true);
        deps.logger.info({ userId: user.id }, "summary refused: the user blocked the bot");
        return false;
      }
    } catch (error) {
      deps.logger.warn({ err: error, userId: summary.userId, kind: summary.kind }, "summary not sent");
      return false;
    }
  };
}
