// JSON bodies: 100 kB at most, JSON media types only, parse errors as problems.
import { isUtf8 } from "node:buffer";
import express, { type Request, type RequestHandler } from "express";
import { bodyLimitBytes } from "./input-limits.js";
import { type Problem, ProblemError, problem } from "./problem.js";

/** `application/json` and every `+json` type (merge-patch, json-patch, the hypermedia type). */
const jsonMediaTypes = ["application/json", "application/*+json"];

const methodsWithBody = new Set(["POST", "PUT", "PATCH"]);

/** 415 for a POST, PUT or PATCH whose body is not JSON; a request without a body passes. */
export const requireJsonBody: RequestHandler = (request, _response, next) => {
  // `is` answers null when there is no body, false when there is one of another type. An empty
  // body (Content-Length: 0, as clients send for a bare POST) counts as none.
  const empty = request.get("content-length") === "0";
  if (methodsWithBody.has(request.method) && !empty && request.is(jsonMediaTypes) === false) {
    throw new ProblemError(
      problem("unsupported_media_type", "Send the body as JSON, with Content-Type: application/json."),
    );
  }
  next();
};

const parseJson = express.json({
  limit: bodyLimitBytes,
  type: jsonMediaTypes,
  // The decoder would turn bytes that are not UTF-8 into U+FFFD and store them as such: refused
  // instead (body-parser calls it with the decoded Content-Encoding, before parsing).
  verify: (_request, _response, body) => {
    if (!isUtf8(body)) throw Object.assign(new Error("body is not UTF-8"), { type: "entity.verify.failed" });
  },
});

/** The Content-Encodings a body may come in (body-parser's); `identity` is none. */
const acceptedEncodings = "gzip, deflate, br";

/**
 * Reads the JSON body of the methods that carry one; a GET's body is never read. Every failure to
 * read it is a problem here, where it is known to be the body's: a body that is not in the
 * Content-Encoding it claims (a "gzip" body that is not gzip) is 400 malformed_encoding.
 */
export const parseJsonBody: RequestHandler = (request, response, next) => {
  if (!methodsWithBody.has(request.method) && request.method !== "DELETE") {
    next();
    return;
  }
  parseJson(request, response, (error?: unknown) => {
    if (error === undefined) next();
    else next(unreadableBody(error, request) ?? error);
  });
};

function unreadableBody(error: unknown, request: Request): ProblemError | undefined {
  const known = bodyParserProblem(error);
  if (known?.code === "unsupported_media_type" && errorType(error) === "encoding.unsupported") {
    const detail = `The Content-Encoding ${quoted(request.get("content-encoding"))} is not supported: send the body as is, or in ${acceptedEncodings}.`;
    return new ProblemError({ ...known, detail }, { "Accept-Encoding": acceptedEncodings });
  }
  if (known) return new ProblemError(known);
  const encoding = request.get("content-encoding")?.toLowerCase() ?? "identity";
  if (encoding !== "identity") {
    // The decompressor's own error (zlib's "incorrect header check"): the body is not what it says.
    return new ProblemError(
      problem(
        "malformed_encoding",
        `The request body is not valid ${quoted(encoding)} data, as its Content-Encoding says.`,
      ),
    );
  }
  return undefined;
}

const errorType = (error: unknown) =>
  typeof error === "object" && error !== null && "type" in error ? error.type : undefined;

/** A header value a client sent, shown short and quoted. */
const quoted = (value: string | undefined) => JSON.stringify((value ?? "").slice(0, 40));

/** The problem for an error body-parser raised, or undefined for any other error. */
export function bodyParserProblem(error: unknown): Problem | undefined {
  switch (errorType(error)) {
    case "entity.parse.failed":
      return problem("malformed_json", "The request body is not valid JSON.");
    case "entity.verify.failed":
      return problem("malformed_json", "The request body is not valid UTF-8: JSON is sent as UTF-8.");
    case "entity.too.large":
      return problem("payload_too_large", `The request body is larger than ${bodyLimitBytes / 1024} kB.`);
    case "encoding.unsupported":
    case "charset.unsupported":
      return problem("unsupported_media_type", "Send the body as UTF-8 JSON.");
    case "request.aborted":
    case "request.size.invalid":
      return problem("malformed_json", "The request body ended early or does not match its Content-Length.");
    default:
      return undefined;
  }
}
