import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";

export interface RunningServer {
  port: number;
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

export function listen(app: Express, options: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(options.port, options.host, (error?: Error) => {
      if (error) return reject(error);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done, fail) => {
            // Keep-alive connections with no request in flight would hold close() open, and so would
            // those whose last request ends after this call: close them as they fall idle.
            const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
            server.close((closeError) => {
              clearInterval(closeIdle);
              if (closeError) fail(closeError);
              else done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
