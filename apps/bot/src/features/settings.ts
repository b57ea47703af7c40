// ⚙️ Settings: language (the screen switches at once), time zone (a conversation), reward odds,
// reminders and quiet hours, the daily or weekly summary, API access, and the data export.
import { type Core, languages, type ProfileInput } from "@habits/core";
import { Composer, InputFile } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { changeTimezoneId } from "../conversations/change-timezone.js";
import { menuData } from "../keyboards/main-menu.js";
import { buildDataExport, exportFileContent } from "../settings/data-export.js";
import {
  oddsPresets,
  quietPresets,
  quietValue,
  type SettingsScreen,
  settingsData,
  settingsScreen,
  settingsScreens,
  settingsViewOf,
} from "../settings/settings-screens.js";
import { handleSummaryButton, isSummaryAction } from "../settings/summary-settings.js";
import { show } from "../telegram/show.js";

const exportFileName = "habits-export.json";

type Change = { input: ProfileInput; screen: SettingsScreen };

/** The profile change a settings button asks for, or undefined for data that is not one of ours. */
function changeOf(action: string, value: string): Change | undefined {
  switch (action) {
    case "language":
      return (languages as readonly string[]).includes(value)
        ? { input: { language: value }, screen: "main" }
        : undefined;
    case "odds": {
      const preset = oddsPresets.find((item) => String(item.weight) === value);
      return preset ? { input: { rewardOdds: { noRewardWeight: preset.weight } }, screen: "odds" } : undefined;
    }
    case "guarantee":
      return value === "on" || value === "off"
        ? { input: { rewardOdds: { guaranteeLastHabit: value === "on" } }, screen: "odds" }
        : undefined;
    case "reminders":
      return value === "on" || value === "off"
        ? { input: { reminders: { enabled: value === "on" } }, screen: "reminders" }
        : undefined;
    case "quiet": {
      if (value === "none") return { input: { reminders: { quietHours: null } }, screen: "reminders" };
      const preset = quietPresets.find((item) => quietValue(item) === value);
      return preset
        ? { input: { reminders: { quietHours: { start: preset.start, end: preset.end } } }, screen: "reminders" }
        : undefined;
    }
    default:
      return undefined;
  }
}

export function createSettingsFeature(core: Core): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  async function render(ctx: FlowContext, screen: SettingsScreen): Promise<void> {
    const { text, keyboard } = settingsScreen(ctx, screen, settingsViewOf(ctx.account));
    await show(ctx, text, keyboard);
  }

  async function sendExport(ctx: BotContext): Promise<void> {
    const data = await buildDataExport(core, ctx.account.id, new Date());
    if (!data) return;
    await ctx.replyWithDocument(new InputFile(exportFileContent(data), exportFileName), {
      caption: ctx.t("settings-export-caption"),
      parse_mode: "HTML",
    });
  }

  feature.command("settings", (ctx) => render(ctx, "main"));
  feature.callbackQuery(menuData.pack({ section: "settings" }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await render(ctx, "main");
  });

  feature.callbackQuery(settingsData.filter, async (ctx) => {
    const data = settingsData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    const { action, value } = data;
    if (action === "open" && (settingsScreens as readonly string[]).includes(value)) {
      await ctx.answerCallbackQuery();
      return render(ctx, value as SettingsScreen);
    }
    if (action === "zone") {
      await ctx.answerCallbackQuery();
      return ctx.conversation.enter(changeTimezoneId);
    }
    if (isSummaryAction(action)) return handleSummaryButton(core, ctx, action, value);
    if (action === "export") {
      await ctx.answerCallbackQuery(ctx.t("settings-export-sending"));
      return sendExport(ctx);
    }
    const change = changeOf(action, value);
    const updated = change && (await core.users.updateProfile(ctx.account.id, change.input));
    if (!change || !updated?.ok) return ctx.answerCallbackQuery(ctx.t("error-stale-button"));
    ctx.account = updated.value;
    // A new language speaks at once: this answer and the screen are already in it.
    if (change.input.language) await ctx.i18n.renegotiateLocale();
    await ctx.answerCallbackQuery(ctx.t("settings-saved"));
    await render(ctx, change.screen);
  });
  return feature;
}
