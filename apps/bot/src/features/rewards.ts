// 🎁 Rewards: the list with progress, a card per reward (claim, edit, activate / deactivate,
// delete with confirmation), the rewards ready to claim, and the history of claims.
import { type Core, localDateTimeAt, type Reward } from "@habits/core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { addRewardId, editRewardId } from "../conversations/reward-form.js";
import { menuButton, menuData } from "../keyboards/main-menu.js";
import {
  backToRewardsButton,
  rewardCardKeyboard,
  rewardCardText,
  rewardData,
  rewardLabel,
  rewardListEntry,
  rewardsData,
} from "../keyboards/rewards.js";
import { dateLabel } from "../telegram/day-label.js";
import { escapeHtml } from "../telegram/html.js";
import { addPager, pagedTitle, pageNumber, pageOf } from "../telegram/paging.js";
import { show } from "../telegram/show.js";

/** Rewards per page of the list, so the message and its keyboard stay within Telegram's limits. */
const pageSize = 8;
/** Claims shown in the history, newest first. */
const historySize = 20;

export function createRewardsFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function showList(ctx: FlowContext, requested = 0): Promise<void> {
    const rewards = await core.rewards.list(ctx.account.id);
    const page = pageOf(rewards, requested, pageSize);
    const keyboard = new InlineKeyboard();
    for (const reward of page.items)
      keyboard.text(rewardLabel(reward), rewardData.pack({ reward: reward.id, action: "open" })).row();
    addPager(keyboard, page, (index) => rewardsData.pack({ action: `page-${index}` }));
    keyboard.text(ctx.t("rewards-button-add"), rewardsData.pack({ action: "add" }));
    if (rewards.length > 0) keyboard.text(ctx.t("rewards-button-history"), rewardsData.pack({ action: "history" }));
    keyboard.row().add(menuButton(ctx, "main", "button-back"));
    if (rewards.length === 0) return show(ctx, ctx.t("rewards-empty"), keyboard);
    const title = pagedTitle(ctx.t("rewards-title"), page);
    await show(ctx, [title, ...page.items.map((reward) => rewardListEntry(ctx, reward))].join("\n\n"), keyboard);
  }

  /** Leaves any flow the person was in (its button was tapped outside it), then starts this one. */
  async function enterFlow(ctx: BotContext, id: string, ...args: string[]): Promise<void> {
    await ctx.conversation.exitAll();
    // At the reward limit, say so at once rather than after every step (saving checks again).
    const full = id === addRewardId ? await core.rewards.limitReached(ctx.account.id) : undefined;
    if (full) return show(ctx, ctx.t("reward-limit-reached", { max: full.limit.max }));
    await ctx.conversation.enter(id, ...args);
  }

  async function showCard(ctx: FlowContext, reward: Reward): Promise<void> {
    await show(ctx, rewardCardText(ctx, reward), rewardCardKeyboard(ctx, reward));
  }

  /** The achieved rewards, each a button that claims it, a page at a time. */
  async function showClaimable(ctx: FlowContext, requested = 0): Promise<void> {
    const achieved = await core.rewards.list(ctx.account.id, { status: "achieved" });
    const page = pageOf(achieved, requested, pageSize);
    const keyboard = new InlineKeyboard();
    for (const reward of page.items)
      keyboard.text(rewardLabel(reward), rewardData.pack({ reward: reward.id, action: "claim" })).row();
    addPager(keyboard, page, (index) => rewardsData.pack({ action: `claim-page-${index}` }));
    keyboard.add(backToRewardsButton(ctx));
    const title = ctx.t(achieved.length > 0 ? "rewards-claim-title" : "rewards-claim-none");
    await show(ctx, pagedTitle(title, page), keyboard);
  }

  /** Which reward to edit: each a button that starts the edit flow, a page at a time. */
  async function showEditChoice(ctx: FlowContext, requested = 0): Promise<void> {
    const rewards = await core.rewards.list(ctx.account.id);
    const page = pageOf(rewards, requested, pageSize);
    const keyboard = new InlineKeyboard();
    for (const reward of page.items)
      keyboard.text(rewardLabel(reward), rewardData.pack({ reward: reward.id, action: "edit" })).row();
    addPager(keyboard, page, (index) => rewardsData.pack({ action: `edit-page-${index}` }));
    if (rewards.length === 0) keyboard.text(ctx.t("rewards-button-add"), rewardsData.pack({ action: "add" })).row();
    keyboard.add(backToRewardsButton(ctx));
    await show(ctx, pagedTitle(ctx.t(rewards.length > 0 ? "rewards-edit-choose" : "rewards-empty"), page), keyboard);
  }

  /** Claimed rewards, newest first, with the date (in the person's language) and time in their zone. */
  async function showHistory(ctx: FlowContext): Promise<void> {
    const claims = await core.rewards.claims(ctx.account.id);
    const keyboard = InlineKeyboard.from([[backToRewardsButton(ctx)]]);
    if (claims.length === 0) return show(ctx, ctx.t("rewards-history-empty"), keyboard);
    const lines = [ctx.t("rewards-history-title")];
    const { language, timezone } = ctx.account;
    for (const claim of claims.slice(0, historySize)) {
      const { date, time } = localDateTimeAt(claim.claimedAt, timezone);
      lines.push(
        ctx.t("rewards-history-line", { date: dateLabel(language, date), time, name: escapeHtml(claim.rewardName) }),
      );
    }
    if (claims.length > historySize) lines.push(ctx.t("rewards-history-more", { count: claims.length - historySize }));
    await show(ctx, lines.join("\n"), keyboard);
  }

  async function claim(ctx: FlowContext, reward: Reward): Promise<unknown> {
    const result = await core.rewards.claim(ctx.account.id, reward.id);
    if (!result.ok) {
      if (result.reason === "not_achieved") {
        const { piecesEarned: earned, piecesRequired: required } = result;
        return ctx.answerCallbackQuery(ctx.t("reward-not-achieved", { earned, required }));
      }
      return ctx.answerCallbackQuery(
        ctx.t(result.reason === "already_claimed" ? "reward-already-claimed" : "error-stale-button"),
      );
    }
    await ctx.answerCallbackQuery(ctx.t("reward-claimed-toast"));
    const claimed = result.value.reward;
    const name = escapeHtml(claimed.name);
    const lines = [ctx.t("reward-claimed", { name })];
    lines.push(
      claimed.isRecurring
        ? ctx.t("reward-claimed-recurring", { required: claimed.piecesRequired })
        : ctx.t("reward-claimed-once"),
    );
    const keyboard = InlineKeyboard.from([
      [InlineKeyboard.text(ctx.t("rewards-button-history"), rewardsData.pack({ action: "history" }))],
      [backToRewardsButton(ctx)],
    ]);
    await show(ctx, lines.join("\n"), keyboard);
  }

  async function setActive(ctx: FlowContext, reward: Reward, active: boolean): Promise<unknown> {
    const result = await core.rewards.update(ctx.account.id, reward.id, { active });
    if (!result.ok) {
      const keys: Record<string, string> = {
        name_taken: "reward-activate-name-taken",
        already_claimed: "reward-activate-claimed",
      };
      const key = keys[result.reason] ?? "error-stale-button";
      return ctx.answerCallbackQuery(ctx.t(key, { name: reward.name }));
    }
    await ctx.answerCallbackQuery(ctx.t(active ? "reward-activated" : "reward-deactivated"));
    await showCard(ctx, result.value);
  }

  /** Delete asks first; a reward holding unclaimed pieces asks a second time, then forces. */
  async function remove(ctx: FlowContext, reward: Reward, stage: "ask" | "confirmed" | "forced"): Promise<unknown> {
    const name = escapeHtml(reward.name);
    const confirm = (label: string, action: string) =>
      InlineKeyboard.from([
        [InlineKeyboard.text(ctx.t(label), rewardData.pack({ reward: reward.id, action }))],
        [InlineKeyboard.text(ctx.t("reward-button-keep"), rewardData.pack({ reward: reward.id, action: "open" }))],
      ]);
    if (stage === "ask") {
      await ctx.answerCallbackQuery();
      return show(ctx, ctx.t("reward-delete-confirm", { name }), confirm("reward-button-delete-yes", "delete-yes"));
    }
    const result = await core.rewards.delete(ctx.account.id, reward.id, { force: stage === "forced" });
    if (!result.ok) {
      if (result.reason === "not_found") return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
      await ctx.answerCallbackQuery();
      return show(
        ctx,
        ctx.t("reward-delete-has-pieces", { name, pieces: result.piecesEarned }),
        confirm("reward-button-delete-force", "delete-force"),
      );
    }
    await ctx.answerCallbackQuery();
    await show(ctx, ctx.t("reward-deleted", { name }), InlineKeyboard.from([[backToRewardsButton(ctx)]]));
  }

  feature.command(["rewards", "list_rewards", "my_rewards"], (ctx) => showList(ctx));
  feature.command("add_reward", (ctx) => enterFlow(ctx, addRewardId));
  feature.command("edit_reward", (ctx) => showEditChoice(ctx));
  feature.command("claim_reward", (ctx) => showClaimable(ctx));
  feature.command("claimed_rewards", showHistory);

  feature.callbackQuery(menuData.pack({ section: "rewards" }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx);
  });

  // add | history | page-N (the list) | edit-page-N | claim-page-N
  feature.callbackQuery(rewardsData.filter, async (ctx) => {
    const action = rewardsData.unpack(ctx.callbackQuery.data)?.action ?? "";
    const paged = /^(page|edit-page|claim-page)-(\d+)$/.exec(action);
    const page = pageNumber(paged?.[2]);
    if (action !== "add" && action !== "history" && page === undefined)
      return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    await ctx.answerCallbackQuery();
    if (action === "add") return enterFlow(ctx, addRewardId);
    if (action === "history") return showHistory(ctx);
    if (paged?.[1] === "edit-page") return showEditChoice(ctx, page);
    if (paged?.[1] === "claim-page") return showClaimable(ctx, page);
    return showList(ctx, page);
  });

  // Every reward button names its reward: one of another person's (forged data) is not found.
  feature.callbackQuery(rewardData.filter, async (ctx) => {
    const data = rewardData.unpack(ctx.callbackQuery.data);
    const reward = data && (await core.rewards.get(ctx.account.id, data.reward));
    if (!data || !reward) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    switch (data.action) {
      case "open":
        await ctx.answerCallbackQuery();
        return showCard(ctx, reward);
      case "claim":
        return claim(ctx, reward);
      case "edit":
        await ctx.answerCallbackQuery();
        return enterFlow(ctx, editRewardId, reward.id);
      case "on":
      case "off":
        return setActive(ctx, reward, data.action === "on");
      case "delete":
        return remove(ctx, reward, "ask");
      case "delete-yes":
        return remove(ctx, reward, "confirmed");
      case "delete-force":
        return remove(ctx, reward, "forced");
      default:
        return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    }
  });
  return feature;
}
