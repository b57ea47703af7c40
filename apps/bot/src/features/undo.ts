// ↩️ Undo (/undo, the seed's /revert_habit): each habit with its latest completion → one tap takes
// that completion back (and the reward piece it earned), the same as Undo under a done answer.
import type { Core } from "@habits/core";
import { Composer, InlineKeyboard } from "grammy";
import { undoData } from "../completions/completion-answer.js";
import type { BotContext, FlowContext } from "../context.js";
import { habitLabel } from "../habits/habit-text.js";
import { menuButton } from "../keyboards/main-menu.js";
import { dayLabel } from "../telegram/day-label.js";
import { show } from "../telegram/show.js";

export function createUndoFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function showLatest(ctx: FlowContext): Promise<void> {
    const habits = await core.habits.list(ctx.account.id, "active");
    const keyboard = new InlineKeyboard();
    for (const habit of habits) {
      const latest = (await core.completions.list(ctx.account.id, habit.id))?.at(-1);
      if (!latest) continue;
      const day = dayLabel(ctx.account.language, latest.date);
      keyboard
        .text(
          ctx.t("undo-pick-button", { habit: habitLabel(habit), day }),
          undoData.pack({ habit: habit.id, date: latest.date }),
        )
        .row();
    }
    keyboard.add(menuButton(ctx, "main", "button-back"));
    await show(ctx, ctx.t(keyboard.inline_keyboard.length > 1 ? "undo-pick" : "undo-nothing-logged"), keyboard);
  }

  feature.command(["undo", "revert_habit"], showLatest);
  return feature;
}
