// Typed callback data: `prefix|value|value`, packed and checked in one place instead of split by
// hand in handlers. Telegram allows 64 bytes; ids are UUIDs (36), so two fields fit.

export interface CallbackData<Field extends string> {
  /** Matches this kind of button's data, for bot.callbackQuery(...). */
  filter: RegExp;
  pack(values: Record<Field, string | number>): string;
  /** The values, or undefined for data that is not of this kind (forged or from an old version). */
  unpack(data: string | undefined): Record<Field, string> | undefined;
}

export function callbackData<const Field extends string>(
  prefix: string,
  fields: readonly Field[],
): CallbackData<Field> {
  const filter = new RegExp(`^${prefix}\\|`);
  return {
    filter,
    pack(values) {
      const data = [prefix, ...fields.map((field) => String(values[field]))].join("|");
      if (new TextEncoder().encode(data).length > 64) throw new Error(`callback data over 64 bytes: ${prefix}`);
      return data;
    },
    unpack(data) {
      const parts = data?.split("|");
      if (!parts || parts[0] !== prefix || parts.length !== fields.length + 1) return undefined;
      const values = parts.slice(1);
      if (values.some((value) => value === "")) return undefined;
      return Object.fromEntries(fields.map((field, index) => [field, values[index] ?? ""])) as Record<Field, string>;
    },
  };
}
