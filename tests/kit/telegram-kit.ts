// Plays Telegram users against the real bot: updates go through grammY's own handling
// (bot.handleUpdate, as the runner and the webhook call it), the core runs on a real database, and
// a fake Bot API behind the bot's `client.fetch` answers and records every call.
import { createBot, type HabitBot } from "@habits/bot";
import type { Core, CoreSettings, RandomSource } from "@habits/core";
import type { Database } from "@habits/db";
import type { Logger } from "@habits/runtime";
import { BotError } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { coreOver, type MovableClock, movableClock } from "../support/core-on-database.js";
import { openMigratedTestDatabase, type TestDatabase } from "../support/test-database.js";
import type { BotApiCall } from "./chat-log.js";
import { createFakeTelegram } from "./fake-telegram.js";
import { createKitLogger } from "./kit-logger.js";
import { KitUser, type TelegramProfile } from "./telegram-user.js";

interface TelegramKitOptions {
  /** Default: a clock standing at 2026-03-10T09:00:00Z until moved. */
  clock?: MovableClock;
  /** Default: a source that always rolls 0.99 (no reward is drawn). */
  random?: RandomSource;
  /** The core's settings over the defaults (lower account limits, say). */
  coreSettings?: Partial<CoreSettings>;
  /** An open, migrated database to use (and leave open on close); default: a fresh test database. */
  database?: { database: Database; testDatabase?: TestDatabase };
  /** Default: one short stderr line per warning or error (KIT_LOG_LEVEL=<level>: full JSON records). */
  logger?: Logger;
}

export interface TelegramKit {
  /** What createBot returned (the current one after a restart): `bot.bot` is grammY's Bot. */
  readonly bot: HabitBot;
  readonly core: Core;
  readonly database: Database;
  readonly clock: MovableClock;
  /** A person; without an id, a new one each call. The language defaults to `en`. */
  user(profile?: TelegramProfile): KitUser;
  /** A new createBot on the same database and fake Telegram, as after a process restart. */
  restart(): Promise<void>;
  /** Every Bot API call of the bot, all chats included (setMyCommands...). */
  calls(): BotApiCall[];
  close(): Promise<void>;
}

const kitBotInfo: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: "Habits",
  username: "habits_kit_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

const kitBotToken = "7000000001:KIT-token-abcdefghijklmnopqrstuvwxyz0123";

let lastUserId = 100_000;

export async function createTelegramKit(options: TelegramKitOptions = {}): Promise<TelegramKit> {
  const clock = options.clock ?? movableClock("2026-03-10T09:00:00Z");
  const opened = options.database ?? (await openMigratedTestDatabase());
  const { database } = opened;
  const ownsDatabase = options.database === undefined;
  const core = coreOver(database, {
    clock,
    random: options.random ?? { next: () => 0.99 },
    ...(options.coreSettings && { settings: options.coreSettings }),
  });
  const logger = options.logger ?? createKitLogger();
  const telegram = createFakeTelegram(kitBotInfo, () => clock.now());
  // Processed update ids live in the database: continue after the highest, across restarts and kits.
  const newest = await database.client.processedUpdate.findFirst({ orderBy: { updateId: "desc" } });
  let lastUpdateId = Number(newest?.updateId ?? 0);

  const start = () =>
    createBot({
      token: kitBotToken,
      core,
      client: database.client,
      logger,
      botInfo: kitBotInfo,
      fetch: telegram.fetch,
      rateLimits: false,
    });
  let current = start();

  async function deliver(update: Omit<Update, "update_id">): Promise<void> {
    const full = { update_id: ++lastUpdateId, ...update } as Update;
    try {
      await current.bot.handleUpdate(full);
    } catch (error) {
      // What the runner does with an error that escaped the bot's error boundary.
      if (!(error instanceof BotError)) throw error;
      await current.bot.errorHandler(error);
    }
  }

  return {
    get bot() {
      return current;
    },
    core,
    database,
    clock,
    user(profile = {}) {
      const id = profile.id ?? ++lastUserId;
      const firstName = profile.firstName ?? "Ann";
      telegram.chat(id).firstName = firstName;
      return new KitUser(
        { telegram, now: () => clock.now(), deliver },
        { languageCode: "en", ...profile, id, firstName },
      );
    },
    async restart() {
      current = start();
    },
    calls: () => [...telegram.calls],
    async close() {
      if (!ownsDatabase) return;
      await database.close();
      await opened.testDatabase?.drop();
    },
  };
}
