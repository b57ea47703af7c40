// A password sent as a proof of identity (`currentPassword`, `password` on DELETE /users/me) is a
// guess like a login's: without a count, a stolen access or refresh token would be an unlimited
// password oracle beside the login limits (audit of issue 9). So those proofs go through the
// login throttle, under the key and address a login of the account counts under: one count for both.
import type { ProveIdentity } from "./credentials.js";
import { type LoginThrottle, throttledReply } from "./login-throttle.js";
import { ProblemError } from "./problem.js";
import { addressOf } from "./rate-limit.js";

/** `prove`, with each password proof counted by `throttle` (codes have their own tries). */
export function throttlePasswordProofs(prove: ProveIdentity, throttle: LoginThrottle): ProveIdentity {
  return async (principal, proof, passwordField, request) => {
    if (proof.password === undefined) return prove(principal, proof, passwordField, request);
    const checked = await throttle.attempt(
      // The key `core.users.startLogin` gives this account: its logins and these proofs count as one.
      `user:${principal.userId}`,
      addressOf(request),
      async () => {
        try {
          await prove(principal, proof, passwordField, request);
          return undefined;
        } catch (error) {
          // A wrong password is a failed guess; anything else (the database, say) counts nothing.
          if (error instanceof ProblemError && error.problem.code === "wrong_password") return error;
          throw error;
        }
      },
      (wrong) => wrong === undefined,
    );
    if (!checked.ok) {
      const reply = throttledReply(checked);
      throw new ProblemError(reply.problem, reply.headers);
    }
    if (checked.value) throw checked.value;
  };
}
