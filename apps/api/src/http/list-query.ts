// List query parameters every collection may take besides paging: `sort=name,-createdAt` (a comma
// list, `-` descending) and `fields=id,name` (field selection). An unknown or repeated field is a
// 400 validation_failed naming the parameter, like any other invalid query.
import type { z as Zod } from "zod";
import { z } from "../openapi/zod.js";

export interface SortKey<Field extends string> {
  field: Field;
  descending: boolean;
}

/** The comma list of a parameter; an empty one (`sort=`) names nothing. */
const names = (value: string) =>
  value
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);

/** The `sort` parameter over these fields: `name,-createdAt` → `[{ name }, { createdAt, descending }]`. */
export function sortParam<const Field extends string>(fields: readonly Field[]) {
  return z
    .string()
    .optional()
    .transform((value, context): SortKey<Field>[] => {
      const keys: SortKey<Field>[] = [];
      for (const name of value === undefined ? [] : names(value)) {
        const descending = name.startsWith("-");
        const field = (descending || name.startsWith("+") ? name.slice(1) : name) as Field;
        if (!fields.includes(field)) {
          context.addIssue({ code: "custom", message: `cannot sort by ${quote(field)}: use ${fields.join(", ")}` });
        } else if (keys.some((key) => key.field === field)) {
          context.addIssue({ code: "custom", message: `sorts by ${quote(field)} twice` });
        } else keys.push({ field, descending });
      }
      return keys;
    })
    .openapi({
      type: "string",
      description: `Comma list of ${fields.join(", ")}; \`-\` before a field sorts it descending`,
      example: `${fields[0]},-${fields[1] ?? fields[0]}`,
    });
}

/** The `fields` parameter over these fields: undefined when absent (every field). */
export function fieldsParam<const Field extends string>(fields: readonly Field[]) {
  return z
    .string()
    .optional()
    .transform((value, context): Field[] | undefined => {
      if (value === undefined) return undefined;
      const chosen: Field[] = [];
      for (const name of names(value) as Field[]) {
        if (!fields.includes(name)) {
          context.addIssue({
            code: "custom",
            message: `has no field ${quote(name)}: choose from ${fields.join(", ")}`,
          });
        } else if (!chosen.includes(name)) chosen.push(name);
      }
      if (names(value).length === 0) context.addIssue({ code: "custom", message: "names no field" });
      return chosen;
    })
    .openapi({
      type: "string",
      description: `Comma list of the fields each item carries (${fields.join(", ")}); all of them when absent`,
      example: fields.slice(0, 2).join(","),
    });
}

/** Field names are client input: shown short and quoted. */
const quote = (name: string) => JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);

/** How two values of a field compare, ascending. */
export type Comparator<Item> = (a: Item, b: Item) => number;

/** Text in a reader's order (case-insensitive); numbers and ISO instants by value. */
export function compareValues(a: string | number, b: string | number): number {
  if (typeof a === "string" && typeof b === "string") return a.localeCompare(b, "en", { sensitivity: "base" });
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The items in the order the keys give, then in the order they came in (a stable sort). Nulls
 * stay last in both directions: a comparator reports them through `isNull`.
 */
export function sortItems<Item, Field extends string>(
  items: readonly Item[],
  keys: readonly SortKey<Field>[],
  comparators: Record<Field, { compare: Comparator<Item>; isNull?: (item: Item) => boolean }>,
): Item[] {
  if (keys.length === 0) return [...items];
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const { compare, isNull } = comparators[key.field];
      const aNull = isNull?.(a) ?? false;
      const bNull = isNull?.(b) ?? false;
      if (aNull || bNull) {
        if (aNull && bNull) continue;
        return aNull ? 1 : -1;
      }
      const order = compare(a, b);
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  });
}

/** The item with only the chosen fields; the whole item when none were chosen. */
export function selectFields<Item extends object, Field extends keyof Item & string>(
  item: Item,
  fields: readonly Field[] | undefined,
): Partial<Item> {
  if (fields === undefined) return item;
  const picked: Partial<Item> = {};
  for (const field of fields) picked[field] = item[field];
  return picked;
}

/**
 * The schema of an item whose fields a client may select: every property optional, so an answer
 * with `fields=id,name` matches the document. A new object (not `.partial()` of a registered one).
 */
export function selectableSchema<Shape extends Record<string, Zod.ZodType>>(
  shape: Shape,
  name: string,
  description: string,
) {
  const optional = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()]));
  return z
    .strictObject(optional as { [Key in keyof Shape]: Zod.ZodOptional<Shape[Key]> })
    .openapi(name, { description });
}
