// Callback data of the habits screen: `hab|<card|edit|archive|unarchive|delete|confirm-delete>|<id>`
// and `habs|<active|archived|new>`. Every handler looks the habit up among the person's own, so
// another person's id (a forged button) finds nothing and changes nothing.
import { callbackData } from "../telegram/callback-data.js";

export const habitData = callbackData("hab", ["action", "habit"]);
export const habitListData = callbackData("habs", ["view"]);
/** The "➕ New habit" button. */
export const newHabitData = habitListData.pack({ view: "new" });
