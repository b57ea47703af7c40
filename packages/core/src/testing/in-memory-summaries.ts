// Summary claims, and the users a summary may be due for.
import type { SummaryRepository, SummaryToClaim } from "../ports/store.js";
import { summaryKey } from "../summaries/summaries-due.js";
import { compareText, notFound, type Scope, type SummaryClaimRow } from "./in-memory-state.js";
import { toUser } from "./in-memory-users.js";

const sameKey = (row: SummaryClaimRow, summary: SummaryToClaim) =>
  row.userId === summary.userId && row.kind === summary.kind && row.period === summary.period;

export function createSummaryRepository(scope: Scope): SummaryRepository {
  const find = (summary: SummaryToClaim) =>
    [...scope.state().summaryClaims.values()].find((row) => sameKey(row, summary));

  return {
    async candidates() {
      const state = scope.state();
      const withActiveHabit = new Set(
        [...state.habits.values()].filter((habit) => habit.archivedAt === null).map((habit) => habit.userId),
      );
      return [...state.users.values()]
        .filter(
          (user) =>
            user.reminders.summary.mode !== "off" && user.telegramBlockedAt === null && withActiveHabit.has(user.id),
        )
        .sort((a, b) => compareText(a.id, b.id))
        .map(toUser);
    },

    async claimedKeys(userIds, periods) {
      const users = new Set(userIds);
      const wanted = new Set(periods);
      const keys = new Set<string>();
      for (const row of scope.state().summaryClaims.values()) {
        if (users.has(row.userId) && wanted.has(row.period)) keys.add(summaryKey(row.userId, row.kind, row.period));
      }
      return keys;
    },

    async claim(summary, at) {
      const state = scope.state();
      if (!state.users.has(summary.userId)) throw notFound("user");
      if (find(summary)) return false;
      const row: SummaryClaimRow = {
        id: scope.newId("summary-claim"),
        userId: summary.userId,
        kind: summary.kind,
        period: summary.period,
        claimedAt: new Date(at.getTime()),
        sentAt: null,
      };
      state.summaryClaims.set(row.id, row);
      return true;
    },

    async markSent(summary, at) {
      const row = find(summary);
      if (row) row.sentAt = new Date(at.getTime());
    },
  };
}
