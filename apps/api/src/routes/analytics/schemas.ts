import type { HabitStats, Overview, TrendPoint } from "@habits/core";
import { z } from "../../openapi/zod.js";

/** A local date, `YYYY-MM-DD`. */
const dateSchema = z.iso.date().openapi({ example: "2026-03-10" });

export const maxRangeDays = 366;

export const rangeQueryShape = {
  from: dateSchema.optional().openapi({ description: "First day, included; 29 days before `to` by default" }),
  to: dateSchema.optional().openapi({ description: "Last day, included; the user's today by default" }),
};

const rangeSchema = z.strictObject({ from: dateSchema, to: dateSchema }).openapi("DateRange");

const rate = z.number().min(0).max(1).openapi({ description: "achieved / expected, a fraction 0–1" });

const successShape = {
  expected: z.number().int().min(0).openapi({ description: "Completions the schedule asked for in the range" }),
  achieved: z.number().int().min(0).openapi({ description: "Counted completions, capped per period at expected" }),
  successRate: rate,
};

export const habitAnalyticsSchema = z
  .strictObject({
    habitId: z.string(),
    name: z.string(),
    range: rangeSchema,
    ...successShape,
    totalCompletions: z.number().int().min(0).openapi({ description: "Counted completions in the range" }),
    streak: z.strictObject({
      current: z.number().int().min(0),
      longest: z.number().int().min(0),
      lastCompletedDate: dateSchema.nullable(),
    }),
    byWeekday: z
      .array(z.number().int().min(0))
      .length(7)
      .openapi({ description: "Counted completions in the range per ISO weekday, Monday first" }),
    lastCompletedDate: dateSchema.nullable(),
    milestone: z.strictObject({ target: z.number().int(), current: z.number().int(), reached: z.boolean() }).nullable(),
    strength: z.number().min(0).max(1).openapi({ description: "Habit strength, 0–1" }),
  })
  .openapi("HabitAnalytics");

export const overviewSchema = z
  .strictObject({
    range: rangeSchema,
    ...successShape,
    habits: z.number().int().min(0).openapi({ description: "Active habits" }),
    completions: z.number().int().min(0).openapi({ description: "Counted completions in the range" }),
    liveStreaks: z.number().int().min(0).openapi({ description: "Active habits with a current streak" }),
    rewardsAchieved: z.number().int().min(0).openapi({ description: "Rewards waiting to be claimed" }),
    rewardsClaimed: z.number().int().min(0).openapi({ description: "Claims ever made" }),
    topHabits: z.array(
      z.strictObject({ habitId: z.string(), name: z.string(), successRate: rate, currentStreak: z.number().int() }),
    ),
    habitStats: z.array(habitAnalyticsSchema).openapi({ description: "Each active habit's statistics" }),
  })
  .openapi("AnalyticsOverview");

export const trendsSchema = z
  .strictObject({
    granularity: z.enum(["week", "month"]),
    range: rangeSchema,
    points: z.array(
      z
        .strictObject({
          start: dateSchema.openapi({ description: "First day of the bucket inside the range" }),
          end: dateSchema.openapi({ description: "Last day of the bucket inside the range" }),
          completions: z.number().int().min(0),
          ...successShape,
        })
        .openapi("TrendPoint"),
    ),
  })
  .openapi("AnalyticsTrends");

export function presentHabitStats(stats: HabitStats): z.input<typeof habitAnalyticsSchema> {
  return {
    habitId: stats.habitId,
    name: stats.name,
    range: { ...stats.range },
    expected: stats.expected,
    achieved: stats.achieved,
    successRate: stats.successRate,
    totalCompletions: stats.totalCompletions,
    streak: { ...stats.streak },
    byWeekday: [...stats.byWeekday],
    lastCompletedDate: stats.lastCompletedDate,
    milestone: stats.milestone ? { ...stats.milestone } : null,
    strength: stats.strength,
  };
}

export function presentOverview(overview: Overview, habits: HabitStats[]): z.input<typeof overviewSchema> {
  return {
    range: { ...overview.range },
    expected: overview.expected,
    achieved: overview.achieved,
    successRate: overview.successRate,
    habits: overview.habits,
    completions: overview.completions,
    liveStreaks: overview.liveStreaks,
    rewardsAchieved: overview.rewardsAchieved,
    rewardsClaimed: overview.rewardsClaimed,
    topHabits: overview.topHabits.map((item) => ({ ...item })),
    habitStats: habits.map(presentHabitStats),
  };
}

export function presentTrendPoint(point: TrendPoint) {
  return {
    start: point.start,
    end: point.end,
    completions: point.completions,
    expected: point.expected,
    achieved: point.achieved,
    successRate: point.successRate,
  };
}
