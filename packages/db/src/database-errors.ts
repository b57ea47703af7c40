// What a database failure means for the caller: the database is down or unreachable, it did not
// answer in time, or its storage is full. Prisma, its driver adapters and the drivers each report
// these their own way (Prisma codes, adapter error kinds, SQLSTATEs, SQLite result codes, socket
// codes, pg's plain messages), so they are recognised here, in one place, for every front end.

/** A database failure that is not the request's fault and may pass: the API answers 503. */
export const databaseTroubles = ["database_unavailable", "database_timeout", "storage_full"] as const;
export type DatabaseTrouble = (typeof databaseTroubles)[number];

// Prisma's error codes (https://www.prisma.io/docs/orm/reference/error-reference).
const prismaCodes: Record<string, DatabaseTrouble> = {
  P1000: "database_unavailable", // authentication failed
  P1001: "database_unavailable", // can't reach the server
  P1002: "database_timeout", // reached, but timed out
  P1008: "database_timeout", // operations timed out
  P1011: "database_unavailable", // TLS connection failed
  P1017: "database_unavailable", // the server closed the connection
  P2024: "database_timeout", // timed out waiting for a connection from the pool
  P2028: "database_timeout", // transaction API: not started in time, or expired
  P2034: "database_timeout", // write conflict or deadlock: try again
};

// Driver adapter error kinds (@prisma/driver-adapter-utils); libsql reports SQLITE_BUSY as SocketTimeout.
const adapterKinds: Record<string, DatabaseTrouble> = {
  DatabaseNotReachable: "database_unavailable",
  ConnectionClosed: "database_unavailable",
  TlsConnectionError: "database_unavailable",
  TooManyConnections: "database_unavailable",
  AuthenticationFailed: "database_unavailable",
  DatabaseAccessDenied: "database_unavailable",
  SocketTimeout: "database_timeout",
  TransactionWriteConflict: "database_timeout",
};

/** A PostgreSQL SQLSTATE: by its class, or the exact state. */
function postgresState(state: string): DatabaseTrouble | undefined {
  if (state.startsWith("08")) return "database_unavailable"; // connection exception
  switch (state) {
    case "53100": // disk_full
      return "storage_full";
    case "57014": // query_canceled: statement_timeout
    case "55P03": // lock_not_available
    case "40001": // serialization_failure
    case "40P01": // deadlock_detected
      return "database_timeout";
    case "57P01": // admin_shutdown
    case "57P02": // crash_shutdown
    case "57P03": // cannot_connect_now (starting up, shutting down)
    case "53200": // out_of_memory
    case "53300": // too_many_connections
    case "25006": // read_only_sql_transaction (a standby)
      return "database_unavailable";
  }
  return undefined;
}

/** A SQLite result code (primary or extended: the low byte is the primary). */
function sqliteResult(code: number): DatabaseTrouble | undefined {
  switch (code & 0xff) {
    case 13: // SQLITE_FULL
      return "storage_full";
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
      return "database_timeout";
    case 8: // SQLITE_READONLY (the file or its directory cannot be written)
    case 10: // SQLITE_IOERR
    case 14: // SQLITE_CANTOPEN
      return "database_unavailable";
  }
  return undefined;
}

/** libsql's names for the codes above (`SQLITE_IOERR_WRITE` is an SQLITE_IOERR). */
const sqliteNames: Record<string, number> = {
  SQLITE_BUSY: 5,
  SQLITE_LOCKED: 6,
  SQLITE_READONLY: 8,
  SQLITE_IOERR: 10,
  SQLITE_FULL: 13,
  SQLITE_CANTOPEN: 14,
};

const socketCodes: Record<string, DatabaseTrouble> = {
  ECONNREFUSED: "database_unavailable",
  ECONNRESET: "database_unavailable",
  ENOTFOUND: "database_unavailable",
  EAI_AGAIN: "database_unavailable",
  EHOSTUNREACH: "database_unavailable",
  ENETUNREACH: "database_unavailable",
  EPIPE: "database_unavailable",
  ETIMEDOUT: "database_timeout",
  ENOSPC: "storage_full",
};

// pg and pg-pool throw plain Errors for these, which the adapter passes on as they are.
const driverMessages: Array<[RegExp, DatabaseTrouble]> = [
  [/^Query read timeout$/, "database_timeout"],
  [/^timeout exceeded when trying to connect$/, "database_timeout"],
  [/^Connection terminated due to connection timeout$/, "database_timeout"],
  [/^Connection terminated( unexpectedly)?$/, "database_unavailable"],
  [/is not queryable/, "database_unavailable"],
  [/^Unable to start a transaction in the given time/, "database_timeout"],
  [/^Transaction already closed/, "database_timeout"],
];

function classifyOne(error: Record<string, unknown>): DatabaseTrouble | undefined {
  const { code, kind, message, rawCode, extendedCode, originalCode } = error;
  if (typeof code === "string") {
    const known = prismaCodes[code] ?? socketCodes[code];
    if (known) return known;
    if (code.startsWith("SQLITE_")) {
      const primary = typeof rawCode === "number" ? rawCode : sqliteNames[code.replace(/^(SQLITE_[A-Z]+).*$/, "$1")];
      if (primary !== undefined) return sqliteResult(primary);
    }
    if (/^[0-9A-Z]{5}$/.test(code) && (kind === "postgres" || typeof error.severity === "string")) {
      const state = postgresState(code);
      if (state) return state;
    }
  }
  if (typeof kind === "string") {
    if (adapterKinds[kind]) return adapterKinds[kind];
    if (kind === "sqlite" && typeof extendedCode === "number") return sqliteResult(extendedCode);
    if (kind === "postgres" && typeof originalCode === "string") return postgresState(originalCode);
  }
  if (typeof message === "string") {
    for (const [pattern, trouble] of driverMessages) if (pattern.test(message)) return trouble;
  }
  return undefined;
}

/**
 * What kind of database trouble `error` is, or undefined when it is something else (a bug, a
 * constraint): looks through Prisma's error, the driver adapter's error in its `meta`, causes, and
 * wrappers such as grammY's BotError.
 */
export function classifyDatabaseError(error: unknown): DatabaseTrouble | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === null || typeof next !== "object" || seen.has(next)) continue;
    seen.add(next);
    const candidate = next as Record<string, unknown>;
    // The Bot API's failures (grammY's HttpError around a fetch error, GrammyError) carry socket
    // codes too: Telegram unreachable is not the database unavailable.
    if (candidate.name === "HttpError" || candidate.name === "GrammyError") continue;
    const trouble = classifyOne(candidate);
    if (trouble) return trouble;
    const meta = candidate.meta as Record<string, unknown> | undefined;
    // Wrappers keep the original as `cause`, in `meta` (Prisma), or as `error` (grammY's BotError).
    queue.push(candidate.cause, meta?.driverAdapterError, candidate.error, candidate.originalError);
    if (Array.isArray(candidate.errors)) queue.push(...candidate.errors);
  }
  return undefined;
}
