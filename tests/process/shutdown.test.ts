// `pnpm start` under load, stopped the way process managers stop it. Nothing sent before the signal
// may be lost: no reset, no hang-up, every request answered whole; then the whole process group
// exits 0 and nothing listens on the port any more.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectionRefused, register, startLoad } from "../support/http-load.js";
import { isListening, listeningPort, type StartedCommand, startCommand } from "../support/start-command.js";
import { createTestDatabase, dialect, type TestDatabase } from "../support/test-database.js";

const scenarios: Array<{ manager: string; signal: NodeJS.Signals; to: "group" | "top process" }> = [
  { manager: "systemd (KillMode=control-group)", signal: "SIGTERM", to: "group" },
  { manager: "docker stop", signal: "SIGTERM", to: "top process" },
  { manager: "Ctrl-C in a terminal", signal: "SIGINT", to: "group" },
];

describe(`pnpm start stopped under load (${dialect})`, () => {
  let testDatabase: TestDatabase;
  let command: StartedCommand | undefined;

  beforeEach(async () => {
    testDatabase = await createTestDatabase();
  });
  afterEach(async () => {
    command?.kill();
    command = undefined;
    await testDatabase.drop();
  });

  it.each(scenarios)("$manager: $signal to the $to loses no request", async ({ signal, to }) => {
    command = await startCommand("start", { DATABASE_URL: testDatabase.url }, isListening);
    const started = command;
    const port = listeningPort(started);
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);

    const load = startLoad({ port, token: await register(port), loops: 6 });
    // In flight when the signal comes: bodies half sent on kept-alive connections.
    const slowNames = ["slow 1", "slow 2", "slow 3"];
    const slow = await Promise.all(slowNames.map((name) => load.slowRequest(name)));
    await Promise.all(slow.map((request) => request.halfSent));
    const idle = await load.idleConnection();
    const idleClosed = new Promise<boolean>((resolve) => idle.once("close", (hadError) => resolve(hadError)));
    await load.warmedUp(5);

    load.signalSent();
    process.kill(to === "group" ? -started.pid : started.pid, signal);
    // The rest of each body arrives while the server drains.
    // (Or at once if the top process is already gone: the checks below then say what was lost.)
    await started.waitForLog((line) => line.msg === "shutting down").catch(() => undefined);
    for (const request of slow) request.finish();

    const exit = await started.exited;
    await load.stop();
    const slowOutcomes = await Promise.all(slow.map((request) => request.outcome));
    const survivors = await started.survivors();
    const portRefused = await connectionRefused(port);
    // (An orphan would keep the idle connection open: it is gone now either way.)
    started.kill();
    const idleClosedWithError = await idleClosed;

    const sentBefore = load.outcomes.filter((outcome) => outcome.sentBeforeSignal);
    const lost = sentBefore.filter(
      (outcome) => outcome.error !== undefined || ![200, 201].includes(outcome.status ?? 0) || !outcome.body,
    );
    // After the signal a client may find the port closed (refused: nothing was sent, safe to retry
    // elsewhere), but an answer, once begun, always ends whole.
    const cutShort = load.outcomes.filter((outcome) => outcome.cutShort);
    const messages = started.logs.map((line) => line.msg);
    // Every check at once, so a failure shows the whole picture.
    expect(
      {
        exit,
        survivors,
        portRefused,
        lost,
        cutShort,
        // Answered whole during the drain, and told to close their connections.
        slow: slowOutcomes.map(({ status, connection, body, error }) => ({
          status,
          connection,
          name: (body as { name?: unknown } | undefined)?.name,
          error,
        })),
        // The idle keep-alive connection was closed by the server, not reset.
        idleClosedWithError,
        shuttingDownLines: messages.filter((message) => message === "shutting down").length,
        stopped: messages.includes("stopped"),
        warningsAndErrors: started.logs.filter((line) => Number(line.level) >= 40),
      },
      started.output(),
    ).toEqual({
      exit: { code: 0, signal: null },
      survivors: [],
      portRefused: true,
      lost: [],
      cutShort: [],
      slow: slowNames.map((name) => ({ status: 201, connection: "close", name, error: undefined })),
      idleClosedWithError: false,
      shuttingDownLines: 1,
      stopped: true,
      warningsAndErrors: [],
    });
    // The load was real: every loop had answers before the signal, and more were sent.
    expect(sentBefore.length).toBeGreaterThanOrEqual(6 * 5);
  });
});
