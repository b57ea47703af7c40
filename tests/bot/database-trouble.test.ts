// The bot while its PostgreSQL server is stopped (a throwaway cluster of the test's own): an update
// that meets the database down is answered with an apology in the person's language, the bot keeps
// running, and once the server is back the same command works.
import { createDatabase, type Database, parseDatabaseUrl } from "@habits/db";
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
        statementTimeoutMs: 1_000,
        connectTimeoutMs: 1_000,
      });
      await database.migrate();
      kit = await createTelegramKit({ database: { database } });
    }, 60_000);
    afterAll(async () => {
      await kit?.close();
      await database?.close();
      await server?.remove();
    });

    const text = (language: string, key: string) => htmlToText(kit.bot.i18n.t(language, key));

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
