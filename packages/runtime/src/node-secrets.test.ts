import { describe, expect, it } from "vitest";
import { nodeSecrets } from "./node-secrets.js";

describe("nodeSecrets", () => {
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

  it("hashes with SHA-256, as hex", () => {
    expect(nodeSecrets.hash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
