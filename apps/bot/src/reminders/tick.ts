import type { Clock, Core, DueReminder, DueSummary, ReminderWindow } from "@habits/core";
import { type DatabaseClient, purgeExpiredRecords } from "@habits/db";
import type { Logger } from "@habits/runtime";
import cron from "node-cron";

export interface TickDependencies {
  client: DatabaseClient;
  core: Pick<Core, "reminders" | "summaries">;
  clock: Clock;
  logger: Logger;
  /** Sends reminders through the bot; absent when the bot is off. */
  send?: ReminderSender;
  /** Sends daily and weekly summaries through the bot; absent when the bot is off (none are claimed then). */
  sendSummary?: SummarySender;
}

/** Sends one reminder; true when it went out. */
export type ReminderSender = (reminder: DueReminder) => Promise<boolean>;

/** Sends one summary; true when it went out. */
export type SummarySender = (summary: DueSummary) => Promise<boolean>;

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
 * The window of each pass: from the previous successful pass (the first looks back one minute, a
 * pass after failed ones at most 15) up to now. `done` moves it on; a pass that failed does not call it.
 */
function catchUpWindow() {
  let lastTick: Date | undefined;
  return {
    at(now: Date): ReminderWindow {
      const earliest = now.getTime() - longestWindowMs;
      const after = new Date(Math.max(lastTick?.getTime() ?? now.getTime() - firstWindowMs, earliest));
      return { after, until: now };
    },
    done(now: Date): void {
      lastTick = now;
    },
  };
}

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
  const window = catchUpWindow();
  return async () => {
    const now = clock.now();
    const due = await core.reminders.due(window.at(now));
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
    window.done(now);
    return { due: due.length, claimed };
  };
}

export interface SummaryPassReport {
  due: number;
  /** Claimed by this process; the others were claimed by another one first. */
  claimed: number;
  sent: number;
}

/**
 * Like the reminder pass, for the daily and weekly summaries: claims each one due since the
 * previous pass, then sends it. Only with a sender: a process without the bot leaves summaries to
 * one that can send them. A summary whose send failed is not tried again: it is a digest, and the
 * next one comes the next day or week (the bot's auto-retry already covers Telegram's hiccups).
 */
export function createSummaryPass(
  core: Pick<Core, "summaries">,
  clock: Clock,
  send: SummarySender,
): () => Promise<SummaryPassReport> {
  const window = catchUpWindow();
  return async () => {
    const now = clock.now();
    const due = await core.summaries.due(window.at(now));
    let claimed = 0;
    let sent = 0;
    for (const summary of due) {
      if (!(await core.summaries.claim(summary, now))) continue;
      claimed++;
      if (!(await send(summary))) continue;
      sent++;
      await core.summaries.markSent(summary, clock.now());
    }
    window.done(now);
    return { due: due.length, claimed, sent };
  };
}

export interface TickPasses {
  reminders: () => Promise<ReminderPassReport>;
  summaries?: (() => Promise<SummaryPassReport>) | undefined;
  housekeeping: () => Promise<Record<string, number>>;
}

/**
 * One pass of the worker: reminders, summaries, then housekeeping. Each failure is logged and the
 * next part runs anyway: a database hiccup in one must not cost the others their minute.
 */
export async function runTick(logger: Logger, passes: TickPasses): Promise<void> {
  try {
    const report = await passes.reminders();
    if (report.due > 0) logger.info(report, "claimed due reminders");
  } catch (error) {
    logger.error({ err: error }, "reminders pass failed");
  }
  try {
    const report = await passes.summaries?.();
    if (report && report.due > 0) logger.info(report, "claimed due summaries");
  } catch (error) {
    logger.error({ err: error }, "summaries pass failed");
  }
  try {
    const purged = await passes.housekeeping();
    if (Object.values(purged).some((count) => count > 0)) logger.info({ purged }, "purged expired records");
  } catch (error) {
    logger.error({ err: error }, "housekeeping failed");
  }
}

export interface RunningTick {
  stop(): Promise<void>;
}

/**
 * Runs the tick every minute. One task for everything (not one per user or reminder): no
 * overlap, so a slow pass delays the next instead of piling up; errors are logged, never fatal.
 */
export function startTick(deps: TickDependencies): RunningTick {
  const passes: TickPasses = {
    reminders: createReminderPass(deps.core, deps.clock, deps.send),
    summaries: deps.sendSummary && createSummaryPass(deps.core, deps.clock, deps.sendSummary),
    housekeeping: async () => ({ ...(await purgeExpiredRecords(deps.client, deps.clock.now())) }),
  };
  let inFlight: Promise<void> = Promise.resolve();
  const task = cron.schedule(
    "* * * * *",
    () => {
      inFlight = runTick(deps.logger, passes);
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
