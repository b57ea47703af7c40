// Hand-made JWTs, to try what the API must refuse: other algorithms, `none`, other secrets, claims
// changed after signing.
import { createHmac } from "node:crypto";

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header = "", payload = ""] = token.split(".");
  return {
    header: JSON.parse(Buffer.from(header, "base64url").toString()),
    payload: JSON.parse(Buffer.from(payload, "base64url").toString()),
  };
}

/** A JWT signed with HMAC (`HS256`, `HS512`) or unsigned (`none`). */
export function forgeJwt(
  payload: Record<string, unknown>,
  options: { alg: "HS256" | "HS384" | "HS512" | "none"; secret?: string },
): string {
  const unsigned = `${base64url({ alg: options.alg, typ: "JWT" })}.${base64url(payload)}`;
  if (options.alg === "none") return `${unsigned}.`;
  const digest = { HS256: "sha256", HS384: "sha384", HS512: "sha512" }[options.alg];
  return `${unsigned}.${createHmac(digest, options.secret ?? "")
    .update(unsigned)
    .digest("base64url")}`;
}

/** The token with its payload replaced and the original signature kept. */
export function withPayload(token: string, payload: Record<string, unknown>): string {
  const [header, , signature] = token.split(".");
  return `${header}.${base64url(payload)}.${signature}`;
}
