// Turns what a user typed or an app sent into valid tag fields, or says exactly what is wrong.
import { fail, ok, type Result } from "../shared/result.js";
import { FieldErrors, type Invalid, singleLineName } from "../shared/validation.js";
import { type TagFields, tagLimits } from "./tag.js";

/** What create takes (a name, a color or none) and update merges over the current fields. */
export interface TagInput {
  name?: string;
  color?: string | null;
}

/** Validates a whole tag: `base` holds the current fields on update; a new tag has no color. */
export function validateTag(input: TagInput, base?: TagFields): Result<TagFields, Invalid> {
  const errors = new FieldErrors();
  const name = singleLineName(input.name ?? base?.name ?? "");
  errors.text("name", name, { max: tagLimits.name, required: true });
  const given = input.color === undefined ? (base?.color ?? null) : input.color;
  const color = given === null ? null : errors.color("color", given);
  if (!errors.isEmpty) return fail({ reason: "invalid", errors: errors.errors });
  return ok({ name, color });
}
