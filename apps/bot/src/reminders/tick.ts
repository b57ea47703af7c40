import type { Clock, Core, DueReminder } from "@habits/core";
import { type DatabaseClient, purgeExpiredRecords } from "@habits/db";
import type { Logger } from "@habits/runtime";
import cron from "node-cron";

export interface TickDependencies {
  client: DatabaseClient;
  core: Pick<Core, "reminders">;
  clock: Clock;
  logger: Logger;
  /** Sends reminders through the bot; absent when the bot is off. */
  send?: ReminderSender;
}

/** Sends one reminder; true when it went out. */
export type ReminderSender = (reminder: DueReminder) => Promise<boolean>;

export interface ReminderPassReport {
  due: number;
  /** Claimed by this process; the others were claimed by another one first. */
  claimed: number;
}

/** How far back the first pass of a process looks: one tick. */
const firstWindowMs = 60_000;
/** How far back a pass catches up after failed passes: a reminder hours late would be noise. */
const longestWindowMs = 15 * 60_000;

/**
 * Each call claims the reminders due since the previous successful call (the first looks back one
 * minute). The last instant lives in memory only: after a restart, reminders of the time the
 * worker was down, beyond the last minute, are not caught up. A pass that fails does not move it,
 * so the next pass covers the missed minutes (up to 15); claims it made meanwhile are no longer
 * due then.
 */
export function createReminderPass(
  core: Pick<Core, "reminders">,
  clock: Clock,
  send?: ReminderSender,
): () => Promise<ReminderPassReport> {
  let lastTick: Date | undefined;
  return async () => {
    const now = clock.now();
    const earliest = now.getTime() - longestWindowMs;
    const after = new Date(Math.max(lastTick?.getTime() ?? now.getTime() - firstWindowMs, earliest));
    const due = await core.reminders.due({ after, until: now });
    let claimed = 0;
    // Claimed first, then sent: of several processes, only the one that claimed sends. Without a
    // bot (no BOT_TOKEN) claims stay unsent. Retrying claims left unsent is still to come.
    for (const reminder of due) {
      if (!(await core.reminders.claim(reminder, now))) continue;
      claimed++;
      if (send && (await send(reminder))) await core.reminders.markSent(reminder, clock.now());
    }
    // Failed sends and snoozes whose time has come.
    if (send) {
      for (const reminder of await core.reminders.retryDue(now)) {
        if (await send(reminder)) await core.reminders.markSent(reminder, clock.now());
      }
    }
    lastTick = now;
    return { due: due.length, claimed };
  };
}

/** One pass of the worker: due reminders, then housekeeping; one failing does not stop the other. */
async function runTick(deps: TickDependencies, reminders: () => Promise<ReminderPassReport>): Promise<void> {
  try {
    const report = await reminders();
    if (report.due > 0) deps.logger.info(report, "claimed due reminders");
  } catch (error) {
    deps.logger.error({ err: error }, "reminders pass failed");
  }
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
  const reminders = createReminderPass(deps.core, deps.clock, deps.send);
  let inFlight: Promise<void> = Promise.resolve();
  const task = cron.schedule(
    "* * * * *",
    () => {
      inFlight = runTick(deps, reminders).catch((error: unknown) => deps.logger.error({ err: error }, "tick failed"));
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
