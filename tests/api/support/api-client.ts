// HTTP calls to a running API; every answer is checked against the served OpenAPI document before
// the test sees it, so no test can pass on an answer the document does not describe.
import type { Contract } from "./openapi-contract.js";

// biome-ignore lint/suspicious/noExplicitAny: bodies are checked against the document, not the compiler
export type Json = any;

export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; the text when it is not JSON; undefined when empty. */
  body: Json;
  text: string;
}

interface RequestOptions {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with `contentType`. */
  raw?: string;
  contentType?: string;
  token?: string;
  apiKey?: string;
  headers?: Record<string, string>;
}

export interface ApiClient {
  request(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  get(path: string, options?: RequestOptions): Promise<Answer>;
  post(path: string, json?: unknown, options?: RequestOptions): Promise<Answer>;
  put(path: string, json?: unknown, options?: RequestOptions): Promise<Answer>;
  patch(path: string, json?: unknown, options?: RequestOptions): Promise<Answer>;
  delete(path: string, options?: RequestOptions): Promise<Answer>;
}

export function createApiClient(baseUrl: string, contract: Contract): ApiClient {
  async function request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["content-type"] ??= options.contentType ?? "application/json";
    } else if (options.raw !== undefined) {
      body = options.raw;
      if (options.contentType) headers["content-type"] = options.contentType;
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.apiKey) headers["x-api-key"] = options.apiKey;
    const response = await fetch(new URL(path, baseUrl), { method, headers, body });
    const text = await response.text();
    const answer = { status: response.status, headers: response.headers, text };
    contract.check(method, path, answer);
    const isJson = /[/+]json\b/.test(response.headers.get("content-type") ?? "");
    return { ...answer, body: text === "" ? undefined : isJson ? JSON.parse(text) : text };
  }
  return {
    request,
    get: (path, options) => request("GET", path, options),
    post: (path, json, options) => request("POST", path, { ...options, json }),
    put: (path, json, options) => request("PUT", path, { ...options, json }),
    patch: (path, json, options) => request("PATCH", path, { ...options, json }),
    delete: (path, options) => request("DELETE", path, options),
  };
}
