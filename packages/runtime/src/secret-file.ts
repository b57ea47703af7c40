import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const minimumLength = 32;

/**
 * Reads a secret kept in a file, creating it (random, owner-only) on first use, so a development
 * machine gets a stable secret without configuration and restarts keep sessions valid.
 */
export function readOrCreateSecretFile(file: string): string {
  const existing = readSecret(file);
  if (existing !== undefined) return existing;
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  // Written in full under a private name, then linked into place: the link either creates the
  // file with its whole content or fails because another process got there first. A reader never
  // sees a half-written secret.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${secret}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readSecret(file) ?? secret;
  } finally {
    unlinkSync(draft);
  }
}

function readSecret(file: string): string | undefined {
  let content: string;
  try {
    content = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  if (content.length < minimumLength) {
    throw new Error(`${file} holds a secret shorter than ${minimumLength} characters: delete it to get a new one`);
  }
  return content;
}
