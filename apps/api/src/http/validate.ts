// Request input through zod: parsed once, and a failure is one 400 problem whose `errors` maps each
// field path to a message. Input is first held to the limits every input has (input-limits.ts).
import type { z } from "zod";
import { findBadText, maxJsonDepth, nestsDeeperThan } from "./input-limits.js";
import { type Problem, ProblemError, problem } from "./problem.js";

export type InputLocation = "body" | "query" | "params";

/** The most fields one `errors` map names, and messages one field gets: hostile input gets a short answer. */
const maxErrorFields = 50;
const maxMessagesPerField = 5;

/** Parses `value` or throws a nesting_too_deep or validation_failed problem. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  location: InputLocation,
): z.output<Schema> {
  refuseUnsafeInput(value, location);
  const result = schema.safeParse(value, {
    error: (issue) => (issue.input === undefined && issue.code === "invalid_type" ? "is required" : undefined),
  });
  if (result.success) return result.data;
  throw new ProblemError(validationProblem(issueMessages(result.error, location), location));
}

/** Nesting past the limit, then NUL or unpaired surrogates in any text or member name. */
function refuseUnsafeInput(value: unknown, location: InputLocation): void {
  if (nestsDeeperThan(value, maxJsonDepth)) {
    throw new ProblemError(
      problem(
        "nesting_too_deep",
        `The request ${location} nests objects or arrays deeper than ${maxJsonDepth} levels.`,
      ),
    );
  }
  const messages = new FieldMessages(location);
  for (const bad of findBadText(value)) messages.add(bad.path, bad.message);
  if (messages.size > 0) throw new ProblemError(validationProblem(messages, location));
}

function validationProblem(messages: FieldMessages, location: InputLocation): Problem {
  const more =
    messages.dropped > 0 ? ` (the first ${maxErrorFields} fields of ${maxErrorFields + messages.dropped})` : "";
  return problem(
    "validation_failed",
    `The request ${location === "body" ? "body" : location} is not valid: see errors${more}.`,
    { errors: messages.toObject() },
  );
}

/**
 * Field path → message. The paths come from the client (unknown member names), so they are kept
 * in a Map: a field named `constructor` or `__proto__` is a key like any other, never a prototype's.
 */
class FieldMessages {
  readonly #messages = new Map<string, string>();
  readonly #dropped = new Set<string>();

  constructor(readonly location: InputLocation) {}

  get size(): number {
    return this.#messages.size;
  }

  /** Fields past the first `maxErrorFields`, left out of the answer. */
  get dropped(): number {
    return this.#dropped.size;
  }

  /** `reminders.quietHours.start` → message; an issue on the whole input is keyed by its location. */
  add(path: readonly PropertyKey[], message: string): void {
    const key = path.length > 0 ? path.map(String).join(".") : this.location;
    const known = this.#messages.get(key);
    if (known === undefined) {
      if (this.#messages.size >= maxErrorFields) this.#dropped.add(key);
      else this.#messages.set(key, message);
    } else {
      const said = known.split("; ");
      if (said.length < maxMessagesPerField && !said.includes(message)) this.#messages.set(key, `${known}; ${message}`);
    }
  }

  /** An object with each path as an own member (`__proto__` included), for the problem body. */
  toObject(): Record<string, string> {
    return Object.fromEntries(this.#messages);
  }
}

function issueMessages(error: z.ZodError, location: InputLocation): FieldMessages {
  const messages = new FieldMessages(location);
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) messages.add([...issue.path, key], "is not a known field");
    } else {
      messages.add(issue.path, issue.message);
    }
  }
  return messages;
}

/**
 * The problem for a path whose parameter the router could not decode (`/habits/%ZZ`: a
 * percent-escape that is not one), or undefined for any other error.
 */
export function pathDecodingProblem(error: unknown): Problem | undefined {
  // The router marks its own decoding failure 400; any other URIError is a fault of ours.
  if (!(error instanceof URIError && "status" in error && error.status === 400)) return undefined;
  return problem("validation_failed", "The request path is not valid: see errors.", {
    errors: { params: "has a malformed percent-escape (% must be followed by two hex digits of UTF-8)" },
  });
}
