// ✏️ Edit habit: the new-habit steps over the habit's current fields, each with Skip, then the
// summary and Save. Entered with the habit's id, looked up among the person's own habits.
// Changing the steps? Bump `conversationsVersion` in create-bot.ts: stored flows replay their steps.
import { type Core, nameKey } from "@habits/core";
import type { FlowContext } from "../context.js";
import { habitTitle } from "../habits/habit-text.js";
import { show } from "../telegram/show.js";
import { draftInput, draftOf, type HabitConversation, runHabitFlow, saveOutcome } from "./habit-steps.js";

/** Stable: stored conversations are found by it. */
export const editHabitId = "habit-edit";

export function createEditHabit(core: Core) {
  return async function editHabit(conversation: HabitConversation, ctx: FlowContext, habitId: string) {
    const userId = ctx.account.id;
    const loaded = await conversation.external(async () => {
      const habit = await core.habits.get(userId, habitId);
      if (!habit || habit.archivedAt !== null) return undefined;
      const others = (await core.habits.list(userId)).filter((other) => other.id !== habit.id);
      return { draft: draftOf(habit), emoji: habit.emoji, takenNames: others.map((other) => nameKey(other.name)) };
    });
    if (!loaded) {
      await show(ctx, ctx.t("habit-gone"));
      return;
    }
    const heading = habitTitle({ name: loaded.draft.name, emoji: loaded.emoji });
    await runHabitFlow(
      conversation,
      { draft: loaded.draft, ctx },
      { title: (c) => c.t("habit-edit-title", { name: heading }), skippable: true, takenNames: loaded.takenNames },
      async (draft) => saveOutcome(await core.habits.update(userId, habitId, draftInput(draft))),
      "habit-updated",
    );
  };
}
