import type { Logger } from "pino";

export interface ShutdownOptions {
  /** How long stopping may take; past it the process logs so and exits 1 (SHUTDOWN_TIMEOUT). */
  timeoutSeconds: number;
}

/** The part of `process` this module uses, so a test can hand it a stand-in. */
export interface SignalTarget {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

/**
 * A repeat this soon after the first signal is the same request delivered twice, not a person
 * insisting: under `pnpm start`, a signal to the process group (systemd, Ctrl-C) reaches the app
 * directly and once more through pnpm, which relays what it receives to its child.
 */
export const relayedRepeatMs = 1000;

const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

/**
 * Calls `stop` once on SIGINT or SIGTERM, then exits 0 (1 if stopping failed). Stopping is bounded:
 * after `timeoutSeconds` the process logs that it gave up and exits 1. A second signal more than
 * a second after the first exits 1 at once, so a stuck shutdown can still be interrupted.
 */
export function onShutdownSignal(
  logger: Logger,
  stop: () => Promise<void>,
  options: ShutdownOptions,
  target: SignalTarget = process,
): void {
  let firstSignalAt: number | undefined;
  const handle = (signal: NodeJS.Signals) => {
    if (firstSignalAt !== undefined) {
      if (Date.now() - firstSignalAt < relayedRepeatMs) {
        logger.debug({ signal }, "signal repeated (relayed by a parent process): still stopping");
        return;
      }
      logger.warn({ signal }, "second signal: exiting without waiting");
      target.exit(1);
      return;
    }
    firstSignalAt = Date.now();
    logger.info({ signal, timeoutSeconds: options.timeoutSeconds }, "shutting down");
    // Not unref'd: whatever else is still open, the process ends by this time at the latest.
    const deadline = setTimeout(() => {
      logger.error(
        { timeoutSeconds: options.timeoutSeconds },
        `shutdown did not finish within ${options.timeoutSeconds} s (SHUTDOWN_TIMEOUT): exiting anyway`,
      );
      target.exit(1);
    }, options.timeoutSeconds * 1000);
    stop().then(
      () => {
        clearTimeout(deadline);
        logger.info("stopped");
        target.exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        logger.error({ err: error }, "shutdown failed");
        target.exit(1);
      },
    );
  };
  // Kept for every signal (not `once`): without a listener, a repeat would kill the process.
  for (const signal of signals) target.on(signal, handle);
}
