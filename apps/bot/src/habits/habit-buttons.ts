// Callback data of the habits screen: `hab|<card|edit|archive|unarchive|delete|confirm-delete>|<id>`,
// `habs|<active|archived|new>` and `habp|<active|archived>|<page>` (a page of a list). Every handler looks the habit up among the person's own, so
// another person's id (a forged button) finds nothing and changes nothing.
import { callbackData } from "../telegram/callback-data.js";

export const habitData = callbackData("hab", ["action", "habit"]);
export const habitListData = callbackData("habs", ["view"]);
export const habitPageData = callbackData("habp", ["view", "page"]);
/** The "➕ New habit" button. */
export const newHabitData = habitListData.pack({ view: "new" });
