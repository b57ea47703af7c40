// Progress per habit and day, and streaks.
import {
  addDays,
  countsAsDone,
  daysBetween,
  defaultRangeDays,
  type Habit,
  isLocalDate,
  localDateAt,
  nameKey,
} from "@habits/core";
import { pageEnvelopeFields, pageQueryShape, pageSchema, paginate } from "../../http/paging.js";
import { type ApiRoutes, failed, ok, problemReply } from "../../http/route.js";
import { z } from "../../openapi/zod.js";
import { dateRangeQueryShape, localDateSchema } from "../completions/schemas.js";
import type { RouteDependencies } from "../dependencies.js";

const tags = ["Progress"];

/** The longest range /progress answers, in days. */
const progressLimitDays = 366;

/**
 * The most habit-days one page of /progress holds (pageSize × days in the range): the answer is
 * bounded by its page, never by how many habits the account has (20 habits over a year fit).
 */
const progressMaxCells = 10_000;

const streakSchema = z
  .strictObject({
    habitId: z.string(),
    current: z.number().int().min(0),
    longest: z.number().int().min(0),
    lastCompletedDate: localDateSchema.nullable(),
  })
  .openapi("Streak");

const streakPageSchema = pageSchema(streakSchema, "StreakPage");

const progressSchema = z
  .strictObject({
    from: localDateSchema,
    to: localDateSchema,
    ...pageEnvelopeFields,
    habits: z.array(
      z.strictObject({
        habitId: z.string(),
        name: z.string(),
        completedDays: z.number().int().min(0).openapi({ description: "Days in the range that count as done" }),
        days: z.array(
          z.strictObject({
            date: localDateSchema,
            logged: z.boolean().openapi({ description: "A log exists for the day" }),
            done: z.boolean().openapi({ description: "It counts as done (a measurable log reached its target)" }),
            value: z.number().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi("Progress");

const progressQuery = z
  .strictObject({
    ...dateRangeQueryShape,
    ...pageQueryShape,
    habit: z.string().min(1).max(200).optional().openapi({ description: "Only the habit of this name" }),
  })
  .superRefine((query, context) => {
    // Zod runs this refinement even when a field failed: only real dates are compared.
    if (query.from !== undefined && query.to !== undefined && isLocalDate(query.from) && isLocalDate(query.to)) {
      if (query.from > query.to) context.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
      else if (daysBetween(query.from, query.to) >= progressLimitDays)
        context.addIssue({ code: "custom", path: ["to"], message: `must be within ${progressLimitDays} days of from` });
    }
  });

const habitIdParams = z.strictObject({ habitId: z.string().min(1).max(64) });

export function registerStreakRoutes(routes: ApiRoutes, { core, clock }: RouteDependencies): void {
  const accountGone = () => problemReply("session_revoked", "The account no longer exists.");

  routes.add({
    operationId: "getProgress",
    method: "get",
    path: "/progress",
    tags,
    summary: "Progress per habit and day",
    description:
      `A page of the active habits (or the one named by \`habit\`, archived or not), oldest first, each with ` +
      `each day of \`from\`–\`to\` (default: the ${defaultRangeDays} days up to the user's today; at most ` +
      `${progressLimitDays} days). A page holds at most ${progressMaxCells} habit-days (\`pageSize\` × days; ` +
      "more is 400). An unknown habit name is 404.",
    auth: true,
    access: "read",
    request: { query: progressQuery },
    responses: { 200: { description: "Days per habit, a page of habits", body: progressSchema } },
    errors: ["not_found"],
    handler: async ({ principal, query }) => {
      const user = await core.users.get(principal.userId);
      if (!user) return accountGone();
      const today = localDateAt(clock.now(), user.timezone);
      const to =
        query.to ?? (query.from ? minOf(addDays(query.from, defaultRangeDays - 1), maxOf(today, query.from)) : today);
      const from = query.from ?? addDays(to, -(defaultRangeDays - 1));
      if (daysBetween(from, to) >= progressLimitDays || from > to) {
        return failed({ reason: "invalid", errors: [{ field: "from", code: "too_small", limit: from }] });
      }
      const dayCount = daysBetween(from, to) + 1;
      if (query.pageSize * dayCount > progressMaxCells) {
        return failed({
          reason: "invalid",
          errors: [{ field: "pageSize", code: "too_large", limit: Math.floor(progressMaxCells / dayCount) }],
        });
      }
      let habits: Habit[];
      if (query.habit !== undefined) {
        const key = nameKey(query.habit);
        habits = (await core.habits.list(principal.userId, "all")).filter((habit) => nameKey(habit.name) === key);
        if (habits.length === 0) return failed({ reason: "not_found" });
      } else {
        habits = await core.habits.list(principal.userId, "active");
      }
      const { items: pageHabits, ...envelope } = paginate(habits, query);
      const dates: string[] = [];
      for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
      const rows = [];
      // Only the page's habits' logs are read: the work follows the page, not the account.
      for (const habit of pageHabits) {
        const logs = (await core.completions.list(principal.userId, habit.id, { from, to })) ?? [];
        const byDate = new Map(logs.map((log) => [log.date, log]));
        const days = dates.map((date) => {
          const log = byDate.get(date);
          return {
            date,
            logged: log !== undefined,
            done: log ? countsAsDone(habit, log.value) : false,
            value: log?.value ?? null,
          };
        });
        rows.push({ habitId: habit.id, name: habit.name, completedDays: days.filter((day) => day.done).length, days });
      }
      return ok({ from, to, ...envelope, habits: rows });
    },
  });

  routes.add({
    operationId: "listStreaks",
    method: "get",
    path: "/streaks",
    tags,
    summary: "Every active habit's streak",
    auth: true,
    access: "read",
    request: { query: z.strictObject(pageQueryShape) },
    responses: { 200: { description: "A page of streaks", body: streakPageSchema } },
    handler: async ({ principal, query }) => {
      const habits = await core.habits.list(principal.userId, "active");
      const page = paginate(habits, query);
      const items: Array<z.input<typeof streakSchema>> = [];
      for (const habit of page.items) {
        const streak = await core.completions.streakOf(principal.userId, habit.id);
        if (streak) items.push({ habitId: habit.id, ...streak });
      }
      return ok({ ...page, items });
    },
  });

  routes.add({
    operationId: "getStreak",
    method: "get",
    path: "/streaks/{habitId}",
    tags,
    summary: "A habit's streak",
    auth: true,
    access: "read",
    request: { params: habitIdParams },
    responses: { 200: { description: "The current and longest streak", body: streakSchema } },
    errors: ["not_found"],
    handler: async ({ principal, params }) => {
      const streak = await core.completions.streakOf(principal.userId, params.habitId);
      if (!streak) return failed({ reason: "not_found" });
      return ok({
        habitId: params.habitId,
        current: streak.current,
        longest: streak.longest,
        lastCompletedDate: streak.lastCompletedDate,
      });
    },
  });
}

const minOf = (a: string, b: string) => (a < b ? a : b);
const maxOf = (a: string, b: string) => (a > b ? a : b);
