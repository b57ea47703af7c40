// The summaries part of the minute tick, on the core over the in-memory store: each pass claims the
// summaries that became due since the previous one and sends each once; and the tick's parts run
// on when one of them fails.
import { type Core, createCore, type DueSummary, defaultCoreSettings, type PasswordHasher } from "@habits/core";
import { createInMemoryStore } from "@habits/core/testing";
import { createNodeSecrets } from "@habits/runtime";
import { describe, expect, it } from "vitest";
import { createSummaryPass, runTick } from "./tick.js";

const noPasswords: PasswordHasher = { hash: async (password) => password, verify: async () => false };

/** A clock the test moves. */
function clockAt(start: string) {
  let current = new Date(start);
  return {
    now: () => new Date(current.getTime()),
    set(instant: string) {
      current = new Date(instant);
    },
  };
}

/** Ann in UTC with one habit and a daily summary at 21:00. */
async function setup(clock: { now: () => Date }): Promise<Core> {
  const store = createInMemoryStore({ now: clock.now });
  const core = createCore({
    store,
    clock,
    random: { next: () => 0.5 },
    settings: defaultCoreSettings,
    passwords: noPasswords,
    secrets: createNodeSecrets(),
  });
  const user = await store.users.create({ username: "ann", timezone: "UTC" });
  if (!(await core.habits.create(user.id, { name: "Stretch" })).ok) throw new Error("habit not created");
  const summary = await core.users.updateProfile(user.id, { reminders: { summary: { mode: "daily", time: "21:00" } } });
  if (!summary.ok) throw new Error("summary not set");
  return core;
}

/** A sender that records what it was asked to send and answers `result`. */
function recordingSender(result = true) {
  const sent: string[] = [];
  const send = async (summary: DueSummary) => {
    sent.push(`${summary.kind} ${summary.period}`);
    return result;
  };
  return { sent, send };
}

/** A logger that keeps the messages of its info and error calls. */
function recordingLogger() {
  const lines: string[] = [];
  const logger = {
    info: (_details: object, message: string) => lines.push(`info: ${message}`),
    error: (_details: object, message: string) => lines.push(`error: ${message}`),
  };
  return { lines, logger: logger as unknown as Parameters<typeof runTick>[0] };
}

describe("the summary pass of the tick", () => {
  it("claims and sends a due summary once, however often the pass runs, and on one instance only", async () => {
    const clock = clockAt("2026-03-10T20:59:30Z");
    const core = await setup(clock);
    const { sent, send } = recordingSender();
    const pass = createSummaryPass(core, clock, send);
    const otherInstance = createSummaryPass(core, clock, send);

    expect(await pass()).toEqual({ due: 0, claimed: 0, sent: 0 });
    clock.set("2026-03-10T21:00:30Z");
    expect(await pass()).toEqual({ due: 1, claimed: 1, sent: 1 });
    expect(await pass()).toEqual({ due: 0, claimed: 0, sent: 0 });
    expect(await otherInstance()).toEqual({ due: 0, claimed: 0, sent: 0 });
    expect(sent).toEqual(["daily 2026-03-10"]);

    // The next evening is the next summary.
    clock.set("2026-03-11T21:00:10Z");
    expect(await pass()).toEqual({ due: 1, claimed: 1, sent: 1 });
    expect(sent).toEqual(["daily 2026-03-10", "daily 2026-03-11"]);
  });

  it("a send that failed stays claimed: no second try, no flood later", async () => {
    const clock = clockAt("2026-03-10T21:00:30Z");
    const core = await setup(clock);
    const { sent, send } = recordingSender(false);
    const pass = createSummaryPass(core, clock, send);

    expect(await pass()).toEqual({ due: 1, claimed: 1, sent: 0 });
    clock.set("2026-03-10T21:01:30Z");
    expect(await pass()).toEqual({ due: 0, claimed: 0, sent: 0 });
    expect(sent).toEqual(["daily 2026-03-10"]);
  });

  it("after a failed pass, the next one covers the minutes it missed", async () => {
    const clock = clockAt("2026-03-10T20:58:30Z");
    const core = await setup(clock);
    const { sent, send } = recordingSender();
    let failing = false;
    const flaky: Pick<Core, "summaries"> = {
      summaries: {
        ...core.summaries,
        async due(window) {
          if (failing) throw new Error("database unavailable");
          return core.summaries.due(window);
        },
      },
    };
    const pass = createSummaryPass(flaky, clock, send);
    await pass();
    failing = true;
    clock.set("2026-03-10T21:00:30Z");
    await expect(pass()).rejects.toThrow("database unavailable");
    failing = false;
    clock.set("2026-03-10T21:03:30Z");
    expect(await pass()).toEqual({ due: 1, claimed: 1, sent: 1 });
    expect(sent).toEqual(["daily 2026-03-10"]);
  });
});

describe("one tick", () => {
  it("sends the summaries when the reminders pass fails, and keeps house when the summaries fail", async () => {
    const clock = clockAt("2026-03-10T21:00:30Z");
    const core = await setup(clock);
    const { sent, send } = recordingSender();
    const { lines, logger } = recordingLogger();
    let housekept = 0;

    await runTick(logger, {
      reminders: async () => {
        throw new Error("reminders down");
      },
      summaries: createSummaryPass(core, clock, send),
      housekeeping: async () => ({ purged: ++housekept }),
    });
    expect(sent).toEqual(["daily 2026-03-10"]);
    expect(lines).toEqual([
      "error: reminders pass failed",
      "info: claimed due summaries",
      "info: purged expired records",
    ]);

    lines.length = 0;
    await runTick(logger, {
      reminders: async () => ({ due: 0, claimed: 0 }),
      summaries: async () => {
        throw new Error("summaries down");
      },
      housekeeping: async () => {
        housekept++;
        return { purged: 0 };
      },
    });
    expect(lines).toEqual(["error: summaries pass failed"]);
    expect(housekept).toBe(2);
  });
});
