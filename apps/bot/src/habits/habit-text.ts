// How habits read in the chat: schedule, reminders, the lines of a summary or card, and the
// core's validation codes in the person's language. User input always passes through escapeHtml.
import type { FieldError, Frequency } from "@habits/core";
import type { FlowContext } from "../context.js";
import { escapeHtml } from "../telegram/html.js";

export const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** Mon–Fri: the exempt days of a "weekdays" habit. */
export const weekendDays: readonly number[] = [6, 7];

/** The fields a habit's summary and card show (a habit, or a draft in a flow). */
export interface HabitView {
  name: string;
  emoji?: string | null;
  frequency: { type: Frequency; timesPerPeriod: number };
  exemptWeekdays: readonly number[];
  allowedSkipDays: number;
  weight: number;
  reminders: ReadonlyArray<{ time: string; weekdays: readonly number[] }>;
}

/** A button label (plain text: Telegram does not parse buttons). */
export const habitLabel = (habit: Pick<HabitView, "name" | "emoji">): string =>
  habit.emoji ? `${habit.emoji} ${habit.name}` : habit.name;

/** A habit's name for an HTML message. */
export const habitTitle = (habit: Pick<HabitView, "name" | "emoji">): string => escapeHtml(habitLabel(habit));

const sameDays = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((day) => b.includes(day));

function describeSchedule(ctx: FlowContext, habit: Pick<HabitView, "frequency" | "exemptWeekdays">): string {
  const { type, timesPerPeriod } = habit.frequency;
  if (type === "weekly") return ctx.t("habit-schedule-weekly", { count: timesPerPeriod });
  if (type === "monthly") return ctx.t("habit-schedule-monthly", { count: timesPerPeriod });
  if (habit.exemptWeekdays.length === 0) return ctx.t("habit-schedule-daily");
  if (sameDays(habit.exemptWeekdays, weekendDays)) return ctx.t("habit-schedule-weekdays");
  const due = isoWeekdays.filter((day) => !habit.exemptWeekdays.includes(day));
  return ctx.t("habit-schedule-days", { days: due.map((day) => ctx.t(`habit-day-${day}`)).join(", ") });
}

export function describeReminders(ctx: FlowContext, reminders: HabitView["reminders"]): string {
  if (reminders.length === 0) return ctx.t("habit-reminders-none");
  return reminders
    .map((reminder) =>
      reminder.weekdays.length === 0
        ? reminder.time
        : `${reminder.time} (${reminder.weekdays.map((day) => ctx.t(`habit-day-${day}`)).join(", ")})`,
    )
    .join(", ");
}

/** Schedule, grace days (daily habits only), weight and reminders, one line each. */
export function habitDetails(ctx: FlowContext, habit: HabitView): string[] {
  const lines = [ctx.t("habit-line-schedule", { schedule: describeSchedule(ctx, habit) })];
  if (habit.frequency.type === "daily") lines.push(ctx.t("habit-line-grace", { days: habit.allowedSkipDays }));
  lines.push(ctx.t("habit-line-weight", { weight: habit.weight }));
  lines.push(ctx.t("habit-line-reminders", { times: describeReminders(ctx, habit.reminders) }));
  return lines;
}

const fieldsWithNames = ["name", "frequency", "exemptWeekdays", "allowedSkipDays", "weight", "reminders"];

/** One validation code of the core, in the person's language ("Weight: at most 100."). */
export function fieldErrorText(ctx: FlowContext, error: FieldError): string {
  const root = error.field.split(".")[0] ?? "";
  const field = ctx.t(`habit-field-${fieldsWithNames.includes(root) ? root : "other"}`);
  return ctx.t(`habit-error-${error.code.replaceAll("_", "-")}`, { field, limit: String(error.limit ?? "") });
}

/** A piece of what the person typed, safe to quote in an HTML reply. */
export function quoteInput(text: string, max = 32): string {
  const characters = [...text.trim()];
  const shown = characters.length > max ? `${characters.slice(0, max).join("")}…` : characters.join("");
  return escapeHtml(shown);
}
