// The Store contract on the Prisma store: a fresh SQLite file, or a fresh PostgreSQL database when
// DATABASE_URL=postgres://... is set.
import { createPrismaStore } from "@habits/db";
import { describeStoreContract } from "../support/store-contract.js";
import { dialect, openMigratedTestDatabase } from "../support/test-database.js";

describeStoreContract(`Prisma store on ${dialect}`, async () => {
  const { database, testDatabase } = await openMigratedTestDatabase();
  return {
    store: createPrismaStore(database),
    cleanup: async () => {
      await database.close();
      await testDatabase.drop();
    },
  };
});
