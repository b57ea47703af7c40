import { createServer, type RequestListener, type ServerResponse } from "node:http";
import { type AddressInfo, Server as NetServer, type Socket } from "node:net";

export interface RunningServer {
  port: number;
  /**
   * Drains, then resolves: stops accepting connections, answers every request already received
   * (with `Connection: close`), closes keep-alive connections as they fall idle.
   */
  close(): Promise<void>;
}

/**
 * How long, once draining, a connection that has sent part of a request but not all its headers
 * may take to finish them. Node counts such a connection as busy, so `closeIdleConnections` leaves
 * it, and one client that stops mid-headers would hold the close open until SHUTDOWN_TIMEOUT
 * (exit 1). A request whose headers arrived is never cut: it has its answer.
 */
const partialHeadersGraceMs = 1000;

/** Resolves in the check phase of this turn of the event loop, after its poll phase. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * An HTTP server on `handler` whose close loses no request it received. Node's own
 * `server.close()` destroys idle keep-alive connections at once, which resets a request that has
 * reached the machine but not yet the parser, and leaves busy ones open for the client's next
 * request after their answer: each of those is a reset a client sees as "socket hang up".
 */
export function listen(handler: RequestListener, options: { port: number; host: string }): Promise<RunningServer> {
  const server = createServer(handler);
  let draining = false;
  // Set once idle connections may be closed: from the drain's second turn on (see below).
  let closingIdle = false;
  // Answers begun before the drain whose headers are not written yet: they still get `Connection: close`.
  const unanswered = new Set<ServerResponse>();
  // Every open connection, and how many of its requests (headers received) are not answered yet.
  const connections = new Set<Socket>();
  const requestsInFlight = new WeakMap<Socket, number>();
  server.on("connection", (socket: Socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });

  // Prepended, so it runs before the handler (which may answer at once).
  server.prependListener("request", (request, response) => {
    const socket = request.socket;
    requestsInFlight.set(socket, (requestsInFlight.get(socket) ?? 0) + 1);
    response.once("close", () => requestsInFlight.set(socket, (requestsInFlight.get(socket) ?? 1) - 1));
    if (draining) {
      response.setHeader("Connection", "close");
    } else {
      unanswered.add(response);
      response.once("close", () => unanswered.delete(response));
    }
    // An answer whose keep-alive header went out before the drain leaves its connection idle and
    // open when it ends: close it then (the client cannot have sent another request on it yet).
    response.once("close", () => {
      if (closingIdle) setImmediate(() => server.closeIdleConnections());
    });
  });

  let closing: Promise<void> | undefined;
  const drain = async () => {
    draining = true;
    for (const response of unanswered) if (!response.headersSent) response.setHeader("Connection", "close");
    // The poll phase that brought the signal reads every ready socket and accepts every connection
    // waiting for the server: after it, new connections are refused (a clean error a client may
    // retry elsewhere), not accepted to be cut off. net's close, not http's: http's would also
    // destroy idle connections now, before the next poll reads what those just accepted carry.
    await nextTurn();
    const closed = new Promise<void>((resolve, reject) => {
      // Runs once the last connection has closed.
      NetServer.prototype.close.call(server, (error) => (error ? reject(error) : resolve()));
    });
    // Now an idle connection is one that has sent nothing: close those. The rest close as their
    // answers end (`Connection: close`).
    await nextTurn();
    closingIdle = true;
    server.closeIdleConnections();
    // A connection with no request in flight that is still open after the grace is one that began
    // a request and never finished its headers: nothing was received to answer, so it is closed.
    const stragglers = setInterval(() => {
      for (const socket of connections) if (!requestsInFlight.get(socket)) socket.destroy();
    }, partialHeadersGraceMs);
    stragglers.unref();
    try {
      await closed;
    } finally {
      clearInterval(stragglers);
    }
  };

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve({ port: (server.address() as AddressInfo).port, close: () => (closing ??= drain()) });
    });
  });
}
