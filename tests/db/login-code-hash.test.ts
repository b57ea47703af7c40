// Login codes are six digits: a plain SHA-256 of one in the database is reversed by trying the
// million codes. The store keeps an HMAC under a key derived from the server secret instead, so
// the database alone does not give the code away, and only a process holding that secret (the API
// and the bot, which read it alike) can issue or check one.
import { createHash } from "node:crypto";
import { createCore, defaultCoreSettings } from "@habits/core";
import { createPrismaStore, type Database } from "@habits/db";
import { createBcryptHasher, createNodeSecrets } from "@habits/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreOver, movableClock, testServerSecret } from "../support/core-on-database.js";
import { dialect, openMigratedTestDatabase, type TestDatabase } from "../support/test-database.js";

const clock = movableClock("2026-03-10T12:00:00Z");
const random = { next: () => 0.99 };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A core over the same database whose codes are keyed by another server secret. */
const coreWithSecret = (database: Database, serverSecret: string) =>
  createCore({
    store: createPrismaStore(database),
    clock,
    random,
    settings: defaultCoreSettings,
    passwords: createBcryptHasher(4),
    secrets: createNodeSecrets(serverSecret),
  });

describe(`login codes in the database (${dialect})`, () => {
  let database: Database;
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    ({ database, testDatabase } = await openMigratedTestDatabase());
  });
  afterAll(async () => {
    await database.close();
    await testDatabase.drop();
  });

  const telegramUser = async (id: number) => {
    const core = coreOver(database, { clock, random });
    return (await core.users.fromTelegram({ id, firstName: "Ann", languageCode: "en" })).user;
  };

  it("are stored as a keyed hash: neither the code nor its SHA-256 (which a million tries reverse)", async () => {
    const core = coreOver(database, { clock, random });
    const user = await telegramUser(9_100_001);
    const issued = await core.access.issueLoginCode(user.id);
    if (!issued.ok) throw new Error("no code issued");
    const row = await database.client.loginCode.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.codeHash).not.toContain(issued.value.code);
    expect(row.codeHash).not.toBe(sha256(issued.value.code));
    expect(await core.access.verifyLoginCode(user.id, issued.value.code)).toMatchObject({ ok: true });
  });

  it("a code issued under one server secret is checked by a process with the same secret, not another", async () => {
    const user = await telegramUser(9_100_002);
    const issuer = coreWithSecret(database, testServerSecret);
    const issued = await issuer.access.issueLoginCode(user.id);
    if (!issued.ok) throw new Error("no code issued");
    const otherServer = coreWithSecret(database, "another-server-secret: Vb7Lq2Wx9Zt4Kp1Rm8Nc3");
    expect(await otherServer.access.verifyLoginCode(user.id, issued.value.code)).toMatchObject({
      ok: false,
      reason: "code_invalid",
    });
    const sameSecretElsewhere = coreWithSecret(database, testServerSecret);
    expect(await sameSecretElsewhere.access.verifyLoginCode(user.id, issued.value.code)).toMatchObject({ ok: true });
  });
});
