import { describe, expect, it } from "vitest";
import { type Migration, MigrationError, planMigrations, readMigrations } from "./migrations.js";

const migration = (name: string, checksum = `sum-${name}`): Migration => ({ name, sql: "", checksum });

describe("planning migrations", () => {
  it("applies, in order, only the migrations the database has not recorded", () => {
    const available = [migration("001_a"), migration("002_b"), migration("003_c")];
    const pending = planMigrations(available, [{ migration_name: "001_a", checksum: "sum-001_a" }]);
    expect(pending.map((item) => item.name)).toEqual(["002_b", "003_c"]);
  });

  it("refuses a database whose applied migration was edited afterwards", () => {
    expect(() => planMigrations([migration("001_a")], [{ migration_name: "001_a", checksum: "other" }])).toThrow(
      new MigrationError("migration 001_a was changed after it was applied"),
    );
  });

  it("refuses a database migrated by a newer version", () => {
    expect(() => planMigrations([migration("001_a")], [{ migration_name: "002_new", checksum: "x" }])).toThrow(
      /002_new, which this version does not know/,
    );
  });
});

describe("the migration folders", () => {
  it("hold the same migrations for SQLite and PostgreSQL", () => {
    const names = (dialect: "sqlite" | "postgresql") => readMigrations(dialect).map((item) => item.name);
    expect(names("sqlite").length).toBeGreaterThan(0);
    expect(names("postgresql")).toEqual(names("sqlite"));
  });
});
