import { createHash, randomBytes, randomInt } from "node:crypto";
import type { SecretSource } from "@habits/core";

/** Login codes and API keys from the operating system's secure random source; SHA-256 hashes. */
export const nodeSecrets: SecretSource = {
  randomToken: (bytes) => randomBytes(bytes).toString("base64url"),
  // randomInt draws without modulo bias, so every digit is equally likely.
  randomDigits: (count) => Array.from({ length: count }, () => String(randomInt(10))).join(""),
  hash: (secret) => createHash("sha256").update(secret, "utf8").digest("hex"),
};
