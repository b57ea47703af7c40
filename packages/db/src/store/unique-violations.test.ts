import { UniqueViolation } from "@habits/core";
import { describe, expect, it } from "vitest";
import { toStoreError, uniqueRuleOf } from "./unique-violations.js";

/** A P2002 error as Prisma 6.19's driver adapters report it. */
const p2002 = (modelName: string, cause: object) => ({
  code: "P2002",
  meta: { modelName, driverAdapterError: { name: "DriverAdapterError", cause } },
});

describe("mapping unique violations to the ports' rules", () => {
  it("reads SQLite's bare column names, and its message's table where the columns are ambiguous", () => {
    const sqlite = (table: string, fields: string[]) =>
      p2002(table, {
        originalMessage: `UNIQUE constraint failed: ${fields.map((field) => `${table}.${field}`).join(", ")}`,
        constraint: { fields },
      });
    expect(uniqueRuleOf(sqlite("User", ["usernameKey"]))).toBe("user_username");
    expect(uniqueRuleOf(sqlite("User", ["telegramId"]))).toBe("user_telegram");
    expect(uniqueRuleOf(sqlite("Habit", ["userId", "activeNameKey"]))).toBe("habit_active_name");
    expect(uniqueRuleOf(sqlite("Reward", ["userId", "activeNameKey"]))).toBe("reward_active_name");
    expect(uniqueRuleOf(sqlite("Completion", ["habitId", "date"]))).toBe("completion_date");
    expect(uniqueRuleOf(sqlite("RewardDraw", ["habitId", "date"]))).toBe("draw_date");
    expect(uniqueRuleOf(sqlite("ReminderClaim", ["habitId", "date", "time"]))).toBe("reminder_claim");
  });

  it("reads a nested write's table from the message, not the model the query started from", () => {
    const nestedTag = p2002("Habit", {
      originalMessage: "UNIQUE constraint failed: Tag.userId, Tag.nameKey",
      constraint: { fields: ["userId", "nameKey"] },
    });
    expect(uniqueRuleOf(nestedTag)).toBe("tag_name");
  });

  it("reads PostgreSQL's quoted column names and the index name in its message", () => {
    const postgresql = (model: string, fields: string[]) =>
      p2002(model, {
        originalMessage: `duplicate key value violates unique constraint "${model}_${fields.join("_")}_key"`,
        constraint: { fields: fields.map((field) => `"${field}"`) },
      });
    expect(uniqueRuleOf(postgresql("User", ["emailKey"]))).toBe("user_email");
    expect(uniqueRuleOf(postgresql("Reward", ["userId", "activeNameKey"]))).toBe("reward_active_name");
    expect(uniqueRuleOf(postgresql("RewardDraw", ["habitId", "date"]))).toBe("draw_date");
  });

  it("reads an index name in constraint.index", () => {
    const byIndex = p2002("Habit", { constraint: { index: "Habit_userId_activeNameKey_key" } });
    expect(uniqueRuleOf(byIndex)).toBe("habit_active_name");
  });

  it("falls back to Prisma's model name when nothing else tells ambiguous columns apart", () => {
    expect(uniqueRuleOf(p2002("Completion", { constraint: { fields: ["habitId", "date"] } }))).toBe("completion_date");
  });

  it("leaves other errors, and indexes no port reports, as they are", () => {
    const reminderTime = p2002("HabitReminder", { constraint: { fields: ["habitId", "time"] } });
    const foreignKey = { code: "P2003", meta: { modelName: "Completion" } };
    const plain = new Error("boom");
    for (const error of [reminderTime, foreignKey, plain, undefined, "text"]) {
      expect(uniqueRuleOf(error)).toBeUndefined();
      expect(toStoreError(error)).toBe(error);
    }
    expect(toStoreError(p2002("User", { constraint: { fields: ["emailKey"] } }))).toEqual(
      new UniqueViolation("user_email"),
    );
  });
});
