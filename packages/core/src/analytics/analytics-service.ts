// Statistics for the bot's /stats and the API's analytics endpoints, computed from completions.
import type { Completion } from "../completions/completion.js";
import { counts } from "../completions/streak-recompute.js";
import type { CoreDependencies } from "../core-dependencies.js";
import type { Habit } from "../habits/habit.js";
import { rewardStatus } from "../rewards/reward.js";
import { type StreakSummary, summarizeStreaks } from "../streaks/streaks.js";
import { addDays, isoWeekday, type LocalDate, maxDate, minDate } from "../time/local-date.js";
import { nextPeriod, periodOf } from "../time/periods.js";
import { localDateAt } from "../time/zone.js";
import type { User } from "../users/user.js";
import { strengthOf } from "./strength.js";
import { activeRange, type DateRange, type Success, successOf } from "./success.js";

export interface HabitStats extends Success {
  habitId: string;
  name: string;
  range: DateRange;
  totalCompletions: number;
  streak: StreakSummary;
  /** Counted completions in the range per ISO weekday, Monday first. */
  byWeekday: [number, number, number, number, number, number, number];
  lastCompletedDate: LocalDate | null;
  milestone: { target: number; current: number; reached: boolean } | null;
  /** Loop-style habit strength, 0–1. */
  strength: number;
}

export interface Overview extends Success {
  range: DateRange;
  habits: number;
  completions: number;
  liveStreaks: number;
  rewardsAchieved: number;
  rewardsClaimed: number;
  topHabits: Array<{ habitId: string; name: string; successRate: number; currentStreak: number }>;
}

export interface MonthGridRow {
  id: string;
  name: string;
  color: string;
  /** One entry per day of the month: 1/0 for binary habits, the logged value (or 0) for measurable ones. */
  data: number[];
}

export interface TrendPoint extends Success {
  start: LocalDate;
  end: LocalDate;
  completions: number;
}

/** The default range of statistics: the last 30 days, today included. */
export const defaultRangeDays = 30;

export function createAnalyticsService(deps: CoreDependencies) {
  const { store } = deps;

  async function context(userId: string) {
    const user = await store.users.findById(userId);
    if (!user) return undefined;
    return { user, today: localDateAt(deps.clock.now(), user.timezone) };
  }

  function rangeOr(range: Partial<DateRange> | undefined, today: LocalDate): DateRange {
    const to = range?.to ?? today;
    return { from: range?.from ?? addDays(to, -(defaultRangeDays - 1)), to };
  }

  /** The day a habit began, for clipping expectations when it has no startDate. */
  function began(user: User, habit: Habit, history: readonly Completion[]): LocalDate {
    const created = localDateAt(habit.createdAt, user.timezone);
    const first = history[0]?.date;
    return first !== undefined ? minDate(first, created) : created;
  }

  function statsOf(
    user: User,
    habit: Habit,
    history: readonly Completion[],
    range: DateRange,
    today: LocalDate,
  ): HabitStats {
    const counted = history.filter((completion) => counts(habit, completion.value));
    const countedDates = counted.map((completion) => completion.date);
    const inRange = counted.filter((completion) => completion.date >= range.from && completion.date <= range.to);
    const byWeekday: HabitStats["byWeekday"] = [0, 0, 0, 0, 0, 0, 0];
    for (const completion of inRange) {
      const day = isoWeekday(completion.date) - 1;
      byWeekday[day] = (byWeekday[day] ?? 0) + 1;
    }
    const start = began(user, habit, history);
    return {
      habitId: habit.id,
      name: habit.name,
      range,
      ...successOf(habit, history, activeRange(habit, range, today, start)),
      totalCompletions: inRange.length,
      streak: summarizeStreaks(habit, countedDates, today),
      byWeekday,
      lastCompletedDate: countedDates.at(-1) ?? null,
      milestone:
        habit.milestoneTarget === null
          ? null
          : {
              target: habit.milestoneTarget,
              current: counted.length,
              reached: counted.length >= habit.milestoneTarget,
            },
      strength: strengthOf(habit, new Set(countedDates), habit.startDate ?? start, today),
    };
  }

  return {
    /** Statistics of one habit over a range (default: the last 30 days). */
    async habitStats(userId: string, habitId: string, range?: Partial<DateRange>): Promise<HabitStats | undefined> {
      const found = await context(userId);
      const habit = found && (await store.habits.findById(userId, habitId));
      if (!found || !habit) return undefined;
      const history = await store.completions.listForHabit(habit.id);
      return statsOf(found.user, habit, history, rangeOr(range, found.today), found.today);
    },

    /** Every active habit's statistics and the totals across them. */
    async overview(
      userId: string,
      range?: Partial<DateRange>,
    ): Promise<{ overview: Overview; habits: HabitStats[] } | undefined> {
      const found = await context(userId);
      if (!found) return undefined;
      const resolved = rangeOr(range, found.today);
      const habits = await store.habits.list(userId, { status: "active" });
      const stats: HabitStats[] = [];
      for (const habit of habits) {
        stats.push(statsOf(found.user, habit, await store.completions.listForHabit(habit.id), resolved, found.today));
      }
      const rewards = await store.rewards.list(userId);
      const expected = stats.reduce((sum, item) => sum + item.expected, 0);
      const achieved = stats.reduce((sum, item) => sum + item.achieved, 0);
      const topHabits = [...stats]
        .sort(
          (a, b) =>
            b.successRate - a.successRate || b.streak.current - a.streak.current || a.name.localeCompare(b.name),
        )
        .slice(0, 5)
        .map((item) => ({
          habitId: item.habitId,
          name: item.name,
          successRate: item.successRate,
          currentStreak: item.streak.current,
        }));
      return {
        overview: {
          range: resolved,
          habits: habits.length,
          completions: stats.reduce((sum, item) => sum + item.totalCompletions, 0),
          liveStreaks: stats.filter((item) => item.streak.current > 0).length,
          rewardsAchieved: rewards.filter((reward) => rewardStatus(reward) === "achieved").length,
          rewardsClaimed: rewards.reduce((sum, reward) => sum + reward.progress.timesClaimed, 0),
          expected,
          achieved,
          successRate: expected === 0 ? 0 : achieved / expected,
          topHabits,
        },
        habits: stats,
      };
    },

    /** Seed 000's month grid: each active habit with one entry per day of the month. */
    async monthGrid(userId: string, year: number, month: number): Promise<MonthGridRow[] | undefined> {
      const found = await context(userId);
      if (!found) return undefined;
      const first = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
      const { start, end } = periodOf("month", first);
      const habits = await store.habits.list(userId, { status: "active" });
      const completions = await store.completions.listForUser(userId, { from: start, to: end });
      // By habit and date: a lookup per cell, not a scan of the month's logs (200 habits × 31 days).
      const byCell = new Map(completions.map((item) => [`${item.habitId} ${item.date}`, item]));
      return habits.map((habit) => {
        const data: number[] = [];
        for (let date = start; date <= end; date = addDays(date, 1)) {
          const completion = byCell.get(`${habit.id} ${date}`);
          data.push(!completion ? 0 : habit.type === "measurable" ? (completion.value ?? 0) : 1);
        }
        return { id: habit.id, name: habit.name, color: habit.color, data };
      });
    },

    /** Completions and success rate per ISO week or calendar month across the active habits. */
    async trends(
      userId: string,
      granularity: "week" | "month",
      range?: Partial<DateRange>,
    ): Promise<TrendPoint[] | undefined> {
      const found = await context(userId);
      if (!found) return undefined;
      const resolved = rangeOr(range, found.today);
      const habits = await store.habits.list(userId, { status: "active" });
      const histories = new Map<string, Completion[]>();
      for (const habit of habits) histories.set(habit.id, await store.completions.listForHabit(habit.id));
      const points: TrendPoint[] = [];
      for (
        let period = periodOf(granularity, resolved.from);
        period.start <= resolved.to;
        period = nextPeriod(period)
      ) {
        const bucket = {
          from: maxDate(period.start, resolved.from),
          to: minDate(period.end, resolved.to),
        };
        let expected = 0;
        let achieved = 0;
        let completions = 0;
        for (const habit of habits) {
          const history = histories.get(habit.id) ?? [];
          const success = successOf(
            habit,
            history,
            activeRange(habit, bucket, found.today, began(found.user, habit, history)),
          );
          expected += success.expected;
          achieved += success.achieved;
          completions += history.filter(
            (completion) =>
              counts(habit, completion.value) && completion.date >= bucket.from && completion.date <= bucket.to,
          ).length;
        }
        points.push({
          start: bucket.from,
          end: bucket.to,
          completions,
          expected,
          achieved,
          successRate: expected === 0 ? 0 : achieved / expected,
        });
      }
      return points;
    },
  };
}
