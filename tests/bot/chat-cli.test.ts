// `pnpm chat` as a newcomer uses it: the real entry point in a child process, lines on stdin, the
// chat on stdout. In each language: onboarding, a first habit, a reward, done, the streak, the win
// (the day's last habit wins when a reward is eligible), and the claim.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createI18n } from "@habits/bot";
import { afterAll, describe, expect, it } from "vitest";
import { htmlToText } from "../kit/index.js";

const chatEntry = fileURLToPath(new URL("../kit/chat.ts", import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const directory = mkdtempSync(join(tmpdir(), "habits-chat-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const i18n = createI18n();

/** Runs `pnpm chat` on a fresh database with these lines as the person's input; resolves with stdout. */
function chat(database: string, lines: string[]): Promise<string> {
  const child = spawn(process.execPath, ["--import", tsxLoader, chatEntry, "--db", database], {
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(`${lines.join("\n")}\n:quit\n`);
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`exit ${code}: ${stderr}`))));
  });
}

describe("pnpm chat", () => {
  it.each(["en", "ru", "kk"])("takes a newcomer in %s from /start to a claimed reward", async (language) => {
    const t = (key: string, args?: Record<string, string | number>) => htmlToText(i18n.t(language, key, args));
    const output = await chat(join(directory, `${language}.db`), [
      `:lang ${language}`,
      "/start",
      "r3", // Asia/Almaty
      "1", // ➕ Create my first habit
      "Read",
      "1", // every day
      "1", // no grace days
      "2", // weight 10
      "4", // no reminders
      "1", // save
      "/rewards",
      "1", // ➕ Add reward
      "Coffee",
      "1", // weight 1
      "1", // one piece
      "1", // recurring
      "1", // save
      "/done",
      "1", // Read
      "2", // 🎉 Claim (under ⬅️ Back)
      "/streaks",
    ]);
    expect(output).toContain(t("start-ready"));
    expect(output).toContain(t("done-logged", { habit: "Read", streak: 1 }));
    expect(output).toContain(t("done-reward-won", { reward: "Coffee", bar: "▰", earned: 1, required: 1 }));
    expect(output).toContain(t("reward-claimed", { name: "Coffee" }));
    expect(output).toContain(t("streaks-line", { habit: "Read", current: 1, longest: 1 }));
    expect(output).not.toContain("⚠");
  });
});
