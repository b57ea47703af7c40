import { createHash, createHmac, hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createNodeSecrets } from "./node-secrets.js";

const serverSecret = "node-secrets-test: q8Vw2mZ1xK9pL4tR7yB3nC6hJ0fD5sGe";
const nodeSecrets = createNodeSecrets(serverSecret);

describe("createNodeSecrets", () => {
  it("gives base64url tokens of the asked bytes, different each time", () => {
    const token = nodeSecrets.randomToken(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(nodeSecrets.randomToken(32)).not.toBe(token);
  });

  it("gives the asked number of digits, every digit turning up", () => {
    const digits = Array.from({ length: 200 }, () => nodeSecrets.randomDigits(6)).join("");
    expect(digits).toMatch(/^\d{1200}$/);
    // 1200 uniform digits miss one of the ten with a chance of about 10 × 0.9^1200 ≈ 10^-54.
    expect(new Set(digits)).toEqual(new Set("0123456789"));
  });

  it("hashes tokens and keys with SHA-256, as hex", () => {
    expect(nodeSecrets.hash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("hashes a login code with HMAC-SHA256 under a key derived from the server secret, not with SHA-256", () => {
    const code = "041725";
    const plain = createHash("sha256").update(code).digest("hex");
    const keyed = nodeSecrets.codeHash(code);
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed).not.toBe(plain);
    // Not keyed by the secret itself either: the derived key is the JWTs' key under another label.
    expect(keyed).not.toBe(createHmac("sha256", serverSecret).update(code).digest("hex"));
    const derived = Buffer.from(hkdfSync("sha256", serverSecret, "", "habits login code hmac v1", 32));
    expect(keyed).toBe(createHmac("sha256", derived).update(code).digest("hex"));
  });

  it("gives the same code hash for the same server secret in every process, another for another secret", () => {
    expect(createNodeSecrets(serverSecret).codeHash("123456")).toBe(nodeSecrets.codeHash("123456"));
    expect(createNodeSecrets(`${serverSecret}-other`).codeHash("123456")).not.toBe(nodeSecrets.codeHash("123456"));
    expect(nodeSecrets.codeHash("123457")).not.toBe(nodeSecrets.codeHash("123456"));
  });

  it("without a server secret, refuses to hash a code rather than fall back to a guessable hash", () => {
    expect(() => createNodeSecrets().codeHash("123456")).toThrow(/no server secret/);
  });
});
