// Runs a real product process (the same entry point as `pnpm start`) and talks to it over HTTP.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export const entryPoints = {
  server: `${repositoryRoot}apps/server/src/main.ts`,
  api: `${repositoryRoot}apps/api/src/main.ts`,
} as const;

export interface ProductProcess {
  port: number;
  /** The node process itself, for signals whose effect is not an exit (SIGSTOP, SIGCONT). */
  pid: number;
  /** Every log line so far, parsed from JSON. */
  logs: Array<Record<string, unknown>>;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the entry point in `cwd` (where `./data` lands) and waits until it listens. */
export function startProductProcess(options: {
  cwd: string;
  env: Record<string, string>;
  entry?: keyof typeof entryPoints;
}): Promise<ProductProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", tsxLoader, entryPoints[options.entry ?? "server"]], {
    cwd: options.cwd,
    // A clean environment: only what the test gives, so the developer's own settings don't leak in.
    env: { PATH: process.env.PATH ?? "", PORT: "0", HOST: "127.0.0.1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (typeof entry.port === "number" && String(entry.msg).startsWith("API listening")) {
          resolve({
            port: entry.port,
            pid: child.pid as number,
            logs,
            stop: (signal = "SIGTERM") => {
              child.kill(signal);
              return exited;
            },
          });
        }
      }
    });
    exited.then((code) => reject(new Error(`the process exited (${code}) before listening: ${stderr}`)));
  });
}
