// ⚙️ Settings → 📰 Summary: off, daily or weekly (Sundays), and a few times to pick from. Its own
// screen and buttons (`settings|summary|<open|mode>`, `settings|summary-time|HH:MM`), kept apart
// from the other settings screens.
import { type Core, type ProfileInput, summaryModes } from "@habits/core";
import { InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { show } from "../telegram/show.js";
import { type Screen, type SettingsView, settingsData, settingsViewOf } from "./settings-screens.js";

/** Times offered; any other HH:MM (set through the API) is shown, just not offered. */
const summaryTimePresets = ["08:00", "20:00", "21:00", "22:00"] as const;

const button = (label: string, action: string, value: string) =>
  InlineKeyboard.text(label, settingsData.pack({ action, value }));
const chosen = (ctx: FlowContext, label: string, isChosen: boolean) =>
  isChosen ? ctx.t("settings-chosen", { label }) : label;

function summaryScreen(ctx: FlowContext, view: SettingsView): Screen {
  const isOn = view.summaryMode !== "off";
  const text = [
    ctx.t("settings-summary-title"),
    "",
    ctx.t("settings-summary-line", { mode: view.summaryMode, time: view.summaryTime }),
    "",
    ctx.t("settings-summary-explain"),
    ...(isOn ? ["", ctx.t("settings-summary-time-ask", { zone: view.timezone })] : []),
  ].join("\n");
  const keyboard = new InlineKeyboard();
  for (const mode of summaryModes) {
    keyboard
      .add(button(chosen(ctx, ctx.t(`settings-summary-${mode}`), mode === view.summaryMode), "summary", mode))
      .row();
  }
  // A time only matters once a summary is on.
  if (isOn) {
    for (const time of summaryTimePresets) {
      const label = chosen(ctx, ctx.t("settings-summary-time", { time }), time === view.summaryTime);
      keyboard.add(button(label, "summary-time", time));
    }
    keyboard.row();
  }
  keyboard.add(button(ctx.t("button-back"), "open", "main"));
  return { text, keyboard };
}

/** The profile change a summary button asks for; undefined for "open" and for data not ours. */
function changeOf(action: string, value: string): ProfileInput | undefined {
  if (action === "summary" && (summaryModes as readonly string[]).includes(value)) {
    return { reminders: { summary: { mode: value } } };
  }
  if (action === "summary-time" && (summaryTimePresets as readonly string[]).includes(value)) {
    return { reminders: { summary: { time: value } } };
  }
  return undefined;
}

/** True for the summary screen's buttons, which `handleSummaryButton` answers. */
export const isSummaryAction = (action: string) => action === "summary" || action === "summary-time";

/** Opens the summary screen, or saves the mode or time a button chose and shows the screen again. */
export async function handleSummaryButton(core: Core, ctx: BotContext, action: string, value: string): Promise<void> {
  const render = (context: FlowContext) => {
    const { text, keyboard } = summaryScreen(context, settingsViewOf(context.account));
    return show(context, text, keyboard);
  };
  if (action === "summary" && value === "open") {
    await ctx.answerCallbackQuery();
    return render(ctx);
  }
  const input = changeOf(action, value);
  const updated = input && (await core.users.updateProfile(ctx.account.id, input));
  if (!updated?.ok) {
    await ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    return;
  }
  ctx.account = updated.value;
  await ctx.answerCallbackQuery(ctx.t("settings-saved"));
  await render(ctx);
}
