import { createServer, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RunningServer {
  port: number;
  /**
   * Drains, then resolves: stops accepting connections, answers every request already received
   * (with `Connection: close`), closes keep-alive connections as they fall idle.
   */
  close(): Promise<void>;
}

/**
 * Resolves after the event loop has taken in all the I/O that was waiting when it was called:
 * the poll phase under way reads every ready socket and accepts every waiting connection, and the
 * one after reads what those new connections already carry. Only then is an idle connection one
 * that has sent nothing, rather than one whose request sits unread in the kernel's buffer.
 */
function afterPendingIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
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
  // Answers begun before the drain whose headers are not written yet: they still get `Connection: close`.
  const unanswered = new Set<ServerResponse>();

  // Prepended, so it runs before the handler (which may answer at once).
  server.prependListener("request", (_request, response) => {
    if (draining) {
      response.setHeader("Connection", "close");
    } else {
      unanswered.add(response);
      response.once("close", () => unanswered.delete(response));
    }
    // An answer whose keep-alive header went out before the drain leaves its connection idle and
    // open when it ends: close it then (the client cannot have sent another request on it yet).
    response.once("close", () => {
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  let closing: Promise<void> | undefined;
  const drain = async () => {
    draining = true;
    for (const response of unanswered) if (!response.headersSent) response.setHeader("Connection", "close");
    await afterPendingIo();
    await new Promise<void>((resolve, reject) => {
      // Stops accepting and destroys the connections that are idle by now; the rest close as their
      // answers end (`Connection: close`), and the callback runs when the last one has.
      server.close((error) => (error ? reject(error) : resolve()));
    });
  };

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve({ port: (server.address() as AddressInfo).port, close: () => (closing ??= drain()) });
    });
  });
}
