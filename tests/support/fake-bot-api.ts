// A local stand-in for api.telegram.org: answers the Bot API methods a bot needs to start and
// reply, queues updates for getUpdates (long polling), and records every call.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface FakeBotApi {
  /** The TELEGRAM_API_ROOT to give the bot. */
  apiRoot: string;
  calls: RecordedCall[];
  /** Queues an update for the next getUpdates. */
  pushUpdate(update: Record<string, unknown>): void;
  /** Resolves when a call of this method has been recorded. */
  waitForCall(method: string): Promise<RecordedCall>;
  /**
   * Leaves the next call of `method` unanswered until `release()`, so the bot's handler is in
   * flight for as long as a test wants; `call` resolves when that call has arrived.
   */
  hold(method: string): { call: Promise<RecordedCall>; release(): void };
  close(): Promise<void>;
}

const fakeBotUser = { id: 700000001, is_bot: true, first_name: "Habits", username: "habits_test_bot" };

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let body = "";
  for await (const chunk of request) body += chunk;
  return body ? (JSON.parse(body) as Record<string, unknown>) : {};
}

export async function startFakeBotApi(): Promise<FakeBotApi> {
  const calls: RecordedCall[] = [];
  const updates: Array<Record<string, unknown>> = [];
  let nextUpdateId = 1;
  const waiters: Array<{ method: string; resolve: (call: RecordedCall) => void }> = [];
  // getUpdates requests held open until an update arrives (long polling).
  const parked: Array<() => void> = [];
  const holds = new Map<string, { arrived: (call: RecordedCall) => void; released: Promise<void> }>();

  const server: Server = createServer(async (request, response) => {
    const method = request.url?.split("/").at(-1) ?? "";
    const payload = await readJson(request);
    const call = { method, payload };
    calls.push(call);
    for (const waiter of waiters.filter((item) => item.method === method)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
    const held = holds.get(method);
    if (held) {
      holds.delete(method);
      held.arrived(call);
      await held.released;
    }
    const answer = (result: unknown) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ ok: true, result }));
    };
    switch (method) {
      case "getMe":
        return answer(fakeBotUser);
      case "getUpdates": {
        const offset = Number(payload.offset ?? 0);
        const deliver = () => answer(updates.filter((update) => Number(update.update_id) >= offset));
        const longPoll = Number(payload.timeout ?? 0) > 0;
        if (!longPoll || updates.some((update) => Number(update.update_id) >= offset)) return deliver();
        parked.push(deliver);
        // The bot gave up on this request (it is stopping): forget it.
        response.on("close", () => {
          const index = parked.indexOf(deliver);
          if (index >= 0) parked.splice(index, 1);
        });
        return;
      }
      case "sendMessage":
        return answer({
          message_id: calls.length,
          date: 0,
          chat: { id: payload.chat_id, type: "private" },
          text: payload.text,
        });
      default:
        return answer(true);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    pushUpdate(update) {
      updates.push({ update_id: nextUpdateId++, ...update });
      for (const deliver of parked.splice(0)) deliver();
    },
    waitForCall(method) {
      const done = calls.find((call) => call.method === method);
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiters.push({ method, resolve }));
    },
    hold(method) {
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const call = new Promise<RecordedCall>((arrived) => holds.set(method, { arrived, released }));
      return { call, release };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
