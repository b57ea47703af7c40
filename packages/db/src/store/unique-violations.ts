// The one place that turns the database's unique violations (Prisma P2002) into the port's
// UniqueViolation. The driver adapters name the refusing index in one of three ways:
// - SQLite: bare column names in `constraint.fields` (["userId", "activeNameKey"]) and the table
//   in the message ("UNIQUE constraint failed: Habit.userId, Habit.activeNameKey");
// - PostgreSQL: quoted column names (['"userId"', '"activeNameKey"']) and the index name in the
//   message ('unique constraint "Habit_userId_activeNameKey_key"');
// - PostgreSQL, sometimes: the index name in `constraint.index`.
// Columns alone are ambiguous (Habit and Reward both have userId + activeNameKey), so the table
// or index name decides, and Prisma's `meta.modelName` when neither is known.
import { type UniqueRule, UniqueViolation } from "@habits/core";

interface UniqueIndex {
  model: string;
  fields: readonly string[];
  rule: UniqueRule;
}

/** The unique indexes of prisma/schema.prisma that the ports report. */
const uniqueIndexes: readonly UniqueIndex[] = [
  { model: "User", fields: ["usernameKey"], rule: "user_username" },
  { model: "User", fields: ["emailKey"], rule: "user_email" },
  { model: "User", fields: ["telegramId"], rule: "user_telegram" },
  { model: "Habit", fields: ["userId", "activeNameKey"], rule: "habit_active_name" },
  { model: "Tag", fields: ["userId", "nameKey"], rule: "tag_name" },
  { model: "Completion", fields: ["habitId", "date"], rule: "completion_date" },
  { model: "RewardDraw", fields: ["habitId", "date"], rule: "draw_date" },
  { model: "Reward", fields: ["userId", "activeNameKey"], rule: "reward_active_name" },
  { model: "ReminderClaim", fields: ["habitId", "date", "time"], rule: "reminder_claim" },
  { model: "SummaryClaim", fields: ["userId", "kind", "period"], rule: "summary_claim" },
  { model: "ApiKey", fields: ["keyHash"], rule: "api_key_hash" },
  { model: "RefreshToken", fields: ["tokenHash"], rule: "refresh_token_hash" },
];

/** Prisma's default name for a unique index: `Model_field1_field2_key`. */
const indexName = (index: UniqueIndex) => `${index.model}_${index.fields.join("_")}_key`;

const sameColumns = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((field) => b.includes(field));

interface AdapterCause {
  originalMessage?: string;
  constraint?: { fields?: string[]; index?: string };
}

interface PrismaErrorShape {
  code?: unknown;
  meta?: { modelName?: string; driverAdapterError?: { cause?: AdapterCause } };
}

/** The rule a P2002 error broke, or undefined for any other error (or an index no port reports). */
export function uniqueRuleOf(error: unknown): UniqueRule | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, meta } = error as PrismaErrorShape;
  if (code !== "P2002") return undefined;
  const cause = meta?.driverAdapterError?.cause;
  const message = cause?.originalMessage ?? "";

  const index = cause?.constraint?.index ?? /unique constraint "([^"]+)"/.exec(message)?.[1];
  if (index !== undefined) return uniqueIndexes.find((known) => indexName(known) === index)?.rule;

  const fields = (cause?.constraint?.fields ?? []).map((field) => field.replaceAll('"', ""));
  const candidates = uniqueIndexes.filter((known) => sameColumns(known.fields, fields));
  if (candidates.length <= 1) return candidates[0]?.rule;
  const model = /UNIQUE constraint failed: (\w+)\./.exec(message)?.[1] ?? meta?.modelName;
  return candidates.find((known) => known.model === model)?.rule;
}

/** The error a repository throws: UniqueViolation for a rule the ports know, else the error as it came. */
export function toStoreError(error: unknown): unknown {
  const rule = uniqueRuleOf(error);
  return rule === undefined ? error : new UniqueViolation(rule);
}
