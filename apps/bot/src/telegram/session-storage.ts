// Conversation state kept in the database (BotSession rows), so a restart in the middle of a flow
// continues where the person was.
import type { VersionedStateStorage } from "@grammyjs/conversations";
import type { DatabaseClient } from "@habits/db";

export function createDatabaseStorage<State>(client: DatabaseClient): VersionedStateStorage<string, State> {
  type Stored = Awaited<ReturnType<VersionedStateStorage<string, State>["read"]>>;
  return {
    async read(key) {
      const row = await client.botSession.findUnique({ where: { key } });
      return row ? (JSON.parse(row.value) as Stored) : undefined;
    },
    async write(key, state) {
      const value = JSON.stringify(state);
      await client.botSession.upsert({ where: { key }, create: { key, value }, update: { value } });
    },
    async delete(key) {
      await client.botSession.deleteMany({ where: { key } });
    },
  };
}
