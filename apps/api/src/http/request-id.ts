import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

// A caller's own id is kept when it looks like one, so logs can be joined across services.
const acceptableId = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFor(request: IncomingMessage, response: ServerResponse): string {
  const offered = request.headers["x-request-id"];
  const id = typeof offered === "string" && acceptableId.test(offered) ? offered : randomUUID();
  response.setHeader("X-Request-Id", id);
  return id;
}
