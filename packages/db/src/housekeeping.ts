import type { DatabaseClient } from "./create-database.js";

/** How long short-lived records are kept once they can no longer matter. */
export const retention = {
  // Telegram redelivers an update for at most 24 hours; a week leaves a wide margin.
  processedUpdatesMs: 7 * 24 * 60 * 60 * 1000,
  // Clients retry a request within minutes; a day covers a device that was offline overnight.
  idempotencyKeysMs: 24 * 60 * 60 * 1000,
  // Expired codes and tokens are kept a day for the rate limits and reuse detection that read them.
  expiredCredentialsMs: 24 * 60 * 60 * 1000,
  // A summary claim only guards its own day or week against a second send; a month leaves a trail.
  summaryClaimsMs: 30 * 24 * 60 * 60 * 1000,
};

export interface PurgeReport {
  processedUpdates: number;
  idempotencyKeys: number;
  loginCodes: number;
  refreshTokens: number;
  summaryClaims: number;
}

/** Deletes records past their retention; safe to run on several instances at once. */
export async function purgeExpiredRecords(client: DatabaseClient, now: Date): Promise<PurgeReport> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const [processedUpdates, idempotencyKeys, loginCodes, refreshTokens, summaryClaims] = await Promise.all([
    client.processedUpdate.deleteMany({ where: { processedAt: { lt: before(retention.processedUpdatesMs) } } }),
    client.idempotencyKey.deleteMany({ where: { createdAt: { lt: before(retention.idempotencyKeysMs) } } }),
    client.loginCode.deleteMany({ where: { expiresAt: { lt: before(retention.expiredCredentialsMs) } } }),
    client.refreshToken.deleteMany({ where: { expiresAt: { lt: before(retention.expiredCredentialsMs) } } }),
    client.summaryClaim.deleteMany({ where: { claimedAt: { lt: before(retention.summaryClaimsMs) } } }),
  ]);
  return {
    processedUpdates: processedUpdates.count,
    idempotencyKeys: idempotencyKeys.count,
    loginCodes: loginCodes.count,
    refreshTokens: refreshTokens.count,
    summaryClaims: summaryClaims.count,
  };
}
