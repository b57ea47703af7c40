// The bot's log as the kit shows it: one short line per warning or error on stderr (the full
// record with KIT_LOG_LEVEL=debug, say), so expected failures in tests do not flood the output.
import { Writable } from "node:stream";
import { createLogger, type Logger, type LogLevel } from "@habits/runtime";

const levelNames: Record<number, string> = { 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

export function createKitLogger(): Logger {
  const level = process.env.KIT_LOG_LEVEL as LogLevel | undefined;
  if (level) return createLogger({ level, pretty: false, destination: process.stderr });
  const destination = new Writable({
    write(chunk, _encoding, done) {
      const line = JSON.parse(String(chunk)) as { level: number; msg?: string; err?: { message?: string } };
      const cause = line.err?.message ? `: ${line.err.message}` : "";
      process.stderr.write(`[bot ${levelNames[line.level] ?? line.level}] ${line.msg ?? ""}${cause}\n`);
      done();
    },
  });
  return createLogger({ level: "warn", pretty: false, destination });
}
