import { createHash, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import type { SecretSource } from "@habits/core";

/** Names what the key derived from the server secret is for: never the same key as the JWTs'. */
const loginCodeKeyLabel = "habits login code hmac v1";

/**
 * Login codes, API keys and refresh tokens from the operating system's secure random source.
 * Tokens and keys are hashed with SHA-256: they hold 32 random bytes, so no one can try them all.
 * Login codes are 6 digits, a million values a plain hash gives back in a second; they are hashed
 * with HMAC-SHA256 under a key derived (HKDF) from the server secret, which the database does not
 * hold. Without a server secret (the worker, which neither issues nor checks codes) `codeHash`
 * refuses.
 */
export function createNodeSecrets(serverSecret?: string): SecretSource {
  const codeKey =
    serverSecret === undefined ? undefined : Buffer.from(hkdfSync("sha256", serverSecret, "", loginCodeKeyLabel, 32));
  return {
    randomToken: (bytes) => randomBytes(bytes).toString("base64url"),
    // randomInt draws without modulo bias, so every digit is equally likely.
    randomDigits: (count) => Array.from({ length: count }, () => String(randomInt(10))).join(""),
    hash: (secret) => createHash("sha256").update(secret, "utf8").digest("hex"),
    codeHash(code) {
      if (!codeKey) throw new Error("this process has no server secret (JWT_SECRET): it cannot issue or check codes");
      return createHmac("sha256", codeKey).update(code, "utf8").digest("hex");
    },
  };
}
