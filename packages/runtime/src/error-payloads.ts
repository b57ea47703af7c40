// Errors can carry the request that failed: grammY's GrammyError keeps the Bot API call's
// parameters as `payload` (the message text, its caption and buttons), and its BotError keeps the
// update's whole context as `ctx` (the message under a tapped button is the bot's own text). Such a
// text may hold a login code or a new API key. A logged error keeps its type, message, stack,
// method, error code and description, and loses those fields, wherever it sits in the logged object
// and in its causes.

/** Fields of an error that hold the request or update that failed, never written to a log. */
const requestFields = new Set<PropertyKey>(["payload", "ctx"]);

/** How deep into a logged object errors are looked for (logged objects are shallow). */
const maxDepth = 4;

/**
 * The logged object with every error in it replaced by a copy without its request fields. Nothing
 * is changed in place: what the caller logged is theirs; parts without errors are shared.
 */
export function withoutErrorPayloads(value: unknown, depth = 0, copies = new Map<Error, Error>()): unknown {
  if (value instanceof Error) return errorWithoutPayload(value, copies);
  if (depth >= maxDepth || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => withoutErrorPayloads(item, depth + 1, copies));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  // Only plain objects are walked (an HTTP request or a database client is passed through as is).
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, field] of Object.entries(value)) {
    const cleaned = withoutErrorPayloads(field, depth + 1, copies);
    if (cleaned === field) continue;
    copy ??= { ...(value as Record<string, unknown>) };
    copy[key] = cleaned;
  }
  return copy ?? value;
}

/** A copy of the error (same prototype, so its type still shows) without request fields, causes included. */
function errorWithoutPayload(error: Error, copies: Map<Error, Error>): Error {
  const known = copies.get(error);
  if (known) return known;
  const copy = Object.create(Object.getPrototypeOf(error)) as Error;
  copies.set(error, copy);
  for (const key of Reflect.ownKeys(error)) {
    if (requestFields.has(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (!descriptor) continue;
    // `cause`, HttpError's `error`, AggregateError's `errors`: errors inside are cleaned the same way.
    if ("value" in descriptor) descriptor.value = withoutErrorPayloads(descriptor.value, maxDepth - 1, copies);
    Object.defineProperty(copy, key, descriptor);
  }
  return copy;
}
