import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotApi, startFakeBotApi } from "../support/fake-bot-api.js";
import { startProductProcess } from "../support/product-process.js";

describe("pnpm start with BOT_TOKEN and TELEGRAM_API_ROOT", () => {
  let workingDirectory: string;
  let telegram: FakeBotApi;

  beforeAll(async () => {
    workingDirectory = mkdtempSync(join(tmpdir(), "habits-bot-"));
    telegram = await startFakeBotApi();
  });
  afterAll(async () => {
    await telegram.close();
    rmSync(workingDirectory, { recursive: true, force: true });
  });

  it("polls the given Bot API server, answers a message, and stops polling on SIGTERM", async () => {
    const token = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";
    const product = await startProductProcess({
      cwd: workingDirectory,
      env: { BOT_TOKEN: token, TELEGRAM_API_ROOT: telegram.apiRoot },
    });
    try {
      await telegram.waitForCall("getUpdates");
      telegram.pushUpdate({
        message: {
          message_id: 1,
          date: 1_700_000_000,
          chat: { id: 42, type: "private", first_name: "Ann" },
          from: { id: 42, is_bot: false, first_name: "Ann", language_code: "en" },
          text: "/start",
          entities: [{ type: "bot_command", offset: 0, length: 6 }],
        },
      });
      const reply = await telegram.waitForCall("sendMessage");
      expect(reply.payload.chat_id).toBe(42);
      expect(typeof reply.payload.text).toBe("string");
    } finally {
      expect(await product.stop("SIGTERM")).toBe(0);
    }
    expect(product.logs.some((line) => JSON.stringify(line).includes(token))).toBe(false);
  });
});
