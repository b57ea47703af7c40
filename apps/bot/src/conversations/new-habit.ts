// ➕ New habit: name → schedule → grace days → weight → reminders → summary → save. A
// conversation, so it survives a restart; /cancel or Cancel leaves it; a command leaves it too.
// Changing the steps? Bump `conversationsVersion` in create-bot.ts: stored flows replay their steps.
import { type Core, nameKey } from "@habits/core";
import type { FlowContext } from "../context.js";
import { draftInput, emptyDraft, type HabitConversation, runHabitFlow, saveOutcome } from "./habit-steps.js";

/** Stable: stored conversations are found by it. */
export const newHabitId = "habit-new";

export function createNewHabit(core: Core) {
  return async function newHabit(conversation: HabitConversation, ctx: FlowContext) {
    const userId = ctx.account.id;
    const takenNames = await conversation.external(async () =>
      (await core.habits.list(userId)).map((habit) => nameKey(habit.name)),
    );
    await runHabitFlow(
      conversation,
      { draft: emptyDraft(), ctx },
      { title: (c) => c.t("habit-new-title"), skippable: false, takenNames },
      async (draft) => saveOutcome(await core.habits.create(userId, draftInput(draft))),
      "habit-created",
    );
  };
}
