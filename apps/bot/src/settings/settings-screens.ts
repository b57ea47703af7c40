// The screens of ⚙️ Settings, drawn from a plain view of the account's settings (plain, so the
// time zone conversation can keep it across replays).
import { defaultHabitWeight, type Language, languages, oddsOf, type SummaryMode, type User } from "@habits/core";
import { InlineKeyboard } from "grammy";
import { apiButton } from "../access/api-buttons.js";
import type { FlowContext } from "../context.js";
import { menuButton } from "../keyboards/main-menu.js";
import { callbackData } from "../telegram/callback-data.js";
import { zoneLabel } from "../timezone/find-zone.js";

/** `settings|<action>|<value>`: open a screen, or change one setting. */
export const settingsData = callbackData("settings", ["action", "value"]);

export type SettingsScreen = "main" | "language" | "odds" | "reminders";
export const settingsScreens: readonly SettingsScreen[] = ["main", "language", "odds", "reminders"];

/** No-reward weights offered: lower means more rewards. 10 is the default. */
export const oddsPresets = [
  { level: "more", weight: 5 },
  { level: "normal", weight: 10 },
  { level: "fewer", weight: 20 },
] as const;

export const quietPresets = [
  { start: "22:00", end: "07:00" },
  { start: "23:00", end: "07:00" },
  { start: "23:00", end: "08:00" },
] as const;

export const quietValue = (quiet: { start: string; end: string }) => `${quiet.start}-${quiet.end}`;

export interface SettingsView {
  language: Language;
  timezone: string;
  noRewardWeight: number;
  minNoRewardChance: number;
  guaranteeLastHabit: boolean;
  remindersEnabled: boolean;
  quietHours: { start: string; end: string } | null;
  summaryMode: SummaryMode;
  summaryTime: string;
}

export function settingsViewOf(user: User): SettingsView {
  return {
    language: user.language,
    timezone: user.timezone,
    noRewardWeight: user.rewardOdds.noRewardWeight,
    minNoRewardChance: user.rewardOdds.minNoRewardChance,
    guaranteeLastHabit: user.rewardOdds.guaranteeLastHabit,
    remindersEnabled: user.reminders.enabled,
    quietHours: user.reminders.quietHours,
    summaryMode: user.reminders.summary.mode,
    summaryTime: user.reminders.summary.time,
  };
}

const onOff = (value: boolean) => (value ? "on" : "off");
const button = (label: string, action: string, value = "-") =>
  InlineKeyboard.text(label, settingsData.pack({ action, value }));
const chosen = (ctx: FlowContext, label: string, isChosen: boolean) =>
  isChosen ? ctx.t("settings-chosen", { label }) : label;
const backToSettings = (ctx: FlowContext) => button(ctx.t("button-back"), "open", "main");

function oddsLevel(view: SettingsView): string {
  return oddsPresets.find((preset) => preset.weight === view.noRewardWeight)?.level ?? "custom";
}

/** How often a habit of the default weight wins a piece on its first day, in percent. */
const firstDayChance = (view: SettingsView) => Math.round(oddsOf(defaultHabitWeight, 0, view).winChance * 100);

function quietText(ctx: FlowContext, view: SettingsView): string {
  return view.quietHours ? `${view.quietHours.start}–${view.quietHours.end}` : ctx.t("settings-quiet-off");
}

export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

export function mainScreen(ctx: FlowContext, view: SettingsView): Screen {
  const text = [
    ctx.t("settings-title"),
    "",
    ctx.t("settings-language-line", { language: ctx.t(`settings-language-${view.language}`) }),
    ctx.t("settings-timezone-line", { zone: zoneLabel(view.timezone) }),
    ctx.t("settings-odds-line", {
      level: oddsLevel(view),
      chance: firstDayChance(view),
      guarantee: onOff(view.guaranteeLastHabit),
    }),
    ctx.t("settings-reminders-line", { enabled: onOff(view.remindersEnabled), quiet: quietText(ctx, view) }),
    ctx.t("settings-summary-line", { mode: view.summaryMode, time: view.summaryTime }),
  ].join("\n");
  const keyboard = InlineKeyboard.from([
    [button(ctx.t("settings-button-language"), "open", "language"), button(ctx.t("settings-button-timezone"), "zone")],
    [
      button(ctx.t("settings-button-odds"), "open", "odds"),
      button(ctx.t("settings-button-reminders"), "open", "reminders"),
    ],
    [button(ctx.t("settings-button-summary"), "summary", "open")],
    // API access is its own feature (features/api-access.ts), with its own buttons.
    [apiButton(ctx.t("settings-button-api"), "open"), button(ctx.t("settings-button-export"), "export")],
    [menuButton(ctx, "main", "button-back")],
  ]);
  return { text, keyboard };
}

function languageScreen(ctx: FlowContext, view: SettingsView): Screen {
  const keyboard = new InlineKeyboard();
  for (const language of languages) {
    keyboard.add(
      button(chosen(ctx, ctx.t(`settings-language-${language}`), language === view.language), "language", language),
    );
  }
  keyboard.row().add(backToSettings(ctx));
  return { text: ctx.t("settings-language-title"), keyboard };
}

function oddsScreen(ctx: FlowContext, view: SettingsView): Screen {
  const text = [
    ctx.t("settings-odds-title"),
    "",
    ctx.t("settings-odds-explain", { chance: firstDayChance(view), weight: view.noRewardWeight }),
    "",
    ctx.t("settings-guarantee-explain", { guarantee: onOff(view.guaranteeLastHabit) }),
  ].join("\n");
  const keyboard = new InlineKeyboard();
  for (const preset of oddsPresets) {
    const label = ctx.t(`settings-odds-${preset.level}`, { weight: preset.weight });
    keyboard
      .add(button(chosen(ctx, label, preset.weight === view.noRewardWeight), "odds", String(preset.weight)))
      .row();
  }
  keyboard
    .add(
      button(
        ctx.t("settings-guarantee-button", { guarantee: onOff(!view.guaranteeLastHabit) }),
        "guarantee",
        onOff(!view.guaranteeLastHabit),
      ),
    )
    .row()
    .add(backToSettings(ctx));
  return { text, keyboard };
}

function remindersScreen(ctx: FlowContext, view: SettingsView): Screen {
  const text = [
    ctx.t("settings-reminders-title"),
    "",
    ctx.t("settings-reminders-state", { enabled: onOff(view.remindersEnabled) }),
    ctx.t("settings-quiet-state", { quiet: quietText(ctx, view) }),
  ].join("\n");
  const keyboard = InlineKeyboard.from([
    [
      button(
        ctx.t("settings-reminders-toggle", { enabled: onOff(!view.remindersEnabled) }),
        "reminders",
        onOff(!view.remindersEnabled),
      ),
    ],
  ]);
  const current = view.quietHours ? quietValue(view.quietHours) : "none";
  for (const preset of quietPresets) {
    const label = ctx.t("settings-quiet-preset", { start: preset.start, end: preset.end });
    keyboard.row().add(button(chosen(ctx, label, quietValue(preset) === current), "quiet", quietValue(preset)));
  }
  keyboard.row().add(button(chosen(ctx, ctx.t("settings-quiet-none"), current === "none"), "quiet", "none"));
  keyboard.row().add(backToSettings(ctx));
  return { text, keyboard };
}

export function settingsScreen(ctx: FlowContext, screen: SettingsScreen, view: SettingsView): Screen {
  switch (screen) {
    case "language":
      return languageScreen(ctx, view);
    case "odds":
      return oddsScreen(ctx, view);
    case "reminders":
      return remindersScreen(ctx, view);
    default:
      return mainScreen(ctx, view);
  }
}
