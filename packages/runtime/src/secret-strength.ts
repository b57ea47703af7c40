// Whether a secret is obviously weak: one rule for JWT_SECRET and for the file that stands in for it.
export const minimumSecretLength = 32;
/** Fewer distinct characters than this is a word, a keyboard run or a placeholder, not a random value. */
const minimumDistinctCharacters = 10;
const advice = "use a random value such as the output of `openssl rand -base64 48`";

/**
 * Why a secret is too weak to sign with, or undefined when it will do. Obvious weakness only: too
 * short, too few distinct characters (32 × "a"), or a short pattern repeated ("0123456789" × 4).
 * The answer never contains the secret.
 */
export function weakSecretReason(secret: string): string | undefined {
  if (secret.length < minimumSecretLength) return `must be at least ${minimumSecretLength} characters (${advice})`;
  if (new Set(secret).size < minimumDistinctCharacters) {
    return `has fewer than ${minimumDistinctCharacters} distinct characters, so it is guessable (${advice})`;
  }
  if (repeatsAPattern(secret)) return `repeats a short pattern, so it is guessable (${advice})`;
  return undefined;
}

/** Whether the text is one shorter piece written at least twice over (`abcabcab…`). */
function repeatsAPattern(text: string): boolean {
  for (let period = 1; period <= text.length / 2; period++) {
    let repeats = true;
    for (let index = period; index < text.length && repeats; index++) repeats = text[index] === text[index - period];
    if (repeats) return true;
  }
  return false;
}
