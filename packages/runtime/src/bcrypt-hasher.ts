import type { PasswordHasher } from "@habits/core";
import bcrypt from "bcryptjs";

/**
 * bcrypt with a cost of 10 (about 50–100 ms here). A dummy hash made at start-up stands in for
 * accounts without one, so every login attempt costs the same.
 */
export function createBcryptHasher(cost = 10): PasswordHasher {
  const dummy = bcrypt.hashSync("no account has this password", cost);
  return {
    hash: (password) => bcrypt.hash(password, cost),
    async verify(password, hash) {
      const matches = await bcrypt.compare(password, hash ?? dummy);
      return hash !== null && matches;
    },
  };
}
