// A PostgreSQL cluster of the test's own, on a free port, that the test may stop, start, freeze and
// thaw (the shared dev server must never be touched). Built as .ci/run builds its cluster: initdb and
// pg_ctl run as user postgres, so it needs root and Debian's PostgreSQL binaries.
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const binaries = existsSync("/usr/lib/postgresql")
  ? readdirSync("/usr/lib/postgresql")
      .sort((a, b) => Number(a) - Number(b))
      .map((version) => `/usr/lib/postgresql/${version}/bin`)
      .filter((bin) => existsSync(join(bin, "pg_ctl")))
      .at(-1)
  : undefined;

/** Why a throwaway cluster cannot be made here, or undefined when it can. */
export const throwawayPostgresUnavailable: string | undefined =
  process.getuid?.() !== 0
    ? "needs root (initdb and pg_ctl run as user postgres via runuser), as in CI"
    : !binaries
      ? "needs PostgreSQL's binaries under /usr/lib/postgresql/<version>/bin (apt-get install postgresql)"
      : undefined;

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  start(): Promise<void>;
  /** A fast shutdown: sessions are ended, the port closes. */
  stop(): Promise<void>;
  /** SIGSTOP to the server and every backend: sockets stay open, nothing answers. */
  freeze(): void;
  thaw(): void;
  /** Thaws and stops it for good, and removes its files. */
  remove(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (throwawayPostgresUnavailable || !binaries) throw new Error(throwawayPostgresUnavailable);
  const parent = mkdtempSync(join(tmpdir(), "habits-pg-"));
  chmodSync(parent, 0o755); // the server runs as postgres and must reach its directory
  const directory = join(parent, "pg");
  mkdirSync(directory, { mode: 0o700 });
  execFileSync("chown", ["postgres:postgres", directory]);
  // Asynchronous: the test's own connections must see the server go while pg_ctl waits for it.
  const asPostgres = async (tool: string, ...args: string[]) => {
    await promisify(execFile)("runuser", ["-u", "postgres", "--", join(binaries, tool), ...args]);
  };
  await asPostgres("initdb", "-D", directory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${directory} -c fsync=off`;
  const start = () => asPostgres("pg_ctl", "-D", directory, "-l", join(directory, "log"), "-w", "-o", options, "start");
  const stop = () => asPostgres("pg_ctl", "-D", directory, "-m", "fast", "-w", "stop");
  /** The postmaster and its children (backends, background workers). */
  const processes = (): number[] => {
    const postmaster = Number(readFileSync(join(directory, "postmaster.pid"), "utf8").split("\n")[0]);
    const children = readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          // The parent pid is the 2nd field after the command name, which is in parentheses.
          const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
          return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
        } catch {
          return false; // it ended meanwhile
        }
      })
      .map(Number);
    return [postmaster, ...children];
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    freeze: () => {
      for (const pid of processes()) process.kill(pid, "SIGSTOP");
    },
    thaw: () => {
      for (const pid of processes()) process.kill(pid, "SIGCONT");
    },
    remove: async () => {
      // Never leave a frozen server behind, whatever the test did.
      try {
        for (const pid of processes()) process.kill(pid, "SIGCONT");
      } catch {
        // not running
      }
      await asPostgres("pg_ctl", "-D", directory, "-m", "immediate", "-w", "stop").catch(() => undefined);
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
