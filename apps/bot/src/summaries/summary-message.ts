// How a summary reads in the chat: the core's numbers and names worded in the person's language
// (HTML, habit names escaped), with a ✅ Done today button while something can still be done today.
import type { DailySummary, SummaryContent, WeeklySummary } from "@habits/core";
import { InlineKeyboard } from "grammy";
import { menuData } from "../keyboards/main-menu.js";
import { dayLabel } from "../telegram/day-label.js";
import { escapeHtml } from "../telegram/html.js";

/** A translation in the person's language. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

export interface SummaryMessage {
  text: string;
  keyboard?: InlineKeyboard;
}

const percent = (rate: number) => Math.round(rate * 100);
const withStreak = (t: Translate, line: string, streak: number) =>
  streak > 0 ? `${line} · ${t("summary-streak", { days: streak })}` : line;

function dailyText(t: Translate, language: string, summary: DailySummary): string {
  const lines = [t("summary-daily-title", { day: dayLabel(language, summary.date, "long") })];
  if (summary.total === 0) {
    lines.push(t("summary-daily-nothing-due"));
  } else {
    lines.push(t("summary-daily-score", { done: summary.done, total: summary.total }), "");
    for (const habit of summary.habits) {
      const line = t(habit.done ? "summary-habit-done" : "summary-habit-open", { habit: escapeHtml(habit.name) });
      lines.push(withStreak(t, line, habit.currentStreak));
    }
    lines.push("");
    if (summary.done === summary.total) lines.push(t("summary-daily-all-done"));
    else if (summary.stillDueToday > 0) lines.push(t("summary-daily-still-due", { count: summary.stillDueToday }));
  }
  lines.push(t("summary-live-streaks", { count: summary.liveStreaks }));
  return lines.join("\n");
}

function weeklyText(t: Translate, language: string, summary: WeeklySummary): string {
  const lines = [
    t("summary-weekly-title", { from: dayLabel(language, summary.from), to: dayLabel(language, summary.to) }),
    t("summary-weekly-overall", {
      rate: percent(summary.successRate),
      completions: summary.completions,
      expected: summary.expected,
    }),
    "",
  ];
  for (const habit of summary.habits) {
    const line = t("summary-weekly-habit", {
      habit: escapeHtml(habit.name),
      completions: habit.completions,
      expected: habit.expected,
      rate: percent(habit.successRate),
    });
    lines.push(withStreak(t, line, habit.currentStreak));
  }
  lines.push("", t("summary-live-streaks", { count: summary.liveStreaks }));
  return lines.join("\n");
}

export function summaryMessage(t: Translate, language: string, summary: SummaryContent): SummaryMessage {
  if (summary.kind === "weekly") return { text: weeklyText(t, language, summary) };
  const text = dailyText(t, language, summary);
  if (summary.stillDueToday === 0) return { text };
  const keyboard = InlineKeyboard.from([[InlineKeyboard.text(t("menu-done"), menuData.pack({ section: "done" }))]]);
  return { text, keyboard };
}
