// The in-memory store the core's unit tests use keeps the same contract as the Prisma store.
import { createInMemoryStore } from "@habits/core/testing";
import { describeStoreContract } from "../support/store-contract.js";

describeStoreContract("in memory", async () => ({ store: createInMemoryStore(), cleanup: async () => {} }));
