// JSON bodies: 100 kB at most, JSON media types only, parse errors as problems.
import express, { type RequestHandler } from "express";
import { type Problem, ProblemError, problem } from "./problem.js";

const bodyLimitBytes = 100 * 1024;

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

const parseJson = express.json({ limit: bodyLimitBytes, type: jsonMediaTypes });

/** Reads the JSON body of the methods that carry one; a GET's body is never read. */
export const parseJsonBody: RequestHandler = (request, response, next) => {
  if (methodsWithBody.has(request.method) || request.method === "DELETE") parseJson(request, response, next);
  else next();
};

/** The problem for an error body-parser raised, or undefined for any other error. */
export function bodyParserProblem(error: unknown): Problem | undefined {
  const type = typeof error === "object" && error !== null && "type" in error ? error.type : undefined;
  switch (type) {
    case "entity.parse.failed":
      return problem("malformed_json", "The request body is not valid JSON.");
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
