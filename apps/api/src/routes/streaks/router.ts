// Progress per habit and day, and streaks.
import { addDays, countsAsDone, daysBetween, defaultRangeDays, type Habit, isLocalDate, nameKey } from "@habits/core";
import { pageQueryShape, pageSchema, paginate } from "../../http/paging.js";
import { type ApiRoutes, failed, ok, problemReply } from "../../http/route.js";
import { z } from "../../openapi/zod.js";
import { dateRangeQueryShape, localDateSchema } from "../completions/schemas.js";
import type { RouteDependencies } from "../dependencies.js";

const tags = ["Progress"];

/** The longest range /progress answers, in days. */
const progressLimitDays = 366;

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

export function registerStreakRoutes(routes: ApiRoutes, { core }: RouteDependencies): void {
  const accountGone = () => problemReply("session_revoked", "The account no longer exists.");

  routes.add({
    operationId: "getProgress",
    method: "get",
    path: "/progress",
    tags,
    summary: "Progress per habit and day",
    description:
      `Each active habit (or the one named by \`habit\`, archived or not) and each day of \`from\`–\`to\` ` +
      `(default: the ${defaultRangeDays} days up to the user's today; at most ${progressLimitDays} days). An ` +
      "unknown habit name is 404.",
    auth: true,
    access: "read",
    request: { query: progressQuery },
    responses: { 200: { description: "Days per habit", body: progressSchema } },
    errors: ["not_found"],
    handler: async ({ principal, query }) => {
      const due = await core.completions.dueToday(principal.userId);
      if (!due) return accountGone();
      const to =
        query.to ??
        (query.from ? minOf(addDays(query.from, defaultRangeDays - 1), maxOf(due.today, query.from)) : due.today);
      const from = query.from ?? addDays(to, -(defaultRangeDays - 1));
      if (daysBetween(from, to) >= progressLimitDays || from > to) {
        return failed({ reason: "invalid", errors: [{ field: "from", code: "too_small", limit: from }] });
      }
      let habits: Habit[] = due.habits;
      if (query.habit !== undefined) {
        const key = nameKey(query.habit);
        habits = (await core.habits.list(principal.userId, "all")).filter((habit) => nameKey(habit.name) === key);
        if (habits.length === 0) return failed({ reason: "not_found" });
      }
      const logs = await core.completions.listForUser(principal.userId, { from, to });
      const dates: string[] = [];
      for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
      return ok({
        from,
        to,
        habits: habits.map((habit) => {
          const mine = new Map(logs.filter((log) => log.habitId === habit.id).map((log) => [log.date, log]));
          const days = dates.map((date) => {
            const log = mine.get(date);
            return {
              date,
              logged: log !== undefined,
              done: log ? countsAsDone(habit, log.value) : false,
              value: log?.value ?? null,
            };
          });
          return { habitId: habit.id, name: habit.name, completedDays: days.filter((day) => day.done).length, days };
        }),
      });
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
