// The shapes below are what Prisma 6.19, its pg and libsql adapters and the drivers were seen to
// throw against a real server stopped, frozen or full (tests/api/database-trouble.test.ts makes
// them for real); each must be recognised, and anything else must not be.
import { describe, expect, it } from "vitest";
import { classifyDatabaseError } from "./database-errors.js";

const prismaError = (code: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error(`prisma ${code}`), {
    name: "PrismaClientKnownRequestError",
    code,
    ...(cause && { meta: { driverAdapterError: { name: "DriverAdapterError", cause } } }),
  });
const adapterError = (cause: Record<string, unknown>) =>
  Object.assign(new Error(String(cause.message ?? cause.kind)), { name: "DriverAdapterError", cause });

describe("classifyDatabaseError", () => {
  it.each([
    ["a server that is down (P1001)", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1" })],
    ["a closed connection (P1017)", prismaError("P1017")],
    ["the adapter's unreachable server", adapterError({ kind: "DatabaseNotReachable" })],
    ["the adapter's closed connection", adapterError({ kind: "ConnectionClosed" })],
    ["pg's broken connection", new Error("Connection terminated unexpectedly")],
    [
      "a shutdown mid-session (57P01)",
      prismaError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" }),
    ],
    ["a read-only standby (25006)", Object.assign(new Error("read only"), { code: "25006", severity: "ERROR" })],
    [
      "a refused socket",
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", syscall: "connect" }),
    ],
    ["a read-only SQLite file", adapterError({ kind: "sqlite", extendedCode: 8, message: "readonly database" })],
    [
      "a bot update's failure (grammY's BotError keeps it as `error`)",
      Object.assign(new Error("Error in middleware"), { name: "BotError", error: prismaError("P1001") }),
    ],
  ])("%s is database_unavailable", (_name, error) => {
    expect(classifyDatabaseError(error)).toBe("database_unavailable");
  });

  it.each([
    ["a statement timeout (57014)", prismaError("P2010", { kind: "postgres", code: "57014", originalCode: "57014" })],
    ["pg's read timeout on a frozen server", new Error("Query read timeout")],
    [
      "pg's connect timeout",
      Object.assign(new Error("Connection terminated due to connection timeout"), {
        cause: new Error("Connection terminated unexpectedly"),
      }),
    ],
    ["pg-pool's acquire timeout", new Error("timeout exceeded when trying to connect")],
    ["Prisma's pool timeout (P2024)", prismaError("P2024")],
    ["a transaction not started in time (P2028)", prismaError("P2028")],
    ["SQLITE_BUSY through the adapter", adapterError({ kind: "SocketTimeout" })],
    ["libsql's SQLITE_BUSY", Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY", rawCode: 5 })],
  ])("%s is database_timeout", (_name, error) => {
    expect(classifyDatabaseError(error)).toBe("database_timeout");
  });

  it.each([
    ["SQLITE_FULL through the adapter", adapterError({ kind: "sqlite", extendedCode: 13, originalCode: "13" })],
    ["libsql's SQLITE_FULL", Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" })],
    [
      "PostgreSQL's disk_full (53100)",
      prismaError("P2010", { kind: "postgres", code: "53100", originalCode: "53100" }),
    ],
    ["no space left on the device", Object.assign(new Error("ENOSPC"), { code: "ENOSPC" })],
  ])("%s is storage_full", (_name, error) => {
    expect(classifyDatabaseError(error)).toBe("storage_full");
  });

  it.each([
    ["a unique violation (P2002)", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["a record not found (P2025)", prismaError("P2025")],
    ["a syntax error (42601)", prismaError("P2010", { kind: "postgres", code: "42601", originalCode: "42601" })],
    ["SQLite's constraint failure", adapterError({ kind: "sqlite", extendedCode: 19 })],
    [
      "Telegram unreachable in a bot update (BotError → HttpError → a reset socket)",
      Object.assign(new Error("Error in middleware"), {
        name: "BotError",
        error: Object.assign(new Error("Network request for 'sendMessage' failed!"), {
          name: "HttpError",
          error: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
        }),
      }),
    ],
    [
      "Telegram refusing a call (GrammyError)",
      Object.assign(new Error("Call to 'sendMessage' failed! (502: Bad Gateway)"), {
        name: "GrammyError",
        error_code: 502,
        cause: Object.assign(new Error("timeout"), { code: "ETIMEDOUT" }),
      }),
    ],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["a string", "boom"],
    ["nothing", undefined],
  ])("%s is not database trouble", (_name, error) => {
    expect(classifyDatabaseError(error)).toBeUndefined();
  });

  it("survives a cause that points back at itself", () => {
    const error: Error & { cause?: unknown } = new Error("loop");
    error.cause = error;
    expect(classifyDatabaseError(error)).toBeUndefined();
  });
});
