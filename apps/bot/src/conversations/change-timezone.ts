// ⚙️ Settings → time zone: preset buttons, a shared location, or a typed zone or city (as in the
// first contact), then back to the settings. A conversation, so it survives a restart.
import type { Conversation } from "@grammyjs/conversations";
import { type Core, localDateTimeAt } from "@habits/core";
import { Keyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { mainScreen, settingsViewOf } from "../settings/settings-screens.js";
import { escapeHtml, excerpt } from "../telegram/html.js";
import { presetZones, zoneFromLocation, zoneFromText, zoneLabel } from "../timezone/find-zone.js";

export const changeTimezoneId = "change-timezone";

/** Wrong answers before the flow gives up (a conversation must not wait forever on nonsense). */
const attempts = 5;

function zoneKeyboard(ctx: FlowContext): Keyboard {
  const keyboard = new Keyboard().requestLocation(ctx.t("timezone-location-button")).row();
  presetZones.forEach((zone, index) => {
    keyboard.text(zone);
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(ctx.t("settings-timezone-keep")).resized().oneTime();
}

export function createChangeTimezone(core: Core) {
  return async function changeTimezone(conversation: Conversation<BotContext, FlowContext>, ctx: FlowContext) {
    await ctx.reply(ctx.t("settings-timezone-ask", { zone: zoneLabel(ctx.account.timezone) }), {
      parse_mode: "HTML",
      reply_markup: zoneKeyboard(ctx),
    });
    let latest = ctx;
    let finished = false;
    for (let attempt = 1; attempt <= attempts && !finished; attempt++) {
      const answer = await conversation.wait();
      latest = answer;
      const text = answer.message?.text;
      // Another command or a button elsewhere: leave this flow (and its keyboard) and let it be handled as usual.
      if (answer.callbackQuery || text?.startsWith("/")) {
        await answer.reply(answer.t("settings-timezone-kept"), { reply_markup: { remove_keyboard: true } });
        await conversation.halt({ next: true });
      }
      finished = await handleAnswer(conversation, core, answer);
    }
    if (!finished) {
      await latest.reply(latest.t("settings-timezone-gave-up"), { reply_markup: { remove_keyboard: true } });
    }
    // The settings as they are now, as a new message under the flow's.
    const view = await conversation.external(async () => {
      const user = await core.users.get(ctx.account.id);
      return settingsViewOf(user ?? ctx.account);
    });
    const screen = mainScreen(latest, view);
    await latest.reply(screen.text, { parse_mode: "HTML", reply_markup: screen.keyboard });
  };
}

/** One answer: a zone (saved), "keep", or something to ask again about. True when the flow is done. */
async function handleAnswer(
  conversation: Conversation<BotContext, FlowContext>,
  core: Core,
  answer: FlowContext,
): Promise<boolean> {
  const text = answer.message?.text;
  const location = answer.message?.location;
  if (text === answer.t("settings-timezone-keep")) {
    await answer.reply(answer.t("settings-timezone-kept"), { reply_markup: { remove_keyboard: true } });
    return true;
  }
  const zone = location ? zoneFromLocation(location.latitude, location.longitude) : zoneFromText(text ?? "");
  if (!zone) {
    const retry =
      text === undefined && !location
        ? answer.t("settings-timezone-ask", { zone: zoneLabel(answer.account.timezone) })
        : location
          ? answer.t("timezone-location-unknown")
          : answer.t("timezone-unknown", { input: escapeHtml(excerpt(text ?? "")) });
    await answer.reply(retry, { parse_mode: "HTML" });
    return false;
  }
  await conversation.external(async () => {
    await core.users.updateProfile(answer.account.id, { timezone: zone });
  });
  const now = new Date(await conversation.now());
  await answer.reply(answer.t("timezone-set", { zone: zoneLabel(zone), time: localDateTimeAt(now, zone).time }), {
    parse_mode: "HTML",
    reply_markup: { remove_keyboard: true },
  });
  return true;
}
