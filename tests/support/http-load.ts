// Clients that keep a server busy the way real ones do: keep-alive connections sending request
// after request, requests whose body is still on its way, and connections left idle in a pool.
// Every request's outcome is recorded, with whether it had been sent before a signal.
import { Agent, type ClientRequest, request as httpRequest } from "node:http";
import { connect, type Socket } from "node:net";

interface Outcome {
  label: string;
  /** The whole request had been written to the connection before `signalSent()`. */
  sentBeforeSignal: boolean;
  status?: number;
  /** The answer's `Connection` header. */
  connection?: string | undefined;
  body?: unknown;
  /** What went wrong instead of a whole answer: an error code (ECONNRESET...) or message. */
  error?: string;
  /** The answer had begun (status line and headers) when the error came: it was cut short. */
  cutShort?: boolean;
}

interface SlowRequest {
  /** Resolves once the headers and the first half of the body are written to the connection. */
  halfSent: Promise<void>;
  /** Sends the rest of the body. */
  finish(): void;
  outcome: Promise<Outcome>;
}

export interface Load {
  outcomes: Outcome[];
  /** Resolves once every loop has had `count` answers. */
  warmedUp(count: number): Promise<void>;
  /** Call right before sending the signal: later requests are not counted as sent before it. */
  signalSent(): void;
  /** A request whose body is half sent: in flight for as long as the test wants. */
  slowRequest(label: string): Promise<SlowRequest>;
  /** A keep-alive connection that answered once and now idles in its pool. */
  idleConnection(): Promise<Socket>;
  /** Ends the loops (after the server is gone) and waits for them. */
  stop(): Promise<void>;
}

const json = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Starts `loops` keep-alive clients, each sending the next request as soon as it has the last answer. */
export function startLoad(options: { port: number; token: string; loops: number }): Load {
  const outcomes: Outcome[] = [];
  let signalled = false;
  let stopped = false;
  const agents: Agent[] = [];

  const send = (
    agent: Agent,
    method: string,
    path: string,
    body?: unknown,
    hold?: (request: ClientRequest, payload: string) => void,
  ) => {
    const outcome: Outcome = { label: `${method} ${path}`, sentBeforeSignal: false };
    outcomes.push(outcome);
    const payload = body === undefined ? "" : JSON.stringify(body);
    const answered = new Promise<Outcome>((resolve) => {
      const request = httpRequest({
        host: "127.0.0.1",
        port: options.port,
        method,
        path,
        agent,
        headers: {
          authorization: `Bearer ${options.token}`,
          ...(body !== undefined && {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(payload),
          }),
        },
      });
      const fail = (error: Error) => {
        outcome.error ??= (error as NodeJS.ErrnoException).code ?? error.message;
        resolve(outcome);
      };
      request.once("finish", () => {
        outcome.sentBeforeSignal = !signalled;
      });
      request.once("error", fail);
      request.once("response", (response) => {
        const failMidAnswer = (error: Error) => {
          outcome.cutShort = true;
          fail(error);
        };
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.once("error", failMidAnswer);
        response.once("end", () => {
          if (!response.complete) return failMidAnswer(new Error("answer cut short"));
          outcome.status = response.statusCode ?? 0;
          outcome.connection = response.headers.connection;
          outcome.body = json(text);
          resolve(outcome);
        });
      });
      if (hold) hold(request, payload);
      else request.end(payload);
    });
    return answered;
  };

  const newAgent = () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    return agent;
  };

  const answersPerLoop: number[] = Array.from({ length: options.loops }, () => 0);
  const warmUpWaiters: Array<{ count: number; resolve: () => void }> = [];
  const loops = answersPerLoop.map(async (_, loop) => {
    const agent = newAgent();
    for (let n = 0; !stopped; n++) {
      // Reads and writes on the database, and the cheapest answer there is.
      const kind = (n + loop) % 3;
      const outcome =
        kind === 0
          ? await send(agent, "POST", "/api/v1/habits", { name: `load ${loop}-${n}` })
          : await send(agent, "GET", kind === 1 ? "/api/v1/habits?pageSize=5" : "/health");
      answersPerLoop[loop] = (answersPerLoop[loop] ?? 0) + 1;
      for (const waiter of warmUpWaiters.filter((item) => answersPerLoop.every((count) => count >= item.count))) {
        warmUpWaiters.splice(warmUpWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      // A client gives up once the server is gone; before the signal nothing may fail.
      if (outcome.error && signalled) return;
    }
  });

  return {
    outcomes,
    warmedUp: (count) =>
      new Promise((resolve) => {
        if (answersPerLoop.every((answers) => answers >= count)) resolve();
        else warmUpWaiters.push({ count, resolve });
      }),
    signalSent() {
      signalled = true;
    },
    async slowRequest(label) {
      const agent = newAgent();
      // First an answer on the connection, so the slow request goes out on a kept-alive one.
      await send(agent, "GET", "/health");
      let finish = () => {};
      let halfSent!: Promise<void>;
      const outcome = send(agent, "POST", "/api/v1/habits", { name: label }, (request, payload) => {
        const half = Math.floor(payload.length / 2);
        halfSent = new Promise((resolve) => request.write(payload.slice(0, half), () => resolve()));
        finish = () => request.end(payload.slice(half));
      });
      return { halfSent, finish: () => finish(), outcome };
    },
    async idleConnection() {
      const agent = newAgent();
      let socket: Socket | undefined;
      const outcome = await send(agent, "GET", "/health", undefined, (request) => {
        request.once("socket", (assigned) => {
          socket = assigned;
        });
        request.end();
      });
      if (!socket || outcome.status !== 200) throw new Error(`no idle connection: ${JSON.stringify(outcome)}`);
      return socket;
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
      for (const agent of agents) agent.destroy();
    },
  };
}

/** Registers an account on the API at `port`; resolves with its access token. */
export async function register(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      username: "loader",
      email: "loader@example.com",
      password: "a long enough password",
      confirmPassword: "a long enough password",
    }),
  });
  if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Whether a new connection to the port is refused (nothing listens there any more). */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}
