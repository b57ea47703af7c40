// Passwords are at most 72 bytes of UTF-8 (issue 9, item 12): bcrypt reads no more, so a longer one
// would log in with anything after its 72nd byte. Refused on registration and password change with a
// message that names the unit; a 72-byte password works whole; an account that got a longer password
// before the rule still logs in with it.
import { createBcryptHasher } from "@habits/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, ApiClient } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

let running: RunningApi;
let api: ApiClient;
beforeAll(async () => {
  running = await startApi();
  api = running.api;
});
afterAll(async () => running.close());

const register = "/api/v1/auth/register";
const login = "/api/v1/auth/login";
const password = "/api/v1/users/me/password";
const tooLong = "must be at most 72 bytes (UTF-8)";

function expectTooLong(answer: Answer, field: string) {
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ code: "validation_failed", errors: { [field]: tooLong } });
}

// 19 emoji: 19 characters, 76 bytes. The 72 "a" and one more: the audit's reproduction.
const emoji19 = "😀".repeat(19);
const a72 = "a".repeat(72);

describe("registration", () => {
  it.each([
    { name: "19 emoji (76 bytes)", value: emoji19 },
    { name: "72 × a and one more", value: `${a72}x` },
  ])("refuses a password of $name, and makes no account", async ({ value }) => {
    const answer = await api.post(register, {
      username: "longpass",
      email: "longpass@example.com",
      password: value,
      confirmPassword: value,
    });
    expectTooLong(answer, "password");
    expect((await api.post(login, { username: "longpass", password: value })).status).toBe(401);
  });

  it("takes a password of exactly 72 bytes, and every byte of it counts", async () => {
    const value = `${"😀".repeat(17)}abcd`; // 68 + 4 bytes
    const { user } = await registerAccount(api, {
      username: "fullpass",
      email: "fullpass@example.com",
      password: value,
    });

    expect((await api.post(login, { username: "fullpass", password: value })).body.user.id).toBe(user.id);
    // Its last byte matters: bcrypt reads it.
    expect((await api.post(login, { username: "fullpass", password: `${"😀".repeat(17)}abce` })).status).toBe(401);
  });

  it("documents the limit in the OpenAPI document", async () => {
    const document = running.contract.document as unknown as {
      components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
    };
    expect(document.components.schemas.Registration?.properties.password?.description).toMatch(/72 bytes \(UTF-8\)/);
    expect(document.components.schemas.PasswordChange?.properties.newPassword?.description).toMatch(
      /72 bytes \(UTF-8\)/,
    );
  });
});

describe("password change", () => {
  it("refuses a new password over 72 bytes, and the old one still works", async () => {
    const session = await registerAccount(api);
    for (const value of [emoji19, `${a72}x`]) {
      const answer = await api.put(
        password,
        { currentPassword: session.password, newPassword: value },
        { token: session.accessToken },
      );
      expectTooLong(answer, "newPassword");
    }
    expect((await api.post(login, { username: session.user.username, password: session.password })).status).toBe(200);
  });
});

describe("an account whose password was set before the rule", () => {
  it("still logs in with the same long password (bcrypt compares its first 72 bytes, as when it was set)", async () => {
    const { user } = await registerAccount(api, { username: "legacy", email: "legacy@example.com" });
    const legacy = `${a72} and more that bcrypt never read`;
    // Written as an older version would have: bcrypt of the whole string, which reads 72 bytes.
    await running.database.client.user.update({
      where: { id: user.id },
      data: { passwordHash: await createBcryptHasher(4).hash(legacy) },
    });

    expect((await api.post(login, { username: "legacy", password: legacy })).status).toBe(200);
  });
});
