// 📊 Stats: the overall success rate of the last 30 days, each habit's rate and streaks, and per
// habit a 4-week calendar of emoji squares.
import { type Core, type Habit, localDateAt, minDate } from "@habits/core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { backToMenuKeyboard, menuButton, menuData } from "../keyboards/main-menu.js";
import { calendarLines, drawCalendar } from "../stats/calendar.js";
import { callbackData } from "../telegram/callback-data.js";
import { monthDayLabel } from "../telegram/day-label.js";
import { escapeHtml } from "../telegram/html.js";
import { addPager, pagedTitle, pageNumber, pageOf } from "../telegram/paging.js";
import { show } from "../telegram/show.js";

/** A habit's calendar; `page` is the overview's page its Back returns to. */
const statsHabitData = callbackData("stats-habit", ["habit", "page"]);
/** ◀️ ▶️ of the overview. */
const statsPageData = callbackData("stats-page", ["page"]);

const percent = (rate: number) => Math.round(rate * 100);

/** A measurable log counts only once it reaches the target (docs/domain.md). */
const countsAsDone = (habit: Habit, value: number | null) =>
  habit.target === null || (value !== null && value >= habit.target.value);

export function createStatsFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** The overall figures on every page, then a page of habits (a line and a calendar button each). */
  async function showOverview(ctx: FlowContext, requested = 0): Promise<void> {
    const found = await core.analytics.overview(ctx.account.id);
    if (!found || found.habits.length === 0) return show(ctx, ctx.t("stats-none"), backToMenuKeyboard(ctx));
    const { overview } = found;
    const page = pageOf(found.habits, requested);
    const lines = [
      pagedTitle(ctx.t("stats-title"), page),
      ctx.t("stats-overall", {
        rate: percent(overview.successRate),
        achieved: overview.achieved,
        expected: overview.expected,
      }),
      ctx.t("stats-live-streaks", { live: overview.liveStreaks, habits: overview.habits }),
      "",
    ];
    const keyboard = new InlineKeyboard();
    for (const stats of page.items) {
      lines.push(
        ctx.t("stats-habit-line", {
          habit: escapeHtml(stats.name),
          rate: percent(stats.successRate),
          current: stats.streak.current,
          longest: stats.streak.longest,
        }),
      );
      keyboard.text(
        ctx.t("stats-habit-button", { habit: stats.name }),
        statsHabitData.pack({ habit: stats.habitId, page: page.index }),
      );
      keyboard.row();
    }
    lines.push("", ctx.t("stats-pick-habit"));
    addPager(keyboard, page, (index) => statsPageData.pack({ page: index }));
    keyboard.add(menuButton(ctx, "main", "button-back"));
    await show(ctx, lines.join("\n"), keyboard);
  }

  /** One habit: its rate and streaks over the last 30 days, and its calendar of the last 4 weeks. */
  async function showHabit(ctx: FlowContext, habitId: string, page: number): Promise<boolean> {
    const habit = await core.habits.get(ctx.account.id, habitId);
    const stats = habit && habit.archivedAt === null && (await core.analytics.habitStats(ctx.account.id, habitId));
    if (!habit || !stats) return false;
    const today = stats.range.to;
    const history = (await core.completions.list(ctx.account.id, habitId)) ?? [];
    const done = history.filter((completion) => countsAsDone(habit, completion.value));
    // Made today at the latest (a clock a little ahead, or a test's clock behind, cannot make it later).
    const created = minDate(localDateAt(habit.createdAt, ctx.account.timezone), today);
    const began = history[0] ? minDate(history[0].date, created) : created;
    const weeks = drawCalendar({
      today,
      start: habit.startDate ?? began,
      habit,
      done: new Set(done.map((completion) => completion.date)),
    });
    const lines = [
      ctx.t("stats-habit-title", { habit: escapeHtml(habit.name) }),
      ctx.t("stats-habit-rate", {
        rate: percent(stats.successRate),
        achieved: stats.achieved,
        expected: stats.expected,
      }),
      ctx.t("stats-habit-streak", { current: stats.streak.current, longest: stats.streak.longest }),
      "",
      ctx.t("stats-calendar-title"),
      ...calendarLines(weeks, (monday) => monthDayLabel(ctx.account.language, monday)),
      ctx.t("stats-calendar-legend"),
    ];
    const back = InlineKeyboard.text(ctx.t("button-back"), statsPageData.pack({ page }));
    await show(ctx, lines.join("\n"), InlineKeyboard.from([[back]]));
    return true;
  }

  feature.command("stats", (ctx) => showOverview(ctx));
  feature.callbackQuery(menuData.pack({ section: "stats" }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showOverview(ctx);
  });
  feature.callbackQuery(statsPageData.filter, async (ctx) => {
    const page = pageNumber(statsPageData.unpack(ctx.callbackQuery.data)?.page);
    if (page === undefined) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
    await showOverview(ctx, page);
  });
  feature.callbackQuery(statsHabitData.filter, async (ctx) => {
    const data = statsHabitData.unpack(ctx.callbackQuery.data);
    const page = pageNumber(data?.page);
    // Check first, answer after: a stale button gets its notice in the same answer.
    if (!data || page === undefined || !(await showHabit(ctx, data.habit, page)))
      return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
  });
  return feature;
}
