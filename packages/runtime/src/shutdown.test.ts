import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "./logger.js";
import { onShutdownSignal, relayedRepeatMs, type SignalTarget } from "./shutdown.js";

/** A stand-in for `process`: signals are emitted by the test, exits recorded. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const target: SignalTarget = {
    on: (signal, listener) => emitter.on(signal, listener),
    exit: (code) => {
      exits.push(code);
    },
  };
  return { target, exits, send: (signal: NodeJS.Signals) => emitter.emit(signal, signal) };
}

function recordingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ level: "debug", pretty: false, destination }), lines };
}

/** A stop that finishes when the test says so. */
function controllableStop() {
  let finish = () => {};
  let fail = (_error: Error) => {};
  const stop = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  return { stop, finish: () => finish(), fail: (error: Error) => fail(error) };
}

describe("onShutdownSignal", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("stops once and exits 0; the same signal relayed by a parent (pnpm) is not a second one", async () => {
    const { target, exits, send } = fakeProcess();
    const { logger, lines } = recordingLogger();
    const { stop, finish } = controllableStop();
    onShutdownSignal(logger, stop, { timeoutSeconds: 9 }, target);

    send("SIGTERM");
    await vi.advanceTimersByTimeAsync(relayedRepeatMs - 1);
    send("SIGTERM");
    expect(exits).toEqual([]);
    finish();
    await vi.runAllTimersAsync();

    expect(stop).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([0]);
    expect(lines.map((line) => line.msg)).toEqual(["shutting down", expect.stringMatching(/repeated/), "stopped"]);
  });

  it("exits 1 at once on a second signal after the first second (a person insisting)", async () => {
    const { target, exits, send } = fakeProcess();
    const { logger, lines } = recordingLogger();
    onShutdownSignal(logger, controllableStop().stop, { timeoutSeconds: 9 }, target);

    send("SIGINT");
    await vi.advanceTimersByTimeAsync(relayedRepeatMs);
    send("SIGINT");

    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatchObject({ level: 40, msg: "second signal: exiting without waiting" });
  });

  it("exits 1 with a line saying so when stopping outlasts the timeout", async () => {
    const { target, exits, send } = fakeProcess();
    const { logger, lines } = recordingLogger();
    onShutdownSignal(logger, controllableStop().stop, { timeoutSeconds: 3 }, target);

    send("SIGTERM");
    await vi.advanceTimersByTimeAsync(2999);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);

    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatchObject({
      level: 50,
      msg: "shutdown did not finish within 3 s (SHUTDOWN_TIMEOUT): exiting anyway",
    });
  });

  it("exits 1 when stopping fails", async () => {
    const { target, exits, send } = fakeProcess();
    const { logger, lines } = recordingLogger();
    const { stop, fail } = controllableStop();
    onShutdownSignal(logger, stop, { timeoutSeconds: 9 }, target);

    send("SIGTERM");
    fail(new Error("database would not close"));
    await vi.advanceTimersByTimeAsync(0);

    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatchObject({ level: 50, msg: "shutdown failed" });
  });
});
