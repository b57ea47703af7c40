// What any request input must be before a rule or a database sees it, checked in one place
// (parseInput) for every body, query string and path parameter:
// - JSON nested at most 32 deep. Recursive code (validation, hashing, cloning, a patch) would
//   otherwise overflow the stack on `[[[[…]]]]`, which a 100 kB body can nest 50,000 deep.
// - Text without NUL (PostgreSQL refuses it in text, SQLite cuts the text there) and without
//   unpaired surrogates (not encodable as UTF-8: the database driver refuses the query).
// Both walks are iterative, so the check itself cannot overflow.

/** The largest request body, and the largest document a patch may make (serialized, UTF-8). */
export const bodyLimitBytes = 100 * 1024;

/** The deepest nesting of objects and arrays any input, or patched document, may have. */
export const maxJsonDepth = 32;

const isContainer = (value: unknown): value is object => typeof value === "object" && value !== null;

/** Whether objects and arrays nest deeper than `limit` in the value (`{}` is 1, a scalar 0). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (!isContainer(item)) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(item)) if (isContainer(child)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Why a text is refused, as a field message. */
export type TextFault = "contains NUL (U+0000)" | "contains an unpaired surrogate (not valid Unicode)";

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textFault(text: string): TextFault | undefined {
  if (text.includes("\u0000")) return "contains NUL (U+0000)";
  if (unpairedSurrogate.test(text)) return "contains an unpaired surrogate (not valid Unicode)";
  return undefined;
}

/** A refused text: where it is (a field path) and why; a member name that is refused is named so. */
export interface BadText {
  path: string[];
  message: string;
}

/** Every refused text in the value (strings and member names), at most `limit` of them. */
export function findBadText(value: unknown, limit = 20): BadText[] {
  const found: BadText[] = [];
  const pending: Array<[unknown, string[]]> = [[value, []]];
  for (let next = pending.pop(); next && found.length < limit; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === "string") {
      const fault = textFault(item);
      if (fault) found.push({ path, message: fault });
    } else if (isContainer(item)) {
      for (const [key, child] of Object.entries(item)) {
        const keyFault = textFault(key);
        if (keyFault) found.push({ path, message: `has a member name that ${keyFault}` });
        else pending.push([child, [...path, key]]);
      }
    }
  }
  return found;
}
