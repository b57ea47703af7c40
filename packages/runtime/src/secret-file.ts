import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, type Stats, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ConfigError } from "./config.js";
import { weakSecretReason } from "./secret-strength.js";

/**
 * Reads a secret kept in a file, creating it (random, owner-only, in an owner-only directory) on
 * first use, so a development machine gets a stable secret without configuration and restarts keep
 * sessions valid.
 */
export function readOrCreateSecretFile(file: string): string {
  const existing = readSecret(file);
  if (existing !== undefined) return existing;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
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
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  // Checked before it is read: a secret someone else could have written is a key they know.
  const exposure = exposureOf(file, stats);
  if (exposure) throw new ConfigError(`Refusing the secret in ${file}: ${exposure}`);
  const content = readFileSync(file, "utf8").trim();
  const weakness = weakSecretReason(content);
  if (weakness)
    throw new ConfigError(`Refusing the secret in ${file}: it ${weakness}; delete the file to get a new one`);
  return content;
}

const mode = (stats: Stats) => `0${(stats.mode & 0o777).toString(8)}`;

/**
 * Why other local users could know or change the secret, or undefined. Another user's file, or one
 * that group or others may write, may hold their value; one that others may read may have leaked.
 * A group may read it (a deliberate secrets group). A directory everyone may write (without the
 * sticky bit) lets anyone swap the file; a group-writable one is the user's own group on systems
 * with umask 002, so it passes.
 */
function exposureOf(file: string, stats: Stats): string | undefined {
  // Windows has no such modes (stat reports 0666 for every writable file): its ACLs are not checked.
  if (process.platform === "win32") return undefined;
  const fix = "chmod 600 it if no one else wrote it, or delete it to get a new one (sessions then end)";
  const ownUid = process.getuid?.();
  if (ownUid !== undefined && stats.uid !== ownUid && stats.uid !== 0) {
    return "it belongs to another user, who could have written it; delete it to get a new one (sessions then end)";
  }
  if (stats.mode & 0o022) return `other users may write it (mode ${mode(stats)}); ${fix}`;
  if (stats.mode & 0o004) return `other users may read it (mode ${mode(stats)}); ${fix}`;
  const directory = statSync(dirname(file));
  if (directory.mode & 0o002 && !(directory.mode & 0o1000)) {
    return `other users may replace it: its directory has mode ${mode(directory)}; chmod 700 the directory`;
  }
  return undefined;
}
