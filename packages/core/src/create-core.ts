import { createAccessService } from "./access/access-service.js";
import { createAnalyticsService } from "./analytics/analytics-service.js";
import { createCompletionService } from "./completions/completion-service.js";
import type { CoreDependencies } from "./core-dependencies.js";
import { createHabitService } from "./habits/habit-service.js";
import type { PasswordHasher } from "./ports/password-hasher.js";
import type { SecretSource } from "./ports/secrets.js";
import { createReminderService } from "./reminders/reminder-service.js";
import { createRewardService } from "./rewards/reward-service.js";
import { createSessionService } from "./sessions/session-service.js";
import { createSummaryService } from "./summaries/summary-service.js";
import { createTagService } from "./tags/tag-service.js";
import { createUserService } from "./users/user-service.js";

/** Every use case, over one set of dependencies: what the bot, the API and the reminders call. */
export function createCore(deps: CoreDependencies & { passwords: PasswordHasher; secrets: SecretSource }) {
  return {
    users: createUserService(deps),
    habits: createHabitService(deps),
    completions: createCompletionService(deps),
    rewards: createRewardService(deps),
    analytics: createAnalyticsService(deps),
    reminders: createReminderService(deps),
    access: createAccessService(deps),
    summaries: createSummaryService(deps),
    sessions: createSessionService(deps),
    tags: createTagService(deps),
  };
}

export type Core = ReturnType<typeof createCore>;
