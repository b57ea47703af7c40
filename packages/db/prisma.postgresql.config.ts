// Prisma CLI for PostgreSQL with the JS engine. We only use it to diff schemas when writing a new
// migration, yet it connects first: point PRISMA_CLI_POSTGRES_URL at any reachable server.
// Host/port/user fields, not a connection string: a string would override the shadow database name.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const url = new URL(process.env.PRISMA_CLI_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:54329/postgres");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "../../prisma/postgresql/schema.prisma",
  migrations: { path: "../../prisma/migrations/postgresql" },
  adapter: async () =>
    new PrismaPg({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1) || "postgres",
      // Idle pooled connections would keep the CLI alive for 10 s after its work.
      allowExitOnIdle: true,
    }),
});
