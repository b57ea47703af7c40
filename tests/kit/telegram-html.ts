// Telegram's HTML parse mode, as the client shows it: checking what Telegram would refuse, and the
// plain text a person reads.

// The tags Telegram accepts (https://core.telegram.org/bots/api#html-style).
const allowedTags = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);
const namedEntities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Telegram's "can't parse entities" error for text it would refuse, or undefined when it is valid. */
export function htmlError(html: string): string | undefined {
  const open: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*>/y;
  for (let index = 0; index < html.length; index++) {
    const char = html[index];
    if (char === "<") {
      tag.lastIndex = index;
      const match = tag.exec(html);
      if (!match) return `Unsupported start tag at byte offset ${index}`;
      const [whole, closing, rawName] = match;
      const name = (rawName ?? "").toLowerCase();
      if (!allowedTags.has(name)) return `Unsupported start tag "${name}" at byte offset ${index}`;
      if (closing) {
        if (open.pop() !== name) return `Unexpected end tag at byte offset ${index}`;
      } else {
        open.push(name);
      }
      index += whole.length - 1;
    } else if (char === "&") {
      const entity = /^&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/.exec(html.slice(index));
      const body = entity?.[1];
      if (body && !body.startsWith("#") && !(body in namedEntities)) {
        return `Unsupported HTML entity "&${body};" at byte offset ${index}`;
      }
    }
  }
  if (open.length > 0) return `Can't find end tag corresponding to start tag "${open.at(-1)}"`;
  return undefined;
}

/** The text a person reads: tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return namedEntities[body] ?? whole;
  });
}
