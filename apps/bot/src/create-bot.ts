import { autoRetry } from "@grammyjs/auto-retry";
import { type ConversationData, conversations, createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { sequentialize } from "@grammyjs/runner";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import type { Core } from "@habits/core";
import { type DatabaseClient, recordProcessedUpdate } from "@habits/db";
import type { Logger } from "@habits/runtime";
import { Bot, type BotError, type Context, type BotConfig as GrammyBotConfig } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, FlowContext } from "./context.js";
import { changeTimezoneId, createChangeTimezone } from "./conversations/change-timezone.js";
import { createEditHabit, editHabitId } from "./conversations/edit-habit.js";
import { createNewApiKey, newApiKeyId } from "./conversations/new-api-key.js";
import { createNewHabit, newHabitId } from "./conversations/new-habit.js";
import { createOnboarding, onboardingId } from "./conversations/onboarding.js";
import { addRewardId, createAddReward, createEditReward, editRewardId } from "./conversations/reward-form.js";
import { createApiAccessFeature } from "./features/api-access.js";
import { createBackdateFeature } from "./features/backdate.js";
import { createCancelFeature } from "./features/cancel.js";
import { createDoneTodayFeature } from "./features/done-today.js";
import { createHabitsFeature } from "./features/habits.js";
import { createMenuFeature } from "./features/menu.js";
import { createRewardsFeature } from "./features/rewards.js";
import { createSettingsFeature } from "./features/settings.js";
import { createStartFeature } from "./features/start.js";
import { createStatsFeature } from "./features/stats.js";
import { createStreaksFeature } from "./features/streaks.js";
import { createUndoFeature } from "./features/undo.js";
import { createUnhandledFeature } from "./features/unhandled.js";
import { createI18n } from "./i18n.js";
import { accountMiddleware } from "./middleware/account.js";
import { createReminderButtonsFeature } from "./reminders/reminder-buttons.js";
import { createDatabaseStorage } from "./telegram/session-storage.js";
import { telegramRefusalIn } from "./telegram/telegram-refusal.js";
import { updateForLog } from "./telegram/update-for-log.js";

export interface BotDependencies {
  token: string;
  core: Core;
  /** Conversation state and processed update ids live in the database. */
  client: DatabaseClient;
  logger: Logger;
  /** A local Bot API server instead of api.telegram.org. */
  apiRoot?: string | undefined;
  /** Known bot identity, so tests need no getMe call. */
  botInfo?: UserFromGetMe;
  /** Replaces the HTTP transport, so tests can answer and record every Bot API call. */
  fetch?: NonNullable<GrammyBotConfig<Context>["client"]>["fetch"];
  /** Off in tests: retries and throttling wait on real time. */
  rateLimits?: boolean;
}

export interface HabitBot {
  bot: Bot<BotContext>;
  i18n: I18n<FlowContext>;
}

// Bump when a flow's steps change, so stored conversations of the old shape are dropped.
const conversationsVersion = 2;

/** The Telegram bot of BOT.md over the core services. */
export function createBot(deps: BotDependencies): HabitBot {
  const bot = new Bot<BotContext>(deps.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    client: {
      ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    },
  });
  if (deps.rateLimits !== false) {
    // 429s are retried after retry_after; outgoing calls stay under Telegram's limits.
    bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
    bot.api.config.use(apiThrottler());
  }
  const i18n = createI18n();
  const account = accountMiddleware(deps.core);

  // Once per update (webhook redeliveries change nothing), one at a time per chat.
  bot.use(async (ctx, next) => {
    if (await recordProcessedUpdate(deps.client, ctx.update.update_id)) await next();
  });
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.use(account, i18n);

  const guarded = bot.errorBoundary((error) => handleError(error, deps));
  guarded.use(
    conversations<BotContext, FlowContext>({
      storage: {
        type: "key",
        version: conversationsVersion,
        prefix: "conversation:",
        adapter: createDatabaseStorage<ConversationData>(deps.client),
      },
      // Inside a conversation every update is a fresh context: give it the account and translations again.
      plugins: [account, i18n],
    }),
  );
  guarded.use(createCancelFeature());
  guarded.use(createConversation(createOnboarding(deps.core), onboardingId));
  guarded.use(createConversation(createChangeTimezone(deps.core), changeTimezoneId));
  guarded.use(createConversation(createAddReward(deps.core), addRewardId));
  guarded.use(createConversation(createEditReward(deps.core), editRewardId));
  guarded.use(createConversation(createNewHabit(deps.core), newHabitId));
  guarded.use(createConversation(createEditHabit(deps.core), editHabitId));
  guarded.use(createConversation(createNewApiKey(deps.core), newApiKeyId));
  guarded.use(createStartFeature());
  guarded.use(createMenuFeature());
  guarded.use(createDoneTodayFeature(deps.core));
  guarded.use(createUndoFeature(deps.core));
  guarded.use(createStreaksFeature(deps.core));
  guarded.use(createStatsFeature(deps.core));
  guarded.use(createSettingsFeature(deps.core));
  guarded.use(createApiAccessFeature(deps.core));
  guarded.use(createBackdateFeature(deps.core));
  guarded.use(createRewardsFeature(deps.core));
  guarded.use(createHabitsFeature(deps.core));
  guarded.use(createReminderButtonsFeature(deps.core));
  guarded.use(createUnhandledFeature());

  bot.catch((error) => handleError(error, deps));
  return { bot, i18n };
}

/**
 * An update that failed: logged with what identifies the update (never a message text: see
 * updateForLog); the person gets a polite retry message; a 403 (they blocked the bot) marks them
 * unreachable until they write again. The bot keeps running.
 */
async function handleError(error: BotError<BotContext>, deps: BotDependencies): Promise<void> {
  const { ctx } = error;
  const cause = error.error;
  const update = updateForLog(ctx);
  if (telegramRefusalIn(cause)?.error_code === 403) {
    if (ctx.account) await deps.core.users.markTelegramBlocked(ctx.account.id, true).catch(() => undefined);
    deps.logger.info({ err: cause, update }, "the user blocked the bot: marked unreachable");
    return;
  }
  deps.logger.error({ err: cause, update }, "bot update failed");
  const apology = ctx.t ? ctx.t("error-generic") : "Something went wrong. Please try again.";
  // A tap is answered with the apology; when the handler had answered it already, it goes to the chat.
  const toasted = ctx.callbackQuery
    ? await ctx.answerCallbackQuery(apology).then(
        () => true,
        () => false,
      )
    : false;
  if (!toasted && ctx.chat) await ctx.reply(apology).catch(() => undefined);
}
