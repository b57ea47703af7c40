// Summary claims (SummaryClaim rows, unique on user, kind and period), and the users a summary may
// be due for.
import { randomUUID } from "node:crypto";
import { type SummaryKind, type SummaryRepository, summaryKey, UniqueViolation } from "@habits/core";
import type { StoreScope } from "./scope.js";
import { toUser } from "./user-rows.js";

/** Binary string order, the same on every database and in the in-memory store. */
const compareText = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

/** User ids per claimedKeys query: far below SQLite's limit on bound parameters. */
const idsPerQuery = 500;

export function summaryRepository(scope: StoreScope): SummaryRepository {
  const { db } = scope;
  return {
    async candidates() {
      const rows = await db.user.findMany({
        where: { summaryMode: { not: "off" }, telegramBlockedAt: null, habits: { some: { archivedAt: null } } },
        orderBy: { id: "asc" },
      });
      // Sorted again in code: a PostgreSQL collation must not reorder the ids.
      return rows.sort((a, b) => compareText(a.id, b.id)).map(toUser);
    },

    async claimedKeys(userIds, periods) {
      const keys = new Set<string>();
      if (periods.length === 0) return keys;
      const ids = [...new Set(userIds)];
      for (let start = 0; start < ids.length; start += idsPerQuery) {
        const rows = await db.summaryClaim.findMany({
          where: { userId: { in: ids.slice(start, start + idsPerQuery) }, period: { in: [...new Set(periods)] } },
          select: { userId: true, kind: true, period: true },
        });
        for (const row of rows) keys.add(summaryKey(row.userId, row.kind as SummaryKind, row.period));
      }
      return keys;
    },

    async claim(summary, at) {
      try {
        await scope.write((tx) =>
          tx.summaryClaim.create({
            data: {
              id: randomUUID(),
              userId: summary.userId,
              kind: summary.kind,
              period: summary.period,
              claimedAt: at,
            },
          }),
        );
        return true;
      } catch (error) {
        // Another process (or an earlier tick) claimed it first: the unique index decided.
        if (error instanceof UniqueViolation && error.rule === "summary_claim") return false;
        throw error;
      }
    },

    async markSent(summary, at) {
      const { userId, kind, period } = summary;
      await scope.write((tx) => tx.summaryClaim.updateMany({ where: { userId, kind, period }, data: { sentAt: at } }));
    },
  };
}
