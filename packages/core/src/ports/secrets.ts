/**
 * Where credentials come from: unguessable tokens and codes, and the one-way hashes the store keeps
 * instead of them. Node's crypto in production (packages/runtime); a predictable fake in tests.
 */
export interface SecretSource {
  /** `bytes` crypto-secure random bytes as base64url without padding (ceil(4 × bytes / 3) characters). */
  randomToken(bytes: number): string;
  /** `count` crypto-secure digits, each 0–9 with equal chance. */
  randomDigits(count: number): string;
  /** SHA-256 of the secret, as 64 lowercase hex digits: for tokens and keys too random to try them all. */
  hash(secret: string): string;
  /**
   * HMAC-SHA256 of a login code under a key only the server knows, as 64 lowercase hex digits. Six
   * digits have a million values: a plain hash of one is reversed by trying them all.
   */
  codeHash(code: string): string;
}
