import { ConfigError } from "./config.js";

/**
 * Runs a process's start-up. A configuration error prints its one line and exits 1; any other
 * start-up failure prints its message (never a stack of internals to a newcomer) and exits 1.
 */
export function runMain(start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.LOG_LEVEL === "debug" || process.env.LOG_LEVEL === "trace") console.error(error);
    }
    process.exit(1);
  });
}

/** Every secret a process may know, for the logger to mask wherever it appears. */
export function secretsIn(env: Record<string, string | undefined>): string[] {
  const secrets = [env.JWT_SECRET, env.BOT_TOKEN, env.WEBHOOK_SECRET, env.METRICS_TOKEN];
  if (env.DATABASE_URL && URL.canParse(env.DATABASE_URL)) {
    // Both the password as written in the URL (maybe percent-encoded) and as decoded.
    const { password } = new URL(env.DATABASE_URL);
    secrets.push(password, decodeURIComponent(password));
  }
  return secrets.filter((secret): secret is string => Boolean(secret));
}
