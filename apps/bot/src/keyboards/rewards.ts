// The rewards screens' building blocks, shared by the rewards feature and the reward conversations:
// callback data, the status of a reward as shown, its card and the card's buttons.
import { type Reward, rewardStatus } from "@habits/core";
import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../context.js";
import { callbackData } from "../telegram/callback-data.js";
import { escapeHtml } from "../telegram/html.js";
import { progressBar } from "../telegram/progress-bar.js";
import { menuButton } from "./main-menu.js";

/** A reward's buttons: open | claim | edit | on | off | delete | delete-yes | delete-force. */
export const rewardData = callbackData("rw", ["reward", "action"]);
/** The rewards list's buttons: add | history | page-N. */
export const rewardsData = callbackData("rws", ["action"]);

/** What the screens show of a reward: plain data, so a conversation can keep it across a restart. */
export type RewardView = Pick<
  Reward,
  "id" | "name" | "weight" | "piecesRequired" | "isRecurring" | "active" | "progress"
>;

export function toRewardView(reward: Reward): RewardView {
  const { id, name, weight, piecesRequired, isRecurring, active, progress } = reward;
  return { id, name, weight, piecesRequired, isRecurring, active, progress: { ...progress } };
}

type ShownStatus = "pending" | "achieved" | "claimed" | "inactive";

/** Claimed and achieved say the most; a paused reward that is neither shows as paused. */
function shownStatus(reward: RewardView): ShownStatus {
  const status = rewardStatus(reward);
  if (status !== "pending") return status;
  return reward.active ? "pending" : "inactive";
}

const statusIcon: Record<ShownStatus, string> = { pending: "🎁", achieved: "🏆", claimed: "✅", inactive: "⏸" };

/** The text of a button naming a reward (plain text: Telegram does not parse button labels). */
export const rewardLabel = (reward: RewardView) => `${statusIcon[shownStatus(reward)]} ${reward.name}`;

/** "▰▰▱▱ 2/4 · collecting" */
function progressLine(ctx: FlowContext, reward: RewardView): string {
  const earned = reward.progress.piecesEarned;
  return ctx.t("reward-progress", {
    bar: progressBar(earned, reward.piecesRequired),
    earned,
    required: reward.piecesRequired,
    status: ctx.t(`reward-status-${shownStatus(reward)}`),
  });
}

/** One reward in the list: its name, then its progress bar and status. */
export function rewardListEntry(ctx: FlowContext, reward: RewardView): string {
  return `${statusIcon[shownStatus(reward)]} <b>${escapeHtml(reward.name)}</b>\n    ${progressLine(ctx, reward)}`;
}

export function rewardCardText(ctx: FlowContext, reward: RewardView): string {
  return ctx.t("reward-card", {
    name: escapeHtml(reward.name),
    progress: progressLine(ctx, reward),
    weight: reward.weight,
    recurring: reward.isRecurring ? "yes" : "no",
    active: reward.active ? "yes" : "no",
    times: reward.progress.timesClaimed,
  });
}

export function rewardCardKeyboard(ctx: FlowContext, reward: RewardView): InlineKeyboard {
  const button = (label: string, action: string) =>
    InlineKeyboard.text(ctx.t(label), rewardData.pack({ reward: reward.id, action }));
  const keyboard = new InlineKeyboard();
  if (rewardStatus(reward) === "achieved") keyboard.add(button("reward-button-claim", "claim")).row();
  keyboard.add(button("reward-button-edit", "edit"));
  // A claimed one-time reward is retired: it cannot be made active again.
  const retired = !reward.isRecurring && reward.progress.claimed;
  if (reward.active) keyboard.add(button("reward-button-deactivate", "off"));
  else if (!retired) keyboard.add(button("reward-button-activate", "on"));
  keyboard.row().add(button("reward-button-delete", "delete"));
  return keyboard.row().add(backToRewardsButton(ctx));
}

export const backToRewardsButton = (ctx: FlowContext) => menuButton(ctx, "rewards", "button-back");
