import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createWebhookHandler } from "@habits/bot";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramKit, htmlToText, onboard, type TelegramKit, type TelegramUser } from "../kit/index.js";
import { dialect } from "../support/test-database.js";

const secret = "webhook-secret_0123456789";
const path = "/telegram/webhook";

describe(`the webhook route on ${dialect}`, () => {
  let kit: TelegramKit;
  let server: Server;
  let url: string;
  let ann: TelegramUser;
  // Update ids far above the kit's own, which go on from the database's highest.
  let updateId = 50_000_000;

  beforeAll(async () => {
    kit = await createTelegramKit();
    const app = express();
    // The handler is looked up per request: kit.bot is the current bot.
    app.post(path, express.json(), (request, response, next) =>
      createWebhookHandler(kit.bot, secret)(request, response, next),
    );
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
    ann = kit.user();
    await onboard(ann);
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await kit?.close();
  });

  const textUpdate = (text: string) => ({
    update_id: ++updateId,
    message: {
      message_id: updateId,
      date: Math.floor(kit.clock.now().getTime() / 1000),
      chat: { id: ann.id, type: "private", first_name: "Ann" },
      from: { id: ann.id, is_bot: false, first_name: "Ann", language_code: "en" },
      text,
    },
  });

  const post = (update: unknown, token: string | null = secret) =>
    fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token === null ? {} : { "x-telegram-bot-api-secret-token": token }),
      },
      body: JSON.stringify(update),
    });

  it("handles an update once when Telegram delivers it twice", async () => {
    const update = textUpdate("hello");
    const before = ann.messages().length;
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    const replies = ann.messages().slice(before);
    expect(replies.map((message) => message.text)).toEqual([htmlToText(kit.bot.i18n.t("en", "hint-free-text"))]);
  });

  it("handles an update once when two deliveries arrive at the same time", async () => {
    const update = textUpdate("hello twice");
    const before = ann.messages().length;
    const statuses = await Promise.all([post(update), post(update)]);
    expect(statuses.map((response) => response.status)).toEqual([200, 200]);
    expect(ann.messages()).toHaveLength(before + 1);
  });

  it("refuses a wrong or missing secret token and handles nothing", async () => {
    const update = textUpdate("hello again");
    const before = ann.messages().length;
    for (const token of ["wrong-secret-0123456789", null, ""]) {
      const response = await post(update, token);
      expect([401, 403], `token ${JSON.stringify(token)}`).toContain(response.status);
    }
    expect(ann.messages()).toHaveLength(before);
    // The refused deliveries did not use up the update id: the real one is handled.
    expect((await post(update)).status).toBe(200);
    expect(ann.messages()).toHaveLength(before + 1);
  });

  it("keeps dropping a redelivery after a restart", async () => {
    const update = textUpdate("once");
    expect((await post(update)).status).toBe(200);
    const count = ann.messages().length;
    await kit.restart();
    expect((await post(update)).status).toBe(200);
    expect(ann.messages()).toHaveLength(count);
  });
});
