import type { Clock } from "@habits/core";
import { type DatabaseClient, purgeExpiredRecords } from "@habits/db";
import type { Logger } from "@habits/runtime";
import cron from "node-cron";

export interface TickDependencies {
  client: DatabaseClient;
  clock: Clock;
  logger: Logger;
}

/** One pass of the worker: housekeeping now; due reminders join it with the reminders work. */
async function runTick(deps: TickDependencies): Promise<void> {
  const purged = await purgeExpiredRecords(deps.client, deps.clock.now());
  if (Object.values(purged).some((count) => count > 0)) deps.logger.info({ purged }, "purged expired records");
}

export interface RunningTick {
  stop(): Promise<void>;
}

/**
 * Runs the tick every minute. One task for everything (not one per user or reminder): no
 * overlap, so a slow pass delays the next instead of piling up; errors are logged, never fatal.
 */
export function startTick(deps: TickDependencies): RunningTick {
  let inFlight: Promise<void> = Promise.resolve();
  const task = cron.schedule(
    "* * * * *",
    () => {
      inFlight = runTick(deps).catch((error: unknown) => deps.logger.error({ err: error }, "tick failed"));
      return inFlight;
    },
    { name: "tick", noOverlap: true },
  );
  return {
    async stop() {
      await task.stop();
      await task.destroy();
      await inFlight;
    },
  };
}
