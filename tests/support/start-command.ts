// Runs one of the product's start commands exactly as an operator does (`pnpm start`, ...), in a
// process group of its own, so a test can signal it the way a process manager does: the whole
// group (systemd's KillMode=control-group, Ctrl-C in a terminal) or the top process only (`docker stop`).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

export type StartScript = "start" | "start:api" | "start:bot" | "start:worker";

export interface StartedCommand {
  /** The top process (pnpm); its id is also the process group's. */
  pid: number;
  /** Every JSON log line so far (pnpm's own lines are not JSON and are skipped). */
  logs: Array<Record<string, unknown>>;
  /** Resolves with the first log line that matches. */
  waitForLog(matches: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** The top process's exit. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * The processes of the group still running (zombies aside), once the group had a moment to
   * wind down: tsx's esbuild helper, when tsx had to compile, exits on its own just after the app.
   */
  survivors(): Promise<string[]>;
  /** Everything the command wrote, for a failure message. */
  output(): string;
  /** SIGKILL to the group, for clean-up after a failed test. */
  kill(): void;
}

/** A JWT secret no check could call weak. */
const testJwtSecret = randomBytes(32).toString("hex");

/** Starts `pnpm <script>` from the repository root; resolves once the first log line matching `ready` appears. */
export async function startCommand(
  script: StartScript,
  env: Record<string, string>,
  ready: (line: Record<string, unknown>) => boolean,
): Promise<StartedCommand> {
  const child: ChildProcess = spawn("pnpm", [script], {
    cwd: repositoryRoot,
    // Its own process group (pid = pgid), as a service manager or a terminal starts it.
    detached: true,
    // A clean environment: only what the test gives (and what pnpm needs to run).
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      npm_config_update_notifier: "false",
      PORT: "0",
      HOST: "127.0.0.1",
      JWT_SECRET: testJwtSecret,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`pnpm ${script} did not start`);
  const logs: Array<Record<string, unknown>> = [];
  const waiters: Array<{
    matches: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }> = [];
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let buffered = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const text of lines) {
      if (!text.startsWith("{")) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      logs.push(line);
      for (const waiter of waiters.filter((item) => item.matches(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });

  const waitForLog = (matches: (line: Record<string, unknown>) => boolean) => {
    const seen = logs.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      waiters.push({ matches, resolve });
      exited.then(({ code, signal }) =>
        reject(new Error(`pnpm ${script} exited (${code ?? signal}) before the awaited log line:\n${output}`)),
      );
    });
  };
  const started: StartedCommand = {
    pid,
    logs,
    waitForLog,
    exited,
    async survivors() {
      const deadline = Date.now() + 3000;
      for (;;) {
        const running = groupMembers(pid).filter((member) => member.state !== "Z");
        if (running.length === 0 || Date.now() > deadline) return running.map((member) => member.command);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    output: () => output,
    kill() {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    },
  };
  try {
    await waitForLog(ready);
  } catch (error) {
    started.kill();
    throw error;
  }
  return started;
}

/** The processes whose process group is `pgid`, from /proc (Linux). */
function groupMembers(pgid: number): Array<{ pid: number; state: string; command: string }> {
  const members = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // "pid (command) state ppid pgrp ...": the command may hold spaces and parentheses.
    const close = stat.lastIndexOf(")");
    const [state = "", , pgrp] = stat.slice(close + 2).split(" ");
    if (Number(pgrp) === pgid)
      members.push({ pid: Number(entry), state, command: stat.slice(stat.indexOf("(") + 1, close) });
  }
  return members;
}

/** The port of the `API listening` line. */
export function listeningPort(command: StartedCommand): number {
  const line = command.logs.find((entry) => String(entry.msg).startsWith("API listening"));
  if (typeof line?.port !== "number") throw new Error(`no "API listening" line:\n${command.output()}`);
  return line.port;
}

export const isListening = (line: Record<string, unknown>) => String(line.msg).startsWith("API listening");
