// Prisma CLI for SQLite with the JS engine: nothing downloads a native engine.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations/sqlite" },
  adapter: async () => new PrismaLibSQL({ url: process.env.PRISMA_CLI_SQLITE_URL ?? "file::memory:" }),
});
