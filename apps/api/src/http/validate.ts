// Request input through zod: parsed once, and a failure is one 400 problem whose `errors` maps each
// field path to a message.
import type { z } from "zod";
import { type Problem, ProblemError, problem } from "./problem.js";

export type InputLocation = "body" | "query" | "params";

/** Parses `value` or throws a validation_failed problem. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  location: InputLocation,
): z.output<Schema> {
  const result = schema.safeParse(value, {
    error: (issue) => (issue.input === undefined && issue.code === "invalid_type" ? "is required" : undefined),
  });
  if (result.success) return result.data;
  throw new ProblemError(validationProblem(result.error, location));
}

function validationProblem(error: z.ZodError, location: InputLocation): Problem {
  return problem(
    "validation_failed",
    `The request ${location === "body" ? "body" : location} is not valid: see errors.`,
    {
      errors: issueMessages(error, location),
    },
  );
}

/** `reminders.quietHours.start` → message; an issue on the whole input is keyed by its location. */
function issueMessages(error: z.ZodError, location: InputLocation): Record<string, string> {
  const messages: Record<string, string> = {};
  const add = (path: PropertyKey[], message: string) => {
    const key = path.length > 0 ? path.map(String).join(".") : location;
    if (messages[key]?.includes(message)) return;
    messages[key] = messages[key] ? `${messages[key]}; ${message}` : message;
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key], "is not a known field");
    } else {
      add(issue.path, issue.message);
    }
  }
  return messages;
}
