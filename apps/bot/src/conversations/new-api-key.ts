// 🔑 API access → ➕ New API key: the key's name, then the key, shown once in its own message.
// A conversation, so a restart while the name is awaited continues. The key is made in the last
// step and the flow ends with it, so it is never kept in the stored conversation state.
import type { Conversation } from "@grammyjs/conversations";
import { type ApiKeyScope, accessLimits, type Core, defaultApiKeyScopes } from "@habits/core";
import { InlineKeyboard } from "grammy";
import { forgetKeyboard } from "../access/api-access-screen.js";
import { apiButton } from "../access/api-buttons.js";
import type { BotContext, FlowContext } from "../context.js";
import { escapeHtml } from "../telegram/html.js";
import { replySecret } from "../telegram/send-secret.js";

export const newApiKeyId = "api-key-new";

/** Wrong answers before the flow gives up (a conversation must not wait forever on nonsense). */
const attempts = 5;

type Made =
  | { ok: true; key: string; name: string }
  | { ok: false; reason: "too_long" | "required" | "not_found" }
  | { ok: false; reason: "limit_reached"; max: number };

export function createNewApiKey(core: Core) {
  /** `scopes`: what the key may do, chosen by the button that started the flow. */
  return async function newApiKey(
    conversation: Conversation<BotContext, FlowContext>,
    ctx: FlowContext,
    scopes: readonly ApiKeyScope[] = defaultApiKeyScopes,
  ) {
    const cancel = InlineKeyboard.from([[apiButton(ctx.t("api-button-cancel"), "open")]]);
    await ctx.reply(ctx.t("api-key-ask-name", { limit: accessLimits.apiKeyNameMax }), {
      parse_mode: "HTML",
      reply_markup: cancel,
    });
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const answer = await conversation.wait();
      const text = answer.message?.text;
      // A button (Cancel included) or a command leaves this flow and is handled as usual.
      if (answer.callbackQuery || text?.startsWith("/")) await conversation.halt({ next: true });
      if (text === undefined) {
        await answer.reply(answer.t("api-key-ask-name", { limit: accessLimits.apiKeyNameMax }), {
          parse_mode: "HTML",
          reply_markup: cancel,
        });
        continue;
      }
      const made = await conversation.external(async (): Promise<Made> => {
        const result = await core.access.createApiKey(answer.account.id, text, scopes);
        if (result.ok) return { ok: true, key: result.value.key, name: result.value.apiKey.name };
        if (result.reason === "limit_reached") return { ok: false, reason: "limit_reached", max: result.limit.max };
        if (result.reason !== "invalid") return { ok: false, reason: result.reason };
        return { ok: false, reason: result.errors[0]?.code === "too_long" ? "too_long" : "required" };
      });
      if (made.ok) {
        // The way back opens the screen below the key, so the key stays readable until 🧹 removes it.
        await replySecret(answer, answer.t("api-key-made", { name: escapeHtml(made.name), key: made.key }), {
          parse_mode: "HTML",
          reply_markup: forgetKeyboard(answer)
            .row()
            .add(apiButton(answer.t("api-button-back-to-access"), "open-below")),
        });
        return;
      }
      if (made.reason === "limit_reached" || made.reason === "not_found") {
        const limit = made.reason === "limit_reached" ? made.max : accessLimits.maxApiKeys;
        await answer.reply(answer.t("api-key-too-many", { limit }), {
          reply_markup: InlineKeyboard.from([[apiButton(answer.t("api-button-back-to-access"), "open")]]),
        });
        return;
      }
      const problem = made.reason === "too_long" ? "api-key-name-too-long" : "api-key-name-empty";
      await answer.reply(answer.t(problem, { limit: accessLimits.apiKeyNameMax }), {
        parse_mode: "HTML",
        reply_markup: cancel,
      });
    }
    await ctx.reply(ctx.t("api-key-gave-up"), {
      reply_markup: InlineKeyboard.from([[apiButton(ctx.t("api-button-back-to-access"), "open")]]),
    });
  };
}
