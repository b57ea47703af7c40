// The other sides of a shutdown, each through its real start command: the bot's update in flight
// is finished before the database closes; the worker stops on `docker stop`; a shutdown that cannot
// finish is cut off at SHUTDOWN_TIMEOUT with a line that says so.
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeBotApi, startFakeBotApi } from "../support/fake-bot-api.js";
import { connectionRefused, register, startLoad } from "../support/http-load.js";
import { isListening, listeningPort, type StartedCommand, startCommand } from "../support/start-command.js";
import { createTestDatabase, dialect, type TestDatabase } from "../support/test-database.js";

const botToken = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";

describe(`stopping the start commands (${dialect})`, () => {
  let testDatabase: TestDatabase;
  let telegram: FakeBotApi | undefined;
  let command: StartedCommand | undefined;

  beforeEach(async () => {
    testDatabase = await createTestDatabase();
  });
  afterEach(async () => {
    command?.kill();
    command = undefined;
    await telegram?.close();
    telegram = undefined;
    await testDatabase.drop();
  });

  it("pnpm start with the bot: an update in flight when SIGTERM comes is finished before the exit", async () => {
    telegram = await startFakeBotApi();
    command = await startCommand(
      "start",
      { DATABASE_URL: testDatabase.url, BOT_TOKEN: botToken, TELEGRAM_API_ROOT: telegram.apiRoot },
      (line) => line.msg === "bot polling",
    );
    const started = command;
    await telegram.waitForCall("getUpdates");
    // The welcome of a first /start: its handler waits on Telegram's answer while the signal comes.
    const held = telegram.hold("sendMessage");
    telegram.pushUpdate({
      message: {
        message_id: 1,
        date: 1_700_000_000,
        chat: { id: 42, type: "private", first_name: "Ann" },
        from: { id: 42, is_bot: false, first_name: "Ann", language_code: "en" },
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    });
    await held.call;

    process.kill(-started.pid, "SIGTERM");
    await started.waitForLog((line) => line.msg === "shutting down");
    held.release();
    const exit = await started.exited;

    // The handler ran to its end: the onboarding conversation, waiting for a time zone, was saved.
    const database = createDatabase(parseDatabaseUrl(testDatabase.url, process.cwd()));
    const sessions = await database.client.botSession.findMany();
    await database.close();
    expect({ exit, survivors: await started.survivors(), sessions: sessions.map((session) => session.key) }).toEqual({
      exit: { code: 0, signal: null },
      survivors: [],
      sessions: [expect.stringMatching(/^conversation:/)],
    });
    expect(started.logs.filter((line) => Number(line.level) >= 40)).toEqual([]);
  });

  it("pnpm start:worker: SIGTERM to the top process (docker stop) stops it, exit 0, nothing left", async () => {
    command = await startCommand("start:worker", { DATABASE_URL: testDatabase.url }, (line) =>
      String(line.msg).startsWith("worker ticking"),
    );
    const started = command;
    process.kill(started.pid, "SIGTERM");
    const exit = await started.exited;
    expect({
      exit,
      survivors: await started.survivors(),
      stopped: started.logs.some((line) => line.msg === "stopped"),
    }).toEqual({ exit: { code: 0, signal: null }, survivors: [], stopped: true });
  });

  it("pnpm start:api: a request that never ends is cut off at SHUTDOWN_TIMEOUT, exit 1 with a line saying so", async () => {
    command = await startCommand("start:api", { DATABASE_URL: testDatabase.url, SHUTDOWN_TIMEOUT: "1" }, isListening);
    const started = command;
    const port = listeningPort(started);
    const load = startLoad({ port, token: await register(port), loops: 0 });
    // Half a body, and the rest never sent: the drain waits for it until the deadline.
    const stuck = await load.slowRequest("never finished");
    await stuck.halfSent;

    process.kill(-started.pid, "SIGTERM");
    const exit = await started.exited;
    await load.stop();
    const gaveUp = started.logs.find((line) => line.level === 50);
    expect({
      exit,
      survivors: await started.survivors(),
      portRefused: await connectionRefused(port),
      gaveUp: gaveUp?.msg,
    }).toEqual({
      exit: { code: 1, signal: null },
      survivors: [],
      portRefused: true,
      gaveUp: "shutdown did not finish within 1 s (SHUTDOWN_TIMEOUT): exiting anyway",
    });
    // The client saw its connection end without an answer (the forced exit is the one case that may).
    expect((await stuck.outcome).status).toBeUndefined();
  });
});
