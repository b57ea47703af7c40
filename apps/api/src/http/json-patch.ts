// JSON Patch (RFC 6902) over JSON Pointers (RFC 6901), and JSON Merge Patch (RFC 7396), on plain
// JSON values. Patches apply to a copy, all operations or none; the input is never changed.
//
// The work a patch can cause is bounded: at most 100 operations; no copy or move of a value into
// itself (a copy of the root into a new member doubles the document, and 20 of them fill the heap);
// and after every operation the document must still fit the request body limit (100 kB as JSON)
// and the nesting limit (32), so no operation ever works on more than a few hundred kB.
import { z } from "../openapi/zod.js";
import { bodyLimitBytes, maxJsonDepth, nestsDeeperThan } from "./input-limits.js";

export type PatchOperation =
  | { op: "add"; path: string; value?: unknown }
  | { op: "remove"; path: string }
  | { op: "replace"; path: string; value?: unknown }
  | { op: "move"; from: string; path: string }
  | { op: "copy"; from: string; path: string }
  | { op: "test"; path: string; value?: unknown };

/**
 * Why a patch did not apply: `invalid` (a malformed pointer, a missing value: the patch document is
 * wrong), `not_applicable` (a location that does not exist in this document), `test_failed`,
 * `into_itself` (a copy or move from the root or from an ancestor of its target), `too_large` and
 * `too_deep` (the document an operation made is past the bounds).
 */
type PatchFailure = {
  reason: "invalid" | "not_applicable" | "test_failed" | "into_itself" | "too_large" | "too_deep";
  /** The operation's index in the patch. */
  index: number;
  detail: string;
};

export type PatchOutcome = { ok: true; document: unknown } | ({ ok: false } & PatchFailure);

/** What a patched document must stay within, after every operation. */
export interface PatchBounds {
  /** The document as JSON, in UTF-8 bytes. */
  maxBytes: number;
  /** Objects and arrays nested (input-limits' measure). */
  maxDepth: number;
  maxOperations: number;
}

export const patchBounds: PatchBounds = { maxBytes: bodyLimitBytes, maxDepth: maxJsonDepth, maxOperations: 100 };

const pointer = z.string().openapi({ description: "JSON Pointer (RFC 6901)", example: "/name" });

/** A JSON Patch (RFC 6902) document: the operations, applied in order, all or none. */
export const jsonPatchSchema = z
  .array(
    z.discriminatedUnion("op", [
      z.strictObject({ op: z.literal("add"), path: pointer, value: z.unknown() }),
      z.strictObject({ op: z.literal("remove"), path: pointer }),
      z.strictObject({ op: z.literal("replace"), path: pointer, value: z.unknown() }),
      z.strictObject({ op: z.literal("move"), from: pointer, path: pointer }),
      z.strictObject({ op: z.literal("copy"), from: pointer, path: pointer }),
      z.strictObject({ op: z.literal("test"), path: pointer, value: z.unknown() }),
    ]),
  )
  .max(patchBounds.maxOperations)
  .openapi("JsonPatch", {
    description:
      `JSON Patch (RFC 6902), at most ${patchBounds.maxOperations} operations. No copy or move from the root or ` +
      `from an ancestor of its target (400 \`patch_into_itself\`); after every operation the document must stay ` +
      `within ${bodyLimitBytes / 1024} kB as JSON (413 \`payload_too_large\`) and ${maxJsonDepth} levels of ` +
      `nesting (400 \`nesting_too_deep\`).`,
  });

type Container = Record<string, unknown> | unknown[];

class Refusal extends Error {
  constructor(
    readonly reason: PatchFailure["reason"],
    detail: string,
  ) {
    super(detail);
  }
}

/** `/a/b~1c` → `["a", "b/c"]`; `""` is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Refusal("invalid", `${show(pointer)} is not a JSON Pointer: start it with /`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => {
      if (/~[^01]|~$/.test(token)) throw new Refusal("invalid", `${show(pointer)} has an escape other than ~0 or ~1`);
      return token.replaceAll("~1", "/").replaceAll("~0", "~");
    });
}

const isContainer = (value: unknown): value is Container => typeof value === "object" && value !== null;

/** An array index token: `0`, `12`, never `01` or `-1`; `-` (past the end) when `end` allows it. */
function arrayIndex(array: unknown[], token: string, pointer: string, mode: "existing" | "insert"): number {
  if (mode === "insert" && token === "-") return array.length;
  if (!/^(0|[1-9]\d*)$/.test(token))
    throw new Refusal("not_applicable", `${show(pointer)}: ${show(token)} is not an index`);
  const index = Number(token);
  const limit = mode === "insert" ? array.length : array.length - 1;
  if (index > limit) throw new Refusal("not_applicable", `${show(pointer)}: index ${index} is past the end`);
  return index;
}

/** The value at the tokens, or a refusal when there is none. */
function valueAt(document: unknown, tokens: readonly string[], pointer: string): unknown {
  let current = document;
  for (const token of tokens) {
    if (Array.isArray(current)) current = current[arrayIndex(current, token, pointer, "existing")];
    else if (isContainer(current) && Object.hasOwn(current, token))
      current = (current as Record<string, unknown>)[token];
    else throw new Refusal("not_applicable", `${show(pointer)} does not exist`);
  }
  return current;
}

/** The container the last token is in, and that token. */
function parentOf(document: unknown, tokens: readonly string[], pointer: string): [Container, string] {
  const parent = valueAt(document, tokens.slice(0, -1), pointer);
  if (!isContainer(parent))
    throw new Refusal("not_applicable", `${show(pointer)} is inside a value that is not an object or array`);
  return [parent, tokens.at(-1) as string];
}

/** Sets an own property, even one named `__proto__`, without touching any prototype. */
function setMember(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Adds at the pointer; answers the new document (a different one when the pointer is the root). */
function add(document: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const [parent, key] = parentOf(document, tokens, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, pointer, "insert"), 0, value);
  else setMember(parent, key, value);
  return document;
}

function remove(document: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) throw new Refusal("not_applicable", "The whole document cannot be removed");
  const [parent, key] = parentOf(document, tokens, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, pointer, "existing"), 1);
  else if (Object.hasOwn(parent, key)) delete parent[key];
  else throw new Refusal("not_applicable", `${show(pointer)} does not exist`);
  return document;
}

function replace(document: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  valueAt(document, tokens, pointer);
  const [parent, key] = parentOf(document, tokens, pointer);
  if (Array.isArray(parent)) parent[arrayIndex(parent, key, pointer, "existing")] = value;
  else setMember(parent, key, value);
  return document;
}

/** Equal as JSON values: same type, same members (objects in any order), same items in order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => jsonEqual(item, b[index]))
    );
  }
  if (!isContainer(a) || !isContainer(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && jsonEqual((a as Record<string, unknown>)[key], b[key as never]))
  );
}

function needValue(operation: { op: string; value?: unknown }): unknown {
  if (operation.value === undefined) throw new Refusal("invalid", `A ${operation.op} operation needs a value`);
  return operation.value;
}

/** Whether `from` is the root or an ancestor of `path` (as pointers): a copy there would hold itself. */
function isAncestor(from: string, path: string): boolean {
  const outer = parsePointer(from);
  const inner = parsePointer(path);
  return outer.length < inner.length && outer.every((token, index) => token === inner[index]);
}

/** A refusal when the document is past the bounds: nesting first (it is cheaper, and bounds stringify). */
function checkBounds(document: unknown, bounds: PatchBounds): void {
  if (nestsDeeperThan(document, bounds.maxDepth)) {
    throw new Refusal("too_deep", `the document would nest deeper than ${bounds.maxDepth} levels`);
  }
  if (Buffer.byteLength(JSON.stringify(document) ?? "") > bounds.maxBytes) {
    throw new Refusal("too_large", `the document would be larger than ${bounds.maxBytes / 1024} kB as JSON`);
  }
}

/**
 * Applies every operation in order to a copy of the document, or none of them. The document is
 * checked against the bounds after every operation, so no operation starts on a document past them.
 */
export function applyJsonPatch(
  document: unknown,
  operations: readonly PatchOperation[],
  bounds: PatchBounds = patchBounds,
): PatchOutcome {
  if (operations.length > bounds.maxOperations) {
    const detail = `a patch has at most ${bounds.maxOperations} operations`;
    return { ok: false, reason: "invalid", index: bounds.maxOperations, detail };
  }
  let current = structuredClone(document);
  for (const [index, operation] of operations.entries()) {
    try {
      if ((operation.op === "copy" || operation.op === "move") && isAncestor(operation.from, operation.path)) {
        throw new Refusal(
          "into_itself",
          `${show(operation.from)} cannot be ${operation.op === "copy" ? "copied" : "moved"} into ${show(operation.path)}, which is inside it`,
        );
      }
      switch (operation.op) {
        case "add":
          current = add(current, operation.path, structuredClone(needValue(operation)));
          break;
        case "remove":
          current = remove(current, operation.path);
          break;
        case "replace":
          current = replace(current, operation.path, structuredClone(needValue(operation)));
          break;
        case "move": {
          if (operation.path === operation.from) {
            valueAt(current, parsePointer(operation.from), operation.from);
            break;
          }
          const value = valueAt(current, parsePointer(operation.from), operation.from);
          current = add(remove(current, operation.from), operation.path, value);
          break;
        }
        case "copy": {
          const value = valueAt(current, parsePointer(operation.from), operation.from);
          current = add(current, operation.path, structuredClone(value));
          break;
        }
        case "test": {
          const expected = needValue(operation);
          let actual: unknown;
          try {
            actual = valueAt(current, parsePointer(operation.path), operation.path);
          } catch (error) {
            if (error instanceof Refusal && error.reason === "not_applicable") {
              throw new Refusal("test_failed", `${show(operation.path)} does not exist`);
            }
            throw error;
          }
          if (!jsonEqual(actual, expected)) {
            throw new Refusal("test_failed", `${show(operation.path)} is not the value the test expects`);
          }
          break;
        }
        default:
          throw new Refusal("invalid", `Unknown operation ${show((operation as { op: unknown }).op)}`);
      }
      checkBounds(current, bounds);
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, reason: error.reason, index, detail: error.message };
      throw error;
    }
  }
  return { ok: true, document: current };
}

/**
 * RFC 7396: an object merges member by member (`null` removes one); anything else replaces. The
 * result is held to the same bounds as a JSON Patch's (index 0: a merge patch is one operation).
 */
export function applyMergePatch(target: unknown, patch: unknown, bounds: PatchBounds = patchBounds): PatchOutcome {
  // The patch itself must be within the nesting bound before the merge recurses through it.
  if (nestsDeeperThan(patch, bounds.maxDepth)) {
    return { ok: false, reason: "too_deep", index: 0, detail: `the patch nests deeper than ${bounds.maxDepth} levels` };
  }
  const document = merge(target, patch);
  try {
    checkBounds(document, bounds);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, index: 0, detail: error.message };
    throw error;
  }
  return { ok: true, document };
}

function merge(target: unknown, patch: unknown): unknown {
  if (!isContainer(patch) || Array.isArray(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isContainer(target) && !Array.isArray(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else setMember(result, key, merge(Object.hasOwn(result, key) ? result[key] : undefined, value));
  }
  return result;
}

/** Client text in a message: quoted and short. */
function show(value: unknown): string {
  const text = typeof value === "string" ? value : String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
