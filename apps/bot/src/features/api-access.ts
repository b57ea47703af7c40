// 🔑 API access (from ⚙️ Settings): a one-time login code, new API keys (a conversation asks the
// name), revoking a key after a confirmation. Codes and keys are shown in their own message, with
// a button that deletes it once the person has copied it.
import { accessLimits, type Core, defaultApiKeyScopes, localDateTimeAt } from "@habits/core";
import { Composer } from "grammy";
import { apiAccessScreen, forgetKeyboard, revokeConfirmation } from "../access/api-access-screen.js";
import { apiData } from "../access/api-buttons.js";
import type { BotContext, FlowContext } from "../context.js";
import { newApiKeyId } from "../conversations/new-api-key.js";
import { replySecret } from "../telegram/send-secret.js";
import { show } from "../telegram/show.js";

export function createApiAccessFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** The screen in place of the tapped message, or (`below`) as a new message under it. */
  async function render(ctx: FlowContext, below = false): Promise<void> {
    const { text, keyboard } = apiAccessScreen(ctx, await core.access.listApiKeys(ctx.account.id));
    if (below) await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
    else await show(ctx, text, keyboard);
  }

  async function sendLoginCode(ctx: BotContext): Promise<unknown> {
    const issued = await core.access.issueLoginCode(ctx.account.id);
    if (!issued.ok) {
      if (issued.reason !== "too_many_codes") return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
      const { time } = localDateTimeAt(issued.retryAt, ctx.account.timezone);
      return ctx.answerCallbackQuery({
        text: ctx.t("api-code-limit", { time, limit: accessLimits.loginCodesPerHour }),
        show_alert: true,
      });
    }
    await ctx.answerCallbackQuery();
    const minutes = accessLimits.loginCodeTtlMinutes;
    return replySecret(ctx, ctx.t("api-code", { code: issued.value.code, minutes }), {
      parse_mode: "HTML",
      reply_markup: forgetKeyboard(ctx),
    });
  }

  feature.command("api", (ctx) => render(ctx));

  feature.callbackQuery(apiData.filter, async (ctx) => {
    const data = apiData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    const userId = ctx.account.id;
    switch (data.action) {
      case "open":
      case "open-below":
        await ctx.answerCallbackQuery();
        return render(ctx, data.action === "open-below");
      case "code":
        return sendLoginCode(ctx);
      case "new-key":
        await ctx.answerCallbackQuery();
        await ctx.conversation.exitAll();
        return ctx.conversation.enter(newApiKeyId, data.value === "read" ? ["read"] : defaultApiKeyScopes);
      case "revoke": {
        const key = (await core.access.listApiKeys(userId)).find((item) => item.id === data.value);
        if (!key) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
        await ctx.answerCallbackQuery();
        const { text, keyboard } = revokeConfirmation(ctx, key);
        return show(ctx, text, keyboard);
      }
      case "revoke-yes": {
        const revoked = await core.access.revokeApiKey(userId, data.value);
        if (!revoked.ok) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
        await ctx.answerCallbackQuery(ctx.t("api-revoked-toast"));
        return render(ctx);
      }
      case "forget":
        await ctx.answerCallbackQuery();
        // Telegram lets a bot delete its messages for 48 hours; after that the text stays.
        return ctx
          .deleteMessage()
          .catch(() => ctx.editMessageText(ctx.t("api-forgotten")))
          .catch(() => undefined);
      default:
        return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    }
  });
  return feature;
}
