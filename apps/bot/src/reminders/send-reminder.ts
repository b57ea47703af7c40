// Sends a claimed reminder to the person's Telegram chat: the habit's name with ✅ Done,
// 💤 Snooze (1 h) and Skip today buttons. A 403 (they blocked the bot) marks them unreachable: no more sends until
// they write again.
import type { I18n } from "@grammyjs/i18n";
import type { Core, DueReminder } from "@habits/core";
import type { Logger } from "@habits/runtime";
import { type Api, GrammyError, InlineKeyboard } from "grammy";
import type { FlowContext } from "../context.js";
import { escapeHtml } from "../telegram/html.js";
import { reminderDoneData, reminderSkipData, reminderSnoozeData } from "./reminder-buttons.js";
import type { ReminderSender } from "./tick.js";

export function createReminderSender(deps: {
  api: Api;
  core: Core;
  i18n: I18n<FlowContext>;
  logger: Logger;
}): ReminderSender {
  return async (reminder: DueReminder) => {
    const user = await deps.core.users.get(reminder.userId);
    const habit = user && (await deps.core.habits.get(user.id, reminder.habitId));
    if (!user?.telegram || !habit) return false;
    const t = (key: string, args?: Record<string, string>) => deps.i18n.t(user.language, key, args);
    const keyboard = InlineKeyboard.from([
      [
        InlineKeyboard.text(t("reminder-done"), reminderDoneData.pack({ habit: habit.id, date: reminder.date })),
        InlineKeyboard.text(t("reminder-snooze"), reminderSnoozeData.pack({ habit: habit.id, date: reminder.date })),
      ],
      [InlineKeyboard.text(t("reminder-skip"), reminderSkipData.pack({ habit: habit.id, date: reminder.date }))],
    ]);
    try {
      await deps.api.sendMessage(
        user.telegram.id,
        t("reminder-text", { habit: escapeHtml(habit.name), time: reminder.time }),
        {
          parse_mode: "HTML",
          reply_markup: keyboard,
        },
      );
      return true;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) {
        await deps.core.users.markTelegramBlocked(user.id, true);
        deps.logger.info({ userId: user.id }, "reminder refused: the user blocked the bot");
        return false;
      }
      deps.logger.warn({ err: error, userId: user.id }, "reminder not sent");
      return false;
    }
  };
}
