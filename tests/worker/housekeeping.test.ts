import type { Database } from "@habits/db";
import { purgeExpiredRecords, retention } from "@habits/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedTestDatabase, type TestDatabase } from "../support/test-database.js";

const now = new Date("2026-03-29T01:30:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("purging expired records", () => {
  let database: Database;
  let testDatabase: TestDatabase;

  beforeAll(async () => {
    ({ database, testDatabase } = await openMigratedTestDatabase());
    await database.client.user.create({ data: { id: "u1" } });
  });
  afterAll(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it("deletes only what is past its retention", async () => {
    const { client } = database;
    await client.processedUpdate.createMany({
      data: [
        { updateId: 1n, processedAt: ago(retention.processedUpdatesMs + 1000) },
        { updateId: 2n, processedAt: ago(retention.processedUpdatesMs - 1000) },
      ],
    });
    const key = (id: string, createdAt: Date) => ({
      id,
      userId: "u1",
      key: id,
      method: "POST",
      path: "/x",
      requestHash: "h",
      createdAt,
    });
    await client.idempotencyKey.createMany({
      data: [key("old", ago(retention.idempotencyKeysMs + 1000)), key("fresh", ago(1000))],
    });
    await client.loginCode.createMany({
      data: [
        { id: "c-old", userId: "u1", codeHash: "x", expiresAt: ago(retention.expiredCredentialsMs + 1000) },
        { id: "c-live", userId: "u1", codeHash: "y", expiresAt: ago(-60_000) },
      ],
    });

    const summary = (id: string, period: string, claimedAt: Date) => ({
      id,
      userId: "u1",
      kind: "daily",
      period,
      claimedAt,
    });
    await client.summaryClaim.createMany({
      data: [
        summary("s-old", "2026-02-20", ago(retention.summaryClaimsMs + 1000)),
        summary("s-recent", "2026-03-28", ago(retention.summaryClaimsMs - 1000)),
      ],
    });

    const report = await purgeExpiredRecords(client, now);

    expect(report).toEqual({
      processedUpdates: 1,
      idempotencyKeys: 1,
      loginCodes: 1,
      refreshTokens: 0,
      summaryClaims: 1,
    });
    expect((await client.processedUpdate.findMany()).map((row) => row.updateId)).toEqual([2n]);
    expect((await client.idempotencyKey.findMany()).map((row) => row.id)).toEqual(["fresh"]);
    expect((await client.loginCode.findMany()).map((row) => row.id)).toEqual(["c-live"]);
    expect((await client.summaryClaim.findMany()).map((row) => row.id)).toEqual(["s-recent"]);
  });
});
