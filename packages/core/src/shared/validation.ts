/**
 * One invalid field: where (`name`, `reminders.2.time`), what is wrong (a stable code the front
 * ends translate), and the limits involved. No English here: the bot speaks three languages.
 */
export interface FieldError {
  field: string;
  code:
    | "required"
    | "too_short"
    | "too_long"
    | "too_small"
    | "too_large"
    | "not_integer"
    | "invalid_format"
    | "invalid_choice"
    | "duplicate"
    | "before_start"
    | "not_allowed";
  limit?: number | string;
  /** What a length `limit` counts: characters unless it says bytes (UTF-8), as a password's does. */
  unit?: "bytes";
  allowed?: readonly (string | number)[];
}

export interface Invalid {
  reason: "invalid";
  errors: readonly FieldError[];
}

/** Collects field errors while a value is checked. */
export class FieldErrors {
  readonly errors: FieldError[] = [];

  add(error: FieldError): void {
    this.errors.push(error);
  }

  text(
    field: string,
    value: string | null | undefined,
    limits: { min?: number; max: number; required?: boolean },
  ): void {
    if (value === undefined || value === null || value === "") {
      if (limits.required) this.add({ field, code: "required" });
      return;
    }
    if (limits.min !== undefined && value.length < limits.min)
      this.add({ field, code: "too_short", limit: limits.min });
    if ([...value].length > limits.max) this.add({ field, code: "too_long", limit: limits.max });
  }

  integer(field: string, value: number, limits: { min: number; max?: number }): void {
    if (!Number.isInteger(value)) {
      this.add({ field, code: "not_integer" });
      return;
    }
    if (value < limits.min) this.add({ field, code: "too_small", limit: limits.min });
    if (limits.max !== undefined && value > limits.max) this.add({ field, code: "too_large", limit: limits.max });
  }

  number(field: string, value: number, limits: { greaterThan?: number; min?: number; max?: number }): void {
    if (!Number.isFinite(value)) {
      this.add({ field, code: "invalid_format" });
      return;
    }
    if (limits.greaterThan !== undefined && value <= limits.greaterThan) {
      this.add({ field, code: "too_small", limit: limits.greaterThan });
    }
    if (limits.min !== undefined && value < limits.min) this.add({ field, code: "too_small", limit: limits.min });
    if (limits.max !== undefined && value > limits.max) this.add({ field, code: "too_large", limit: limits.max });
  }

  /** A `#RRGGBB` color, upper-cased so that one color has one spelling; an error when it is not one. */
  color(field: string, value: string): string {
    const color = value.toUpperCase();
    if (!/^#[0-9A-F]{6}$/.test(color)) this.add({ field, code: "invalid_format", limit: "#RRGGBB" });
    return color;
  }

  choice<T extends string | number>(field: string, value: T, allowed: readonly T[]): void {
    if (!allowed.includes(value)) this.add({ field, code: "invalid_choice", allowed });
  }

  get isEmpty(): boolean {
    return this.errors.length === 0;
  }
}

// Characters that show nothing: zero-width spaces, the word joiner and other invisible operators,
// the BOM, bidi controls, the soft hyphen, and blank "letters" (Hangul fillers, the blank braille
// pattern) that render as empty space. Inside a name they would make two equal-looking names
// differ; a name of only them would be an invisible button.
const invisible =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each one is matched on its own, on purpose.
  /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2800\u3164\uFEFF\uFFA0]/gu;
// Joiners and variation selectors build emoji (👨‍👩‍👧, ❤️) and some scripts (the non-joiner of
// Persian): kept, but they show nothing alone.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each one is matched on its own, on purpose.
const emojiGlue = /[\u200C\u200D\uFE00-\uFE0F]/gu;

/**
 * A one-line name as people meant it: invisible characters removed, line breaks and runs of
 * whitespace made one space, the ends trimmed; a name with nothing visible left is empty.
 */
export function singleLineName(value: string): string {
  const cleaned = value.replace(invisible, "").replace(/\s+/gu, " ").trim();
  return cleaned.replace(emojiGlue, "").trim() === "" ? "" : cleaned;
}
