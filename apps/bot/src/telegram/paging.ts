// Long lists (habits, rewards, stats, streaks) shown a page at a time, so a message stays within
// Telegram's 4096 characters and its keyboard within its button limits: ◀️ ▶️ under the page and
// "(2/4)" after the title. The page number travels in the buttons' callback data.
import type { InlineKeyboard } from "grammy";

/** Items per page of a list. */
const listPageSize = 10;

export interface Page<T> {
  items: T[];
  /** 0-based, within the pages there are (a stale button's page past the end shows the last). */
  index: number;
  count: number;
}

export function pageOf<T>(items: readonly T[], requested: number, size = listPageSize): Page<T> {
  const count = Math.max(1, Math.ceil(items.length / size));
  const index = Math.min(Math.max(Math.trunc(requested) || 0, 0), count - 1);
  return { items: items.slice(index * size, (index + 1) * size), index, count };
}

/** The page an item at `position` of the whole list is on. */
export const pageIndexOf = (position: number, size = listPageSize) => Math.max(0, Math.floor(position / size));

/** Adds a row with ◀️ and ▶️ (only the ones that lead somewhere); nothing for a single page. */
export function addPager(
  keyboard: InlineKeyboard,
  page: Page<unknown>,
  data: (index: number) => string,
): InlineKeyboard {
  if (page.count <= 1) return keyboard;
  if (page.index > 0) keyboard.text("◀️", data(page.index - 1));
  if (page.index < page.count - 1) keyboard.text("▶️", data(page.index + 1));
  return keyboard.row();
}

/** "🧩 Your habits (2/4)" when there is more than one page (on the title's first line). */
export function pagedTitle(title: string, page: Page<unknown>): string {
  if (page.count <= 1) return title;
  const [first = "", ...rest] = title.split("\n");
  return [`${first} (${page.index + 1}/${page.count})`, ...rest].join("\n");
}

/** A page number from callback data ("0"–"9999"), or undefined for anything else. */
export function pageNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,4}$/.test(value) ? Number(value) : undefined;
}
