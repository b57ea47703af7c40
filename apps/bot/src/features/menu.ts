import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { backToMenuKeyboard, createMainMenuKeyboard, menuData, type Section } from "../keyboards/main-menu.js";
import { show } from "../telegram/show.js";

// Every section has its own feature now; a section still to come goes here.
const comingSoon: Section[] = [];

/** The main menu, help, and the sections still to come. (Done today, Streaks, Habits and Rewards are their own features.) */
export function createMenuFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const tapped = (section: Section) => menuData.pack({ section });

  feature.command("menu", (ctx) => show(ctx, ctx.t("menu-title"), createMainMenuKeyboard(ctx)));
  feature.callbackQuery(tapped("main"), async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx, ctx.t("menu-title"), createMainMenuKeyboard(ctx));
  });

  feature.command("help", (ctx) => show(ctx, ctx.t("help-text"), backToMenuKeyboard(ctx)));
  feature.callbackQuery(tapped("help"), async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx, ctx.t("help-text"), backToMenuKeyboard(ctx));
  });

  feature.command(comingSoon, (ctx) => show(ctx, ctx.t("coming-soon"), backToMenuKeyboard(ctx)));
  feature.callbackQuery(comingSoon.map(tapped), async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx, ctx.t("coming-soon"), backToMenuKeyboard(ctx));
  });
  return feature;
}
