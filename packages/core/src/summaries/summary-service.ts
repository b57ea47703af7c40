// The optional daily or weekly summary, over storage: which are due in a tick's window, claiming
// one before it is sent (exactly once across processes), and what it says. What the worker's
// minute tick calls; the bot words and sends it.
import { createAnalyticsService } from "../analytics/analytics-service.js";
import type { Completion } from "../completions/completion.js";
import type { CoreDependencies } from "../core-dependencies.js";
import type { SummaryToClaim } from "../ports/store.js";
import type { ReminderWindow } from "../reminders/reminders-due.js";
import type { LocalDate } from "../time/local-date.js";
import { isoWeekKey, periodOf } from "../time/periods.js";
import { localDateAt } from "../time/zone.js";
import { type DueSummary, dueSummaryOf, summaryKey } from "./summaries-due.js";
import { dailySummaryOf, type SummaryContent, type WeeklySummary } from "./summary-content.js";

const nothingClaimed: ReadonlySet<string> = new Set();

export function createSummaryService(deps: CoreDependencies) {
  const { store } = deps;
  const analytics = createAnalyticsService(deps);

  async function weekly(userId: string, sunday: LocalDate): Promise<WeeklySummary | undefined> {
    const week = periodOf("week", sunday);
    const found = await analytics.overview(userId, { from: week.start, to: week.end });
    if (!found) return undefined;
    const { overview } = found;
    // A habit that expected nothing this week and got nothing (it starts later) has nothing to say.
    const habits = found.habits
      .filter((habit) => habit.expected > 0 || habit.totalCompletions > 0)
      .map((habit) => ({
        habitId: habit.habitId,
        name: habit.name,
        completions: habit.totalCompletions,
        expected: habit.expected,
        achieved: habit.achieved,
        successRate: habit.successRate,
        currentStreak: habit.streak.current,
      }));
    return {
      kind: "weekly",
      week: isoWeekKey(sunday),
      from: week.start,
      to: week.end,
      habits,
      completions: overview.completions,
      expected: overview.expected,
      achieved: overview.achieved,
      successRate: overview.successRate,
      liveStreaks: overview.liveStreaks,
    };
  }

  return {
    /** The summaries due in the window `(after, until]`, not yet claimed: ordered by user id. */
    async due(window: ReminderWindow): Promise<DueSummary[]> {
      const possible = (await store.summaries.candidates()).flatMap((user) =>
        dueSummaryOf(user, window, nothingClaimed),
      );
      if (possible.length === 0) return [];
      const claimed = await store.summaries.claimedKeys(
        [...new Set(possible.map((summary) => summary.userId))],
        [...new Set(possible.map((summary) => summary.period))],
      );
      return possible.filter((summary) => !claimed.has(summaryKey(summary.userId, summary.kind, summary.period)));
    },

    /**
     * Claims a due summary before it is sent. True when this process won the claim and should
     * send it; false when it was claimed already.
     */
    claim(summary: SummaryToClaim, at: Date): Promise<boolean> {
      const { userId, kind, period } = summary;
      return store.summaries.claim({ userId, kind, period }, at);
    },

    /** Records that a claimed summary went out. */
    markSent(summary: SummaryToClaim, at: Date): Promise<void> {
      const { userId, kind, period } = summary;
      return store.summaries.markSent({ userId, kind, period }, at);
    },

    /**
     * What the summary says: the day it was due for (daily), or the ISO week ending on that Sunday
     * (weekly). Undefined when the user is gone.
     */
    async content(summary: Pick<DueSummary, "userId" | "kind" | "date">): Promise<SummaryContent | undefined> {
      if (summary.kind === "weekly") return weekly(summary.userId, summary.date);
      const user = await store.users.findById(summary.userId);
      if (!user) return undefined;
      const habits = await store.habits.list(user.id, { status: "active" });
      const histories = new Map<string, Completion[]>();
      for (const habit of habits) histories.set(habit.id, await store.completions.listForHabit(habit.id));
      return dailySummaryOf(summary.date, localDateAt(deps.clock.now(), user.timezone), habits, histories);
    },
  };
}

export type SummaryService = ReturnType<typeof createSummaryService>;
