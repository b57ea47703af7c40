import type { SecretSource } from "../ports/secrets.js";

/** A SecretSource whose next codes a test chooses, so it can type the right one or a wrong one. */
export interface FakeSecrets extends SecretSource {
  /** The codes the next randomDigits calls return, in order; after them, counted codes again. */
  nextDigits(...codes: string[]): void;
}

/**
 * Predictable and transparent: tokens count up (`…0001`, `…0002`, at the length of real base64url
 * of that many bytes), digits come from the queue or count up (`000001`), and the hash is `h:` and
 * the secret (`c:` and the code for login codes), which differs from every secret yet shows in a failing test what was hashed.
 */
export function fakeSecrets(): FakeSecrets {
  let tokens = 0;
  let codes = 0;
  const queued: string[] = [];
  return {
    randomToken: (bytes) => String(++tokens).padStart(Math.ceil((bytes * 4) / 3), "0"),
    randomDigits(count) {
      const next = queued.shift() ?? String(++codes).padStart(count, "0");
      if (next.length !== count || !/^\d+$/.test(next)) throw new Error(`"${next}" is not ${count} digits`);
      return next;
    },
    hash: (secret) => `h:${secret}`,
    codeHash: (code) => `c:${code}`,
    nextDigits(...next) {
      queued.push(...next);
    },
  };
}
