// 🧩 Habits: the active habits as buttons, a page at a time → a habit's card (schedule, streak, reminders) with
// Edit, Archive, Delete (confirmed) and Back; archived habits on their own screen with Unarchive.
// /new (and the seed's /add_habit, /new_habit) starts the new-habit flow. Every button's habit is
// looked up among the person's own: another person's id (a forged button) finds nothing.
import type { Core, Habit } from "@habits/core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { editHabitId } from "../conversations/edit-habit.js";
import { newHabitId } from "../conversations/new-habit.js";
import { habitData, habitListData, habitPageData, newHabitData } from "../habits/habit-buttons.js";
import { habitDetails, habitLabel, habitTitle } from "../habits/habit-text.js";
import { menuButton, menuData } from "../keyboards/main-menu.js";
import { escapeHtml } from "../telegram/html.js";
import { addPager, pagedTitle, pageIndexOf, pageNumber, pageOf } from "../telegram/paging.js";
import { show } from "../telegram/show.js";

const cardButton = (label: string, action: string, habit: Habit) =>
  InlineKeyboard.text(label, habitData.pack({ action, habit: habit.id }));
type View = "active" | "archived";
const listButton = (label: string, view: View, page = 0) =>
  InlineKeyboard.text(label, page === 0 ? habitListData.pack({ view }) : habitPageData.pack({ view, page }));

export function createHabitsFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** Leaves whatever flow is waiting (a button of another screen was tapped), then enters this one. */
  async function startFlow(ctx: BotContext, id: string, ...args: string[]): Promise<void> {
    await ctx.conversation.exitAll();
    // At the habit limit, say so at once rather than after every step (saving checks again).
    const full = id === newHabitId ? await core.habits.limitReached(ctx.account.id) : undefined;
    if (full) return show(ctx, ctx.t("habit-limit-reached", { max: full.limit.max }));
    await ctx.conversation.enter(id, ...args);
  }

  async function showActive(ctx: FlowContext, hint?: string, requested = 0): Promise<void> {
    const [active, archived] = await Promise.all([
      core.habits.list(ctx.account.id, "active"),
      core.habits.list(ctx.account.id, "archived"),
    ]);
    const page = pageOf(active, requested);
    const keyboard = new InlineKeyboard();
    for (const habit of page.items) keyboard.add(cardButton(habitLabel(habit), "card", habit)).row();
    addPager(keyboard, page, (index) => habitPageData.pack({ view: "active", page: index }));
    keyboard.text(ctx.t("habits-button-new"), newHabitData).row();
    if (archived.length > 0)
      keyboard.add(listButton(ctx.t("habits-button-archived", { count: archived.length }), "archived")).row();
    keyboard.add(menuButton(ctx, "main", "button-back"));
    const text = active.length === 0 ? ctx.t("habits-empty") : pagedTitle(ctx.t("habits-title"), page);
    await show(ctx, hint && active.length > 0 ? `${text}\n${hint}` : text, keyboard);
  }

  async function showArchived(ctx: FlowContext, requested = 0): Promise<void> {
    const archived = await core.habits.list(ctx.account.id, "archived");
    const page = pageOf(archived, requested);
    const keyboard = new InlineKeyboard();
    for (const habit of page.items) keyboard.add(cardButton(habitLabel(habit), "card", habit)).row();
    addPager(keyboard, page, (index) => habitPageData.pack({ view: "archived", page: index }));
    keyboard.add(listButton(ctx.t("button-back"), "active"));
    const title = ctx.t(archived.length === 0 ? "habits-archived-empty" : "habits-archived-title");
    await show(ctx, pagedTitle(title, page), keyboard);
  }

  const showList = (ctx: FlowContext, view: View, page = 0) =>
    view === "active" ? showActive(ctx, undefined, page) : showArchived(ctx, page);

  /** The page of its list a habit is on, for Back and for the list after it is archived or deleted. */
  async function pageOfHabit(ctx: FlowContext, habit: Habit): Promise<number> {
    const list = await core.habits.list(ctx.account.id, habit.archivedAt === null ? "active" : "archived");
    return pageIndexOf(
      Math.max(
        0,
        list.findIndex((item) => item.id === habit.id),
      ),
    );
  }

  async function showCard(ctx: FlowContext, habit: Habit): Promise<void> {
    const streak = await core.completions.streakOf(ctx.account.id, habit.id);
    const lines = [`🧩 <b>${habitTitle(habit)}</b>`];
    if (habit.description) lines.push(`<i>${escapeHtml(habit.description)}</i>`);
    lines.push(...habitDetails(ctx, habit));
    lines.push(ctx.t("habit-line-streak", { current: streak?.current ?? 0, longest: streak?.longest ?? 0 }));
    const archived = habit.archivedAt !== null;
    if (archived) lines.push(ctx.t("habit-line-archived"));
    const page = await pageOfHabit(ctx, habit);
    const keyboard = archived
      ? InlineKeyboard.from([
          [cardButton(ctx.t("habit-button-unarchive"), "unarchive", habit)],
          [cardButton(ctx.t("habit-button-delete"), "delete", habit)],
          [listButton(ctx.t("button-back"), "archived", page)],
        ])
      : InlineKeyboard.from([
          [
            cardButton(ctx.t("habit-button-edit"), "edit", habit),
            cardButton(ctx.t("habit-button-archive"), "archive", habit),
          ],
          [cardButton(ctx.t("habit-button-delete"), "delete", habit)],
          [listButton(ctx.t("button-back"), "active", page)],
        ]);
    await show(ctx, lines.join("\n"), keyboard);
  }

  async function showDeleteConfirmation(ctx: FlowContext, habit: Habit): Promise<void> {
    const keyboard = InlineKeyboard.from([
      [cardButton(ctx.t("habit-button-delete-yes"), "confirm-delete", habit)],
      [cardButton(ctx.t("habit-button-delete-no"), "card", habit)],
    ]);
    await show(ctx, ctx.t("habit-delete-confirm", { name: habitTitle(habit) }), keyboard);
  }

  feature.command(["new", "add_habit", "new_habit"], (ctx) => startFlow(ctx, newHabitId));
  feature.command("habits", (ctx) => showActive(ctx));
  feature.command("edit_habit", (ctx) => showActive(ctx, ctx.t("habits-hint-edit")));
  feature.command("remove_habit", (ctx) => showActive(ctx, ctx.t("habits-hint-remove")));

  feature.callbackQuery(menuData.pack({ section: "habits" }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showActive(ctx);
  });

  feature.callbackQuery(habitListData.filter, async (ctx) => {
    const view = habitListData.unpack(ctx.callbackQuery.data)?.view;
    if (view !== "new" && view !== "active" && view !== "archived")
      return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
    if (view === "new") return startFlow(ctx, newHabitId);
    return showList(ctx, view);
  });

  feature.callbackQuery(habitPageData.filter, async (ctx) => {
    const data = habitPageData.unpack(ctx.callbackQuery.data);
    const page = pageNumber(data?.page);
    if ((data?.view !== "active" && data?.view !== "archived") || page === undefined)
      return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
    return showList(ctx, data.view, page);
  });

  feature.callbackQuery(habitData.filter, async (ctx) => {
    const data = habitData.unpack(ctx.callbackQuery.data);
    const habit = data && (await core.habits.get(ctx.account.id, data.habit));
    if (!data || !habit) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    const userId = ctx.account.id;
    const archived = habit.archivedAt !== null;
    switch (data.action) {
      case "card":
        await ctx.answerCallbackQuery();
        return showCard(ctx, habit);
      case "edit":
        if (archived) return ctx.answerCallbackQuery(ctx.t("error-habit-archived"));
        await ctx.answerCallbackQuery();
        return startFlow(ctx, editHabitId, habit.id);
      case "archive": {
        if (archived) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
        const page = await pageOfHabit(ctx, habit);
        const result = await core.habits.archive(userId, habit.id);
        if (!result.ok) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
        await ctx.answerCallbackQuery(ctx.t("habit-archived-toast", { name: habitLabel(habit) }));
        return showActive(ctx, undefined, page);
      }
      case "unarchive": {
        if (!archived) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
        const result = await core.habits.unarchive(userId, habit.id);
        if (!result.ok) {
          const key = result.reason === "name_taken" ? "habit-unarchive-name-taken" : "error-stale-button";
          return ctx.answerCallbackQuery(ctx.t(key, { name: habitLabel(habit) }));
        }
        await ctx.answerCallbackQuery(ctx.t("habit-unarchived-toast", { name: habitLabel(habit) }));
        return showCard(ctx, result.value);
      }
      case "delete":
        await ctx.answerCallbackQuery();
        return showDeleteConfirmation(ctx, habit);
      case "confirm-delete": {
        const page = await pageOfHabit(ctx, habit);
        const result = await core.habits.delete(userId, habit.id);
        if (!result.ok) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
        await ctx.answerCallbackQuery(ctx.t("habit-deleted-toast", { name: habitLabel(habit) }));
        return showList(ctx, archived ? "archived" : "active", page);
      }
      default:
        return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    }
  });
  return feature;
}
