// The bot while its PostgreSQL server is stopped (a throwaway cluster of the test's own): an update
// that meets the database down is answered with an apology in the person's language, the bot keeps
// running, and once the server is back the same command works. Through the webhook, Telegram is
// told 503 instead, and its redelivery is answered.
import { createApp, listen } from "@habits/api";
import { createWebhookHandler } from "@habits/bot";
import { createDatabase, type Database, parseDatabaseUrl } from "@habits/db";
import { createLogger } from "@habits/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountOf, createTelegramKit, htmlToText, onboard, type TelegramKit } from "../kit/index.js";
import {
  startThrowawayPostgres,
  type ThrowawayPostgres,
  throwawayPostgresUnavailable,
} from "../support/throwaway-postgres.js";

describe.skipIf(throwawayPostgresUnavailable)(
  `the bot while PostgreSQL is stopped${throwawayPostgresUnavailable ? `: skipped, ${throwawayPostgresUnavailable}` : ""}`,
  () => {
    let server: ThrowawayPostgres;
    let database: Database;
    let kit: TelegramKit;

    beforeAll(async () => {
      server = await startThrowawayPostgres();
      database = createDatabase(parseDatabaseUrl(server.url, process.cwd()), {
        limits: { statementTimeoutMs: 1_000, connectTimeoutMs: 1_000 },
      });
      await database.migrate();
      kit = await createTelegramKit({ database: { database } });
    }, 60_000);
    afterAll(async () => {
      await server?.remove();
      await kit?.close();
      await database?.close();
    });

    const text = (language: string, key: string) => htmlToText(kit.bot.i18n.t(language, key));

    it("webhook: an update the database cannot take answers Telegram 503 with Retry-After; redelivered later, it is answered", async () => {
      const user = kit.user();
      await onboard(user);
      await kit.core.habits.create((await accountOf(kit, user)).id, { name: "Read" });
      const secret = "webhook-secret_0123456789";
      const app = createApp({
        logger: createLogger({ level: "silent", pretty: false }),
        database,
        core: kit.core,
        jwt: { secret: "a-test-secret-that-is-at-least-32-characters-long" },
        cors: { origins: [] },
        webhooks: [{ path: "/telegram/webhook", handler: createWebhookHandler(kit.bot, secret) }],
      });
      const listening = await listen(app, { port: 0, host: "127.0.0.1" });
      const update = {
        update_id: 90_000_001,
        message: {
          message_id: 1,
          date: Math.floor(kit.clock.now().getTime() / 1000),
          chat: { id: user.id, type: "private", first_name: "Ann" },
          from: { id: user.id, is_bot: false, first_name: "Ann", language_code: "en" },
          text: "/done",
          entities: [{ type: "bot_command", offset: 0, length: 5 }],
        },
      };
      const deliver = () =>
        fetch(`http://127.0.0.1:${listening.port}/telegram/webhook`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
          body: JSON.stringify(update),
        });
      try {
        await server.stop();
        try {
          const refused = await deliver();
          expect(refused.status).toBe(503);
          expect(refused.headers.get("retry-after")).toBe("5");
          expect(await refused.json()).toMatchObject({ code: "database_unavailable" });
        } finally {
          await server.start();
        }
        expect((await deliver()).status).toBe(200);
        expect(user.lastMessage()?.text).toContain(text("en", "done-title"));
      } finally {
        await listening.close();
      }
    });

    it.each(["en", "ru"])(
      "apologises in %s and keeps running; the command works once the server is back",
      async (language) => {
        const user = kit.user({ languageCode: language });
        await onboard(user);
        await kit.core.habits.create((await accountOf(kit, user)).id, { name: "Read" });
        await server.stop();
        try {
          await user.command("done");
          expect(user.lastMessage()?.text).toBe(text(language, "error-generic"));
        } finally {
          await server.start();
        }
        await user.command("done");
        expect(user.lastMessage()?.text).toContain(text(language, "done-title"));
      },
    );
  },
);
