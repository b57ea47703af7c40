import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../context.js";
import { callbackData } from "../telegram/callback-data.js";

const sections = ["main", "done", "habits", "rewards", "streaks", "stats", "settings", "help"] as const;
export type Section = (typeof sections)[number];

export const menuData = callbackData("menu", ["section"]);

export const menuButton = (ctx: FlowContext, section: Section, label = `menu-${section}`) =>
  InlineKeyboard.text(ctx.t(label), menuData.pack({ section }));

export function createMainMenuKeyboard(ctx: FlowContext): InlineKeyboard {
  return InlineKeyboard.from([
    [menuButton(ctx, "done")],
    [menuButton(ctx, "habits"), menuButton(ctx, "rewards")],
    [menuButton(ctx, "streaks"), menuButton(ctx, "stats")],
    [menuButton(ctx, "settings"), menuButton(ctx, "help")],
  ]);
}

/** A keyboard with one button back to the main menu. */
export const backToMenuKeyboard = (ctx: FlowContext) => InlineKeyboard.from([[menuButton(ctx, "main", "button-back")]]);
