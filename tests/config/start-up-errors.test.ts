// End to end: a real `pnpm start:api` process with a wrong setting stops with exit code 1 and one
// line on stderr that names the variable, without echoing the value.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
const apiEntry = join(repositoryRoot, "apps/api/src/main.ts");
const botEntry = join(repositoryRoot, "apps/bot/src/main.ts");
const tsxLoader = import.meta.resolve("tsx");

function runApi(cwd: string, env: Record<string, string>, entry = apiEntry) {
  const child = spawn(process.execPath, ["--import", tsxLoader, entry], {
    cwd,
    // Only what the test gives: the developer's own settings must not leak in.
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("start-up with a wrong setting", () => {
  let workingDirectory: string;
  beforeAll(() => {
    workingDirectory = mkdtempSync(join(tmpdir(), "habits-start-up-"));
  });
  afterAll(() => {
    rmSync(workingDirectory, { recursive: true, force: true });
  });

  it("PORT=abc: the API exits 1 with exactly one stderr line naming PORT, without the value", async () => {
    const result = await runApi(workingDirectory, {
      PORT: "abc",
      DATABASE_URL: `file:${join(workingDirectory, "x.db")}`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^[^\n]+\n$/);
    expect(result.stderr).toMatch(/\bPORT\b/);
    expect(result.stderr).toContain("port number");
    expect(result.stderr).not.toContain("abc");
    expect(result.stdout).toBe("");
  });

  it("JWT_SECRET of 32 × a in production: exits 1 with one line saying it is guessable, without the value", async () => {
    const weak = "a".repeat(32);
    const result = await runApi(workingDirectory, {
      NODE_ENV: "production",
      JWT_SECRET: weak,
      DATABASE_URL: `file:${join(workingDirectory, "weak.db")}`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Invalid configuration: JWT_SECRET has fewer than 10 distinct characters[^\n]*\n$/);
    expect(result.stderr).not.toContain(weak);
    expect(result.stdout).toBe("");
  });

  it("a data/jwt-secret others may write: exits 1 with one line that says so", async () => {
    const directory = join(workingDirectory, "exposed");
    mkdirSync(join(directory, "data"), { recursive: true });
    const secret = "Z8kq1Lw4Rx7Vb2Nm5Tc9Hy3Jd6Fp0Gs-exposed";
    writeFileSync(join(directory, "data", "jwt-secret"), `${secret}\n`);
    chmodSync(join(directory, "data", "jwt-secret"), 0o666);
    const result = await runApi(directory, { DATABASE_URL: `file:${join(directory, "x.db")}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^Refusing the secret in \S+jwt-secret: other users may write it \(mode 0666\)[^\n]*\n$/,
    );
    expect(result.stderr).not.toContain(secret);
  });

  it("pnpm start:bot in production without JWT_SECRET: exits 1 with one line, as the API does (it issues codes the API checks)", async () => {
    const directory = join(workingDirectory, "bot");
    mkdirSync(directory);
    const result = await runApi(
      directory,
      {
        NODE_ENV: "production",
        BOT_TOKEN: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
        DATABASE_URL: `file:${join(directory, "bot.db")}`,
      },
      botEntry,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Invalid configuration: JWT_SECRET is required when NODE_ENV=production (at least 32 characters)\n",
    );
    expect(existsSync(join(directory, "data"))).toBe(false);
  });
});
