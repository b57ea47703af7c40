/** Hashes passwords (bcrypt in production); the core never sees how. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * With a null hash (no such account, or no password), spends the time of a real comparison and
   * returns false, so a wrong username and a wrong password cannot be told apart by timing.
   */
  verify(password: string, hash: string | null): Promise<boolean>;
}
