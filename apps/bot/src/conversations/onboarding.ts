// First contact: welcome, then the time zone (preset buttons, a shared location, or a typed zone
// or city), then the main menu. A conversation, so it survives a restart.
import type { Conversation } from "@grammyjs/conversations";
import { type Core, localDateTimeAt } from "@habits/core";
import { InlineKeyboard, Keyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { newHabitData } from "../habits/habit-buttons.js";
import { createMainMenuKeyboard } from "../keyboards/main-menu.js";
import { escapeHtml, excerpt } from "../telegram/html.js";
import { presetZones, zoneFromLocation, zoneFromText, zoneLabel } from "../timezone/find-zone.js";

export const onboardingId = "onboarding";

function zoneKeyboard(ctx: FlowContext): Keyboard {
  const keyboard = new Keyboard().requestLocation(ctx.t("timezone-location-button")).row();
  presetZones.forEach((zone, index) => {
    keyboard.text(zone);
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard.resized().oneTime();
}

export function createOnboarding(core: Core) {
  return async function onboarding(conversation: Conversation<BotContext, FlowContext>, ctx: FlowContext) {
    const name = escapeHtml(ctx.from?.first_name ?? "");
    await ctx.reply(`${ctx.t("start-welcome", { name })}\n\n${ctx.t("start-ask-timezone")}`, {
      parse_mode: "HTML",
      reply_markup: zoneKeyboard(ctx),
    });
    // Anything but a zone (a command such as /start again, a sticker, a button of an older message)
    // gets the question again; a tapped button is answered, so its spinner stops.
    const askAgain = async (other: FlowContext) => {
      if (other.callbackQuery) await other.answerCallbackQuery();
      await other.reply(other.t("start-ask-timezone"), { parse_mode: "HTML", reply_markup: zoneKeyboard(other) });
    };
    for (;;) {
      const answer = await conversation.waitFor(["message:text", "message:location"], { otherwise: askAgain });
      const location = answer.message.location;
      const text = answer.message.text ?? "";
      const command = answer.message.entities?.some((entity) => entity.type === "bot_command" && entity.offset === 0);
      if (command && /^\/start(@\S+)?(\s|$)/.test(text)) {
        await askAgain(answer);
        continue;
      }
      if (command) {
        // Another command: it is done as asked; the zone waits for the next /start.
        await answer.reply(answer.t("start-zone-later"), {
          parse_mode: "HTML",
          reply_markup: { remove_keyboard: true },
        });
        await conversation.halt({ next: true });
      }
      const zone = location ? zoneFromLocation(location.latitude, location.longitude) : zoneFromText(text);
      if (!zone) {
        const problem = location
          ? answer.t("timezone-location-unknown")
          : answer.t("timezone-unknown", { input: escapeHtml(excerpt(text)) });
        await answer.reply(problem, { parse_mode: "HTML" });
        continue;
      }
      await conversation.external(() => core.users.updateProfile(answer.account.id, { timezone: zone }));
      const now = new Date(await conversation.now());
      await answer.reply(answer.t("timezone-set", { zone: zoneLabel(zone), time: localDateTimeAt(now, zone).time }), {
        parse_mode: "HTML",
        reply_markup: { remove_keyboard: true },
      });
      // The first habit is offered on top of the menu: one tap starts the new-habit flow.
      const keyboard = InlineKeyboard.from([
        [InlineKeyboard.text(answer.t("start-button-first-habit"), newHabitData)],
        ...createMainMenuKeyboard(answer).inline_keyboard,
      ]);
      await answer.reply(`${answer.t("start-ready")}\n\n${answer.t("menu-title")}`, {
        parse_mode: "HTML",
        reply_markup: keyboard,
      });
      return;
    }
  };
}
