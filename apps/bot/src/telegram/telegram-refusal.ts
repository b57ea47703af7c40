// Telegram's refusal of a call (GrammyError: an error code and description), wherever it sits: a
// conversation wraps the errors of the calls made in it, so `instanceof` on the top error misses it.
import { GrammyError } from "grammy";

/** The first GrammyError in the error and its causes. */
export function telegramRefusalIn(error: unknown): GrammyError | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause instanceof GrammyError) return cause;
  }
  return undefined;
}
