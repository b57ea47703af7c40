import type { LocalTime } from "../time/local-time.js";

export const languages = ["en", "ru", "kk"] as const;
export type Language = (typeof languages)[number];

export interface TelegramIdentity {
  id: number;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
}

export interface RewardOdds {
  /** The weight of "no reward" against a completion's totalWeight. */
  noRewardWeight: number;
  /** At least this chance always stays "no reward" (0.1 = 10 %). */
  minNoRewardChance: number;
  /** Completing the last habit due today wins a reward when any is eligible. */
  guaranteeLastHabit: boolean;
}

export const summaryModes = ["off", "daily", "weekly"] as const;
export type SummaryMode = (typeof summaryModes)[number];

/** The optional summary: its own switch, independent of habit reminders and their quiet hours. */
export interface SummarySettings {
  mode: SummaryMode;
  /** Local time it is sent at (weekly: on Sundays). */
  time: LocalTime;
}

export const defaultSummary: SummarySettings = { mode: "off", time: "21:00" };

export interface ReminderSettings {
  enabled: boolean;
  /** No reminders from start to end (local times; may wrap midnight). */
  quietHours: { start: LocalTime; end: LocalTime } | null;
  summary: SummarySettings;
}

export interface User {
  id: string;
  username: string | null;
  email: string | null;
  name: string | null;
  telegram: TelegramIdentity | null;
  language: Language;
  timezone: string;
  /** When the zone was last set; null while it was never chosen (the bot asks for it on /start). */
  timezoneChosenAt: Date | null;
  rewardOdds: RewardOdds;
  reminders: ReminderSettings;
  hasPassword: boolean;
  /** Telegram refused messages (the user blocked the bot); nothing is sent until they return. */
  telegramBlockedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const defaultRewardOdds: RewardOdds = { noRewardWeight: 10, minNoRewardChance: 0.1, guaranteeLastHabit: true };
