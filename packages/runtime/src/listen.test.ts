import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { listen } from "./listen.js";

const opened = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });

describe("listen: close", () => {
  it("is not held open by a connection that sent part of a request's headers and no more", async () => {
    const server = await listen((_request, response) => response.end("ok"), { port: 0, host: "127.0.0.1" });
    const socket = await opened(server.port);
    socket.on("error", () => undefined);
    // The request line and one header, never the blank line that ends the headers (a slow or hostile client).
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n");
    await new Promise((resolve) => setTimeout(resolve, 100));

    const started = Date.now();
    const outcome = await Promise.race([
      server.close().then(() => "closed"),
      new Promise((resolve) => setTimeout(() => resolve("still open"), 5000)),
    ]);
    expect(outcome).toBe("closed");
    expect(Date.now() - started).toBeLessThan(5000);
    socket.destroy();
  }, 10_000);

  it("still answers a request whose headers arrived, even when its body comes late", async () => {
    const server = await listen(
      (request, response) => {
        let body = "";
        request.on("data", (chunk) => {
          body += chunk;
        });
        request.on("end", () => response.end(`got ${body}`));
      },
      { port: 0, host: "127.0.0.1" },
    );
    const socket = await opened(server.port);
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    const ended = new Promise((resolve) => socket.once("close", resolve));
    socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = server.close();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    socket.write("cde");
    await closed;
    await ended;
    expect(answer).toContain("200 OK");
    expect(answer).toContain("got abcde");
    socket.destroy();
  }, 10_000);
});
