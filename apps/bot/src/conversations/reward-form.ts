// ➕ Add reward: name → weight → pieces required → recurring? → summary → save. ✏️ Edit reward: the
// same steps, each with Skip. Conversations, so they survive a restart; invalid input is explained
// and asked again; a command leaves the flow and runs as usual.
import type { Conversation } from "@grammyjs/conversations";
import {
  type Core,
  type FieldError,
  nameKey,
  type RewardInput,
  rewardLimits,
  singleLineName,
  validateReward,
} from "@habits/core";
import { InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { type RewardView, rewardCardKeyboard, rewardCardText, toRewardView } from "../keyboards/rewards.js";
import { callbackData } from "../telegram/callback-data.js";
import { escapeHtml } from "../telegram/html.js";
import { clearButtons, present, show } from "../telegram/show.js";

export const addRewardId = "add-reward";
export const editRewardId = "edit-reward";

type RewardConversation = Conversation<BotContext, FlowContext>;
type Step = "name" | "weight" | "pieces" | "recurring" | "summary";

// `rwf|<step>|<value>`: a button of one step (a tap on an earlier step's is out of date); step
// "flow" is the Cancel on every step.
const formData = callbackData("rwf", ["step", "value"]);
const weightChoices = [1, 2, 5];
const piecesChoices = [1, 3, 5, 10];

interface Draft {
  name: string;
  weight: number;
  piecesRequired: number;
  isRecurring: boolean;
}

type Answer = { ctx: FlowContext; text: string } | { ctx: FlowContext; button: string };
type Row = Array<[label: string, value: string]>;

/** What a save returns through `conversation.external`: plain JSON, replayed after a restart. */
type SaveOutcome =
  | { ok: true; reward: RewardView }
  | { ok: false; reason: "invalid"; errors: readonly FieldError[] }
  | { ok: false; reason: "name_taken" }
  | { ok: false; reason: "limit_reached"; max: number }
  | { ok: false; reason: "not_found" };

/**
 * Shows a question (editing the tapped message, or a new one after typed text) and waits for typed
 * text or a button of this step. Another screen's button or a command leaves the flow and works as
 * usual; Cancel leaves it; a button of an earlier step is out of date. Typed text takes the
 * question's buttons away, so only the newest question offers any (as in the habit flows).
 */
async function ask(
  conversation: RewardConversation,
  ctx: FlowContext,
  step: Step,
  html: string,
  rows: Row[],
  skippable: boolean,
): Promise<Answer> {
  const keyboard = new InlineKeyboard();
  for (const row of rows) {
    for (const [label, value] of row) keyboard.text(label, formData.pack({ step, value }));
    keyboard.row();
  }
  if (skippable) keyboard.text(ctx.t("reward-form-skip"), formData.pack({ step, value: "skip" }));
  keyboard.text(ctx.t("reward-form-cancel"), formData.pack({ step: "flow", value: "cancel" }));
  const prompt = await present(ctx, html, keyboard);
  for (;;) {
    const answer = await conversation.wait();
    const query = answer.callbackQuery;
    if (query) {
      const data = formData.unpack(query.data);
      if (!data) return conversation.halt({ next: true });
      if (data.step === "flow") {
        await answer.answerCallbackQuery();
        await show(answer, answer.t("reward-form-cancelled"));
        return conversation.halt();
      }
      if (data.step !== step) {
        await answer.answerCallbackQuery(answer.t("error-stale-button"));
        continue;
      }
      await answer.answerCallbackQuery();
      return { ctx: answer, button: data.value };
    }
    const message = answer.message;
    if (message?.text !== undefined) {
      if (message.entities?.some((entity) => entity.type === "bot_command" && entity.offset === 0))
        return conversation.halt({ next: true });
      await clearButtons(answer, prompt);
      return { ctx: answer, text: message.text };
    }
    if (message) {
      await answer.reply(answer.t("reward-form-text-only"));
      continue;
    }
    return conversation.skip({ next: true });
  }
}

/** Explains the first problem with a field, in the person's language. */
function explain(ctx: FlowContext, errors: readonly FieldError[]): string {
  const error = errors[0];
  switch (error?.field) {
    case "name":
      return error.code === "required"
        ? ctx.t("reward-invalid-name-required")
        : ctx.t("reward-invalid-name-too-long", { limit: rewardLimits.name });
    case "weight":
      return ctx.t("reward-invalid-weight", { max: rewardLimits.weight });
    case "piecesRequired":
      return ctx.t("reward-invalid-pieces", { max: rewardLimits.piecesRequired });
    default:
      return ctx.t("error-generic");
  }
}

/** The step whose field an error is about, to ask it again. */
function stepOf(errors: readonly FieldError[]): Step {
  const field = errors[0]?.field;
  return field === "weight" ? "weight" : field === "piecesRequired" ? "pieces" : "name";
}

/** "2", "2.5" or "2,5"; anything else is not a number (and the core's check says so). */
function parseNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d+(?:[.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(",", ".")) : Number.NaN;
}

/** The rules of one field, checked by the core on an otherwise valid reward. */
function fieldErrors(input: RewardInput, field: string): FieldError[] {
  const checked = validateReward({ name: "reward", ...input });
  return checked.ok ? [] : checked.errors.filter((error) => error.field === field);
}

/**
 * Walks the steps from the name to the summary; editing (`current`) shows each step's present value
 * and a Skip that keeps it. Returns the saved reward, or undefined when it is gone meanwhile.
 */
async function fillDraft(
  conversation: RewardConversation,
  start: FlowContext,
  draft: Draft,
  flow: {
    title: (ctx: FlowContext) => string;
    current?: RewardView;
    isNameTaken: (name: string) => Promise<boolean>;
    save: (draft: Draft) => Promise<SaveOutcome>;
  },
): Promise<{ ctx: FlowContext; reward: RewardView } | undefined> {
  const { current } = flow;
  const skippable = current !== undefined;
  let ctx = start;
  let step: Step = "name";
  // Once at the summary, a step asked again (a wrong value at save) leads straight back to it.
  let backToSummary = false;
  let problem: string | undefined;

  const question = (key: string, now: string | number) =>
    [problem, `${flow.title(ctx)}\n${ctx.t(key)}`, skippable ? ctx.t("reward-form-current", { value: now }) : undefined]
      .filter(Boolean)
      .join("\n\n");
  const numbers = (values: readonly number[]): Row[] => [values.map((value) => [String(value), String(value)])];
  const advance = (following: Step) => {
    problem = undefined;
    step = backToSummary ? "summary" : following;
  };

  for (;;) {
    switch (step) {
      case "name": {
        const html = question("reward-form-ask-name", escapeHtml(current?.name ?? ""));
        const answer = await ask(conversation, ctx, "name", html, [], skippable);
        ctx = answer.ctx;
        if ("button" in answer) {
          advance("weight");
          continue;
        }
        const errors = fieldErrors({ name: answer.text }, "name");
        const name = singleLineName(answer.text);
        if (errors.length > 0) problem = explain(ctx, errors);
        else if (await flow.isNameTaken(name)) problem = ctx.t("reward-form-name-taken", { name: escapeHtml(name) });
        else {
          draft.name = name;
          advance("weight");
        }
        continue;
      }
      case "weight": {
        const html = question("reward-form-ask-weight", current?.weight ?? "");
        const answer = await ask(conversation, ctx, "weight", html, numbers(weightChoices), skippable);
        ctx = answer.ctx;
        if ("button" in answer && answer.button === "skip") {
          advance("pieces");
          continue;
        }
        const weight = "button" in answer ? Number(answer.button) : parseNumber(answer.text);
        const errors = fieldErrors({ weight }, "weight");
        if (errors.length > 0) problem = explain(ctx, errors);
        else {
          draft.weight = weight;
          advance("pieces");
        }
        continue;
      }
      case "pieces": {
        const html = question("reward-form-ask-pieces", current?.piecesRequired ?? "");
        const answer = await ask(conversation, ctx, "pieces", html, numbers(piecesChoices), skippable);
        ctx = answer.ctx;
        if ("button" in answer && answer.button === "skip") {
          advance("recurring");
          continue;
        }
        const piecesRequired = "button" in answer ? Number(answer.button) : parseNumber(answer.text);
        const errors = fieldErrors({ piecesRequired }, "piecesRequired");
        if (errors.length > 0) problem = explain(ctx, errors);
        else {
          draft.piecesRequired = piecesRequired;
          advance("recurring");
        }
        continue;
      }
      case "recurring": {
        const html = question("reward-form-ask-recurring", recurringText(ctx, current?.isRecurring ?? true));
        const rows: Row[] = [
          [
            [ctx.t("reward-form-recurring-yes"), "yes"],
            [ctx.t("reward-form-recurring-no"), "no"],
          ],
        ];
        const answer = await ask(conversation, ctx, "recurring", html, rows, skippable);
        ctx = answer.ctx;
        if (!("button" in answer)) {
          problem = ctx.t("reward-form-tap-button");
          continue;
        }
        if (answer.button !== "skip") draft.isRecurring = answer.button === "yes";
        advance("summary");
        continue;
      }
      case "summary": {
        backToSummary = true;
        const summary = ctx.t("reward-form-summary", {
          name: escapeHtml(draft.name),
          weight: draft.weight,
          pieces: draft.piecesRequired,
          recurring: recurringText(ctx, draft.isRecurring),
        });
        const html = [problem, `${flow.title(ctx)}\n${summary}`].filter(Boolean).join("\n\n");
        const answer = await ask(conversation, ctx, "summary", html, [[[ctx.t("reward-form-save"), "save"]]], false);
        ctx = answer.ctx;
        problem = undefined;
        if (!("button" in answer)) {
          problem = ctx.t("reward-form-tap-button");
          continue;
        }
        const saved = await flow.save(draft);
        if (saved.ok) return { ctx, reward: saved.reward };
        if (saved.reason === "not_found") {
          await show(ctx, ctx.t("error-stale-button"));
          return undefined;
        }
        if (saved.reason === "limit_reached") {
          await show(ctx, ctx.t("reward-limit-reached", { max: saved.max }));
          return undefined;
        }
        if (saved.reason === "name_taken") {
          problem = ctx.t("reward-form-name-taken", { name: escapeHtml(draft.name) });
          step = "name";
        } else {
          problem = explain(ctx, saved.errors);
          step = stepOf(saved.errors);
        }
      }
    }
  }
}

const recurringText = (ctx: FlowContext, isRecurring: boolean) =>
  ctx.t(isRecurring ? "reward-form-recurring-yes" : "reward-form-recurring-no");

/** A save's result as plain JSON (no Dates) for the conversation's replay log. */
function plainOutcome(result: Awaited<ReturnType<Core["rewards"]["create"]>>): SaveOutcome {
  if (result.ok) return { ok: true, reward: toRewardView(result.value) };
  if (result.reason === "invalid") return { ok: false, reason: "invalid", errors: result.errors };
  if (result.reason === "limit_reached") return { ok: false, reason: "limit_reached", max: result.limit.max };
  // The form never turns a reward on, so "already_claimed" (reactivating a retired one) cannot come.
  return { ok: false, reason: result.reason === "already_claimed" ? "not_found" : result.reason };
}

/** True when another active reward of this person has this name (case-insensitively). */
function nameTakenCheck(conversation: RewardConversation, core: Core, userId: string, exceptId?: string) {
  return (name: string) =>
    conversation.external(async () => {
      const active = await core.rewards.list(userId, { active: true });
      return active.some((reward) => reward.id !== exceptId && nameKey(reward.name) === nameKey(name));
    });
}

async function showSaved(ctx: FlowContext, reward: RewardView): Promise<void> {
  await show(ctx, `${ctx.t("reward-form-saved")}\n\n${rewardCardText(ctx, reward)}`, rewardCardKeyboard(ctx, reward));
}

export function createAddReward(core: Core) {
  return async function addReward(conversation: RewardConversation, ctx: FlowContext) {
    const userId = ctx.account.id;
    const draft: Draft = { name: "", weight: 1, piecesRequired: 1, isRecurring: true };
    const saved = await fillDraft(conversation, ctx, draft, {
      title: (inner) => inner.t("reward-form-new-title"),
      isNameTaken: nameTakenCheck(conversation, core, userId),
      save: (fields) => conversation.external(async () => plainOutcome(await core.rewards.create(userId, fields))),
    });
    if (saved) await showSaved(saved.ctx, saved.reward);
  };
}

export function createEditReward(core: Core) {
  return async function editReward(conversation: RewardConversation, ctx: FlowContext, rewardId: string) {
    const userId = ctx.account.id;
    const current = await conversation.external(async () => {
      const reward = await core.rewards.get(userId, rewardId);
      return reward ? toRewardView(reward) : null;
    });
    if (!current) {
      await show(ctx, ctx.t("error-stale-button"));
      return;
    }
    const { name, weight, piecesRequired, isRecurring } = current;
    const saved = await fillDraft(
      conversation,
      ctx,
      { name, weight, piecesRequired, isRecurring },
      {
        title: (inner) => inner.t("reward-form-edit-title", { name: escapeHtml(current.name) }),
        current,
        // Only active rewards keep their names to themselves.
        isNameTaken: current.active ? nameTakenCheck(conversation, core, userId, rewardId) : async () => false,
        save: (fields) =>
          conversation.external(async () => {
            // Only what changed, so a skipped step never overwrites a change made meanwhile elsewhere.
            const changes: RewardInput = {};
            if (fields.name !== current.name) changes.name = fields.name;
            if (fields.weight !== current.weight) changes.weight = fields.weight;
            if (fields.piecesRequired !== current.piecesRequired) changes.piecesRequired = fields.piecesRequired;
            if (fields.isRecurring !== current.isRecurring) changes.isRecurring = fields.isRecurring;
            return plainOutcome(await core.rewards.update(userId, rewardId, changes));
          }),
      },
    );
    if (saved) await showSaved(saved.ctx, saved.reward);
  };
}
