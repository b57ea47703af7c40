import type { DatabaseClient } from "./create-database.js";

/**
 * Records a Telegram update id; false when it was recorded before (a webhook redelivery), so the
 * update is handled once even across restarts and instances.
 */
export async function recordProcessedUpdate(client: DatabaseClient, updateId: number): Promise<boolean> {
  try {
    await client.processedUpdate.create({ data: { updateId: BigInt(updateId) } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}
