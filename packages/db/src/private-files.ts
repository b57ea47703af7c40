// The SQLite file holds every account: other local users must not read it. Its directory is made
// owner-only (0700) when this creates it, and the file owner-only (0600); SQLite gives its -wal,
// -shm and -journal files the database file's mode.
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname } from "node:path";

const ownerOnlyFile = 0o600;
const ownerOnlyDirectory = 0o700;
/** The files SQLite keeps beside the database. */
const companions = ["", "-wal", "-shm", "-journal"];

/**
 * Creates the SQLite file's directory and the file itself owner-only, and tightens the database's
 * existing files that group or others may read or write (an install from before this rule). An
 * existing directory keeps its mode: it may be shared (`/tmp`), and the files in it are private.
 * Returns one line for each file it tightened or could not tighten, for the log.
 */
export function keepSqliteFilesPrivate(file: string): string[] {
  mkdirSync(dirname(file), { recursive: true, mode: ownerOnlyDirectory });
  // An empty file is an empty SQLite database; creating it here fixes its mode before SQLite opens it.
  closeSync(openSync(file, "a", ownerOnlyFile));
  // Windows has no such modes (stat reports 0666 for every writable file): nothing to check there.
  if (process.platform === "win32") return [];
  const notes: string[] = [];
  for (const suffix of companions) {
    const path = `${file}${suffix}`;
    let mode: number;
    try {
      mode = statSync(path).mode & 0o777;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    if ((mode & 0o077) === 0) continue;
    const was = `0${mode.toString(8)}`;
    try {
      chmodSync(path, ownerOnlyFile);
      notes.push(`${path} had mode ${was}, readable by other local users: now 0600`);
    } catch {
      notes.push(`${path} has mode ${was}, readable by other local users, and could not be changed: chmod 600 it`);
    }
  }
  return notes;
}
