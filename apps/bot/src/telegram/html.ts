/** Escapes text for Telegram's HTML parse mode: every piece of user input goes through it. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The start of what someone typed, for quoting it back: whole characters, so no emoji is cut in half. */
export function excerpt(text: string, length = 64): string {
  return Array.from(text).slice(0, length).join("");
}
