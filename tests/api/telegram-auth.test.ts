// Telegram logins through HTTP: the one-time code the bot sends (202 alike for every account,
// 5 wrong tries lock it), the Login Widget and Mini App init data (HMAC vectors computed here with
// node:crypto from the fake bot token; tampered, wrongly signed and stale data refused), the rate
// limits, and the answer without a bot.
import { createHash, createHmac } from "node:crypto";
import { accessLimits } from "@habits/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, ApiClient } from "./support/api-client.js";
import { fakeBotToken, type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

const auth = "/api/v1/auth/telegram";
const now = "2026-03-10T12:00:00Z";
const nowSeconds = Date.parse(now) / 1000;

let running: RunningApi;
let api: ApiClient;
beforeAll(async () => {
  running = await startApi({ now });
  api = running.api;
});

/** Asks for a code; the 202 comes first and the code is looked up and sent after it. */
async function askCode(body: Record<string, unknown>) {
  const answer = await api.post(`${auth}/code`, body);
  await running.background.idle();
  return answer;
}
afterAll(async () => running.close());

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ status, code });
}

let telegramIds = 500_000;
/** A Telegram account that has used the bot. */
async function telegramAccount(username?: string) {
  telegramIds += 1;
  const { user } = await running.core.users.fromTelegram({
    id: telegramIds,
    firstName: "Tg",
    languageCode: "ru",
    ...(username && { username }),
  });
  return { user, telegramId: telegramIds };
}

const lastCodeFor = (chatId: number) => running.sentLoginCodes.filter((sent) => sent.chatId === chatId).at(-1);

/** The data-check-string Telegram documents: every field but hash, `key=value`, sorted, "\n"-joined. */
const dataCheckString = (fields: Record<string, string | number>) =>
  Object.keys(fields)
    .filter((key) => key !== "hash")
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join("\n");

function signWidget(fields: Record<string, string | number>, token = fakeBotToken) {
  const secret = createHash("sha256").update(token).digest();
  return { ...fields, hash: createHmac("sha256", secret).update(dataCheckString(fields)).digest("hex") };
}

function signInitData(fields: Record<string, string>, token = fakeBotToken): string {
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  const hash = createHmac("sha256", secret).update(dataCheckString(fields)).digest("hex");
  return new URLSearchParams({ ...fields, hash }).toString();
}

describe("POST /auth/telegram/code and /verify", () => {
  it("sends a code to the account's chat, in its language; the code logs in once", async () => {
    const { user, telegramId } = await telegramAccount();
    const asked = await askCode({ telegramId });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ detail: expect.any(String), expiresIn: accessLimits.loginCodeTtlMinutes * 60 });
    const sent = lastCodeFor(telegramId);
    expect(sent).toEqual({ chatId: telegramId, code: expect.stringMatching(/^\d{6}$/), language: "ru" });

    const verified = await api.post(`${auth}/verify`, { telegramId, code: sent?.code });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ tokenType: "Bearer", user: { id: user.id, telegram: { id: telegramId } } });
    const me = await api.get("/api/v1/users/me", { token: verified.body.accessToken });
    expect(me.body.id).toBe(user.id);
    expectProblem(await api.post(`${auth}/verify`, { telegramId, code: sent?.code }), 401, "code_invalid");
  });

  it("finds the account by its Telegram username, @ and case aside", async () => {
    const { user, telegramId } = await telegramAccount("Code_Fan");
    expect((await askCode({ telegramUsername: "@code_fan" })).status).toBe(202);
    const sent = lastCodeFor(telegramId);
    const verified = await api.post(`${auth}/verify`, { telegramUsername: "CODE_FAN", code: ` ${sent?.code} ` });
    expect(verified.status).toBe(200);
    expect(verified.body.user.id).toBe(user.id);
  });

  it("answers an unknown account exactly as a known one, and sends nothing", async () => {
    const before = running.sentLoginCodes.length;
    const unknownId = await askCode({ telegramId: 999_999_999 });
    const unknownName = await askCode({ telegramUsername: "nobody_here" });
    const { telegramId } = await telegramAccount();
    const known = await askCode({ telegramId });
    expect(unknownId.status).toBe(202);
    expect(unknownId.body).toEqual(known.body);
    expect(unknownName.body).toEqual(known.body);
    expect(running.sentLoginCodes.length).toBe(before + 1);
    // Verifying for an unknown account reads like a wrong code for a known one.
    const unknownVerify = await api.post(`${auth}/verify`, { telegramId: 999_999_999, code: "123456" });
    const code = lastCodeFor(telegramId)?.code ?? "";
    const knownVerify = await api.post(`${auth}/verify`, { telegramId, code: code === "123456" ? "654321" : "123456" });
    expectProblem(unknownVerify, 401, "code_invalid");
    expect(unknownVerify.body).toEqual(knownVerify.body);
  });

  it("answers every refusal alike: wrong, used, locked and no account read the same", async () => {
    const { telegramId } = await telegramAccount();
    await askCode({ telegramId });
    const code = lastCodeFor(telegramId)?.code ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    const answers = [await api.post(`${auth}/verify`, { telegramId, code: wrong })];
    for (let index = 1; index < accessLimits.loginCodeMaxTries; index += 1) {
      await api.post(`${auth}/verify`, { telegramId, code: wrong });
    }
    answers.push(await api.post(`${auth}/verify`, { telegramId, code })); // locked
    answers.push(await api.post(`${auth}/verify`, { telegramId: 999_999_998, code })); // no such account
    answers.push(await api.post(`${auth}/verify`, { telegramUsername: "nobody_at_all", code: wrong }));
    for (const answer of answers) expectProblem(answer, 401, "code_invalid");
    expect(new Set(answers.map((answer) => JSON.stringify({ ...answer.body, instance: undefined }))).size).toBe(1);
  });

  it("answers 202 alike once the account's hourly codes are spent, and sends no more", async () => {
    const { telegramId } = await telegramAccount();
    for (let index = 0; index < accessLimits.loginCodesPerHour; index += 1) {
      await askCode({ telegramId });
    }
    const sent = running.sentLoginCodes.filter((item) => item.chatId === telegramId).length;
    expect(sent).toBe(accessLimits.loginCodesPerHour);
    expect((await askCode({ telegramId })).status).toBe(202);
    expect(running.sentLoginCodes.filter((item) => item.chatId === telegramId).length).toBe(sent);
  });

  it("counts wrong codes: the fifth locks the code, even for the right digits", async () => {
    const { telegramId } = await telegramAccount();
    await askCode({ telegramId });
    const code = lastCodeFor(telegramId)?.code ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    for (let index = 0; index < accessLimits.loginCodeMaxTries; index += 1) {
      expectProblem(await api.post(`${auth}/verify`, { telegramId, code: wrong }), 401, "code_invalid");
    }
    // Locked: the right digits are refused too, with the one answer every refusal gets.
    expectProblem(await api.post(`${auth}/verify`, { telegramId, code }), 401, "code_invalid");
  });

  it("refuses an expired code", async () => {
    const { telegramId } = await telegramAccount();
    await askCode({ telegramId });
    const code = lastCodeFor(telegramId)?.code;
    running.clock.set("2026-03-10T12:06:00Z");
    try {
      expectProblem(await api.post(`${auth}/verify`, { telegramId, code }), 401, "code_invalid");
    } finally {
      running.clock.set(now);
    }
  });

  it("refuses bodies that name no account, both, or a malformed code", async () => {
    for (const body of [{}, { telegramId: 1, telegramUsername: "x" }, { telegramId: -1 }, { telegramId: "1" }]) {
      expectProblem(await askCode(body), 400, "validation_failed");
    }
    expectProblem(await askCode({ telegramId: 1, chatId: 1 }), 400, "validation_failed");
    for (const code of ["12345", "1234567", "abcdef", ""]) {
      const answer = await api.post(`${auth}/verify`, { telegramId: 1, code });
      expectProblem(answer, 400, "validation_failed");
      expect(answer.body.errors).toHaveProperty("code");
    }
    expectProblem(await api.post(`${auth}/verify`, { code: "123456" }), 400, "validation_failed");
  });
});

describe("POST /auth/telegram/widget", () => {
  const widget = (id: number, extra: Record<string, string | number> = {}) =>
    signWidget({ id, first_name: "Wid", username: `widget_${id}`, auth_date: nowSeconds - 60, ...extra });

  it("makes the account on first contact, then logs into the same one", async () => {
    telegramIds += 1;
    const data = widget(telegramIds, { last_name: "Get", photo_url: "https://t.me/i/userpic/1.jpg" });
    const first = await api.post(`${auth}/widget`, data);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      tokenType: "Bearer",
      user: { name: "Wid Get", telegram: { id: telegramIds, username: `widget_${telegramIds}` }, hasPassword: false },
    });
    const again = await api.post(`${auth}/widget`, data);
    expect(again.body.user.id).toBe(first.body.user.id);
    expect((await api.get("/api/v1/users/me", { token: again.body.accessToken })).status).toBe(200);
  });

  it("logs into an existing Telegram account", async () => {
    const { user, telegramId } = await telegramAccount();
    const answer = await api.post(`${auth}/widget`, widget(telegramId));
    expect(answer.body.user.id).toBe(user.id);
  });

  it("refuses a tampered field, a wrong hash and another bot's signature", async () => {
    const { user, telegramId } = await telegramAccount();
    const data = widget(telegramId);
    expectProblem(await api.post(`${auth}/widget`, { ...data, id: telegramId + 1 }), 401, "telegram_data_invalid");
    expectProblem(
      await api.post(`${auth}/widget`, { ...data, username: "someone_else" }),
      401,
      "telegram_data_invalid",
    );
    expectProblem(await api.post(`${auth}/widget`, { ...data, auth_date: nowSeconds }), 401, "telegram_data_invalid");
    // A field added after signing is refused too (here: caught by the signature, not the schema).
    const { hash: _hash, ...unsigned } = data;
    expectProblem(
      await api.post(`${auth}/widget`, { ...unsigned, last_name: "Added", hash: data.hash }),
      401,
      "telegram_data_invalid",
    );
    const flipped = `${data.hash.slice(0, -1)}${data.hash.endsWith("0") ? "1" : "0"}`;
    expectProblem(await api.post(`${auth}/widget`, { ...data, hash: flipped }), 401, "telegram_data_invalid");
    expectProblem(await api.post(`${auth}/widget`, { ...data, hash: "not-hex" }), 401, "telegram_data_invalid");
    const otherBot = signWidget({ id: telegramId, auth_date: nowSeconds }, "654321:ANOTHER-bot");
    expectProblem(await api.post(`${auth}/widget`, otherBot), 401, "telegram_data_invalid");
    // Signed as a Mini App would be (the other secret): not a widget signature.
    const webAppStyle = createHmac("sha256", createHmac("sha256", "WebAppData").update(fakeBotToken).digest())
      .update(dataCheckString(unsigned))
      .digest("hex");
    expectProblem(await api.post(`${auth}/widget`, { ...unsigned, hash: webAppStyle }), 401, "telegram_data_invalid");
    expect(await running.core.users.get(user.id)).toEqual(user);
  });

  it("refuses data signed more than an hour ago, or too far ahead", async () => {
    telegramIds += 1;
    const stale = signWidget({ id: telegramIds, auth_date: nowSeconds - 3601 });
    expectProblem(await api.post(`${auth}/widget`, stale), 401, "telegram_data_expired");
    const ahead = signWidget({ id: telegramIds, auth_date: nowSeconds + 3600 });
    expectProblem(await api.post(`${auth}/widget`, ahead), 401, "telegram_data_expired");
    expect(await running.core.users.findByTelegram({ id: telegramIds })).toBeUndefined();
    const justInTime = signWidget({ id: telegramIds, auth_date: nowSeconds - 3600 });
    expect((await api.post(`${auth}/widget`, justInTime)).status).toBe(200);
  });

  it("refuses malformed data", async () => {
    const data = widget(42);
    const { hash: _hash, ...noHash } = data;
    expectProblem(await api.post(`${auth}/widget`, noHash), 400, "validation_failed");
    expectProblem(await api.post(`${auth}/widget`, { ...data, id: "42" }), 400, "validation_failed");
    expectProblem(await api.post(`${auth}/widget`, { ...data, is_admin: true }), 400, "validation_failed");
  });
});

describe("POST /auth/telegram/webapp", () => {
  const initData = (user: Record<string, unknown>, extra: Record<string, string> = {}) =>
    signInitData({
      query_id: "AAHdF6IQAAAAAN0XohDhrOrc",
      user: JSON.stringify(user),
      auth_date: String(nowSeconds - 60),
      ...extra,
    });

  it("makes the account on first contact, in the user's language, then logs into it", async () => {
    telegramIds += 1;
    const data = initData({ id: telegramIds, first_name: "Mini", username: "mini_app", language_code: "kk" });
    const first = await api.post(`${auth}/webapp`, { initData: data });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ name: "Mini", language: "kk", telegram: { id: telegramIds } });
    const again = await api.post(`${auth}/webapp`, { initData: data });
    expect(again.body.user.id).toBe(first.body.user.id);
  });

  it("refuses a tampered field, a wrong hash and the widget's secret", async () => {
    const { user, telegramId } = await telegramAccount();
    const data = initData({ id: telegramId, first_name: "Tg" });
    const params = new URLSearchParams(data);
    const tampered = new URLSearchParams(params);
    tampered.set("user", JSON.stringify({ id: telegramId + 1, first_name: "Tg" }));
    expectProblem(await api.post(`${auth}/webapp`, { initData: tampered.toString() }), 401, "telegram_data_invalid");
    const added = new URLSearchParams(params);
    added.set("start_param", "x");
    expectProblem(await api.post(`${auth}/webapp`, { initData: added.toString() }), 401, "telegram_data_invalid");
    const wrongHash = new URLSearchParams(params);
    wrongHash.set("hash", "0".repeat(64));
    expectProblem(await api.post(`${auth}/webapp`, { initData: wrongHash.toString() }), 401, "telegram_data_invalid");
    const fields = Object.fromEntries([...params].filter(([key]) => key !== "hash"));
    const widgetSecret = signWidget(fields).hash;
    expectProblem(
      await api.post(`${auth}/webapp`, { initData: new URLSearchParams({ ...fields, hash: widgetSecret }).toString() }),
      401,
      "telegram_data_invalid",
    );
    const otherBot = signInitData(fields, "654321:ANOTHER-bot");
    expectProblem(await api.post(`${auth}/webapp`, { initData: otherBot }), 401, "telegram_data_invalid");
    expect(await running.core.users.get(user.id)).toEqual(user);
  });

  it("refuses stale init data", async () => {
    telegramIds += 1;
    const stale = initData({ id: telegramIds }, { auth_date: String(nowSeconds - 3601) });
    expectProblem(await api.post(`${auth}/webapp`, { initData: stale }), 401, "telegram_data_expired");
  });

  it("refuses init data without a hash, a user or an auth_date, or with repeated fields", async () => {
    expectProblem(
      await api.post(`${auth}/webapp`, { initData: "user=%7B%7D&auth_date=1" }),
      401,
      "telegram_data_invalid",
    );
    const noUser = signInitData({ auth_date: String(nowSeconds) });
    expectProblem(await api.post(`${auth}/webapp`, { initData: noUser }), 401, "telegram_data_invalid");
    const badUser = signInitData({ auth_date: String(nowSeconds), user: "{not json" });
    expectProblem(await api.post(`${auth}/webapp`, { initData: badUser }), 401, "telegram_data_invalid");
    const noDate = signInitData({ user: JSON.stringify({ id: 5 }) });
    expectProblem(await api.post(`${auth}/webapp`, { initData: noDate }), 401, "telegram_data_invalid");
    const repeated = `${initData({ id: 5 })}&auth_date=1`;
    expectProblem(await api.post(`${auth}/webapp`, { initData: repeated }), 401, "telegram_data_invalid");
    expectProblem(await api.post(`${auth}/webapp`, { initData: "" }), 400, "validation_failed");
    expectProblem(await api.post(`${auth}/webapp`, {}), 400, "validation_failed");
  });
});

describe("rate limits", () => {
  it("limits codes per Telegram account, known or not: 429 with Retry-After", async () => {
    const limited = await startApi({ now, rateLimits: { telegramCodePerAccount: { limit: 2, windowMs: 60_000 } } });
    try {
      for (const body of [{ telegramId: 1 }, { telegramUsername: "Someone" }]) {
        await limited.api.post(`${auth}/code`, body);
        await limited.api.post(`${auth}/code`, body);
        const refused = await limited.api.post(`${auth}/code`, body);
        expectProblem(refused, 429, "rate_limited");
        expect(refused.headers.get("retry-after")).toBeTruthy();
      }
      expectProblem(await limited.api.post(`${auth}/code`, { telegramUsername: "@someone" }), 429, "rate_limited");
      expect((await limited.api.post(`${auth}/code`, { telegramId: 2 })).status).toBe(202);
    } finally {
      await limited.close();
    }
  });

  it("limits codes and checks per address", async () => {
    const limited = await startApi({
      now,
      rateLimits: {
        telegramCodePerIp: { limit: 2, windowMs: 60_000 },
        telegramVerifyPerIp: { limit: 2, windowMs: 60_000 },
        telegramSignedPerIp: { limit: 2, windowMs: 60_000 },
      },
    });
    try {
      for (const [path, body] of [
        ["code", (n: number) => ({ telegramId: n })],
        ["verify", (n: number) => ({ telegramId: n, code: "123456" })],
        ["widget", (n: number) => ({ id: n, auth_date: 1, hash: "0" })],
        ["webapp", (_n: number) => ({ initData: "a=b" })],
      ] as const) {
        // The widget and the Mini App share one counter: the widget's two used it up.
        const limit = path === "webapp" ? 0 : 2;
        for (let index = 0; index < limit; index += 1) {
          expect((await limited.api.post(`${auth}/${path}`, body(index + 10))).status).not.toBe(429);
        }
        expectProblem(await limited.api.post(`${auth}/${path}`, body(99)), 429, "rate_limited");
      }
    } finally {
      await limited.close();
    }
  });

  it("limits failed checks per Telegram account, so codes cannot be guessed from many addresses", async () => {
    const limited = await startApi({
      now,
      rateLimits: { telegramVerifyFailuresPerAccount: { limit: 3, windowMs: 60_000 } },
    });
    try {
      for (let index = 0; index < 3; index += 1) {
        expectProblem(await limited.api.post(`${auth}/verify`, { telegramId: 7, code: "123456" }), 401, "code_invalid");
      }
      expectProblem(await limited.api.post(`${auth}/verify`, { telegramId: 7, code: "123456" }), 429, "rate_limited");
      expectProblem(await limited.api.post(`${auth}/verify`, { telegramId: 8, code: "123456" }), 401, "code_invalid");
    } finally {
      await limited.close();
    }
  });
});

describe("without a bot", () => {
  it("answers 503 telegram_unavailable for codes and signed data; verify still checks codes", async () => {
    const botless = await startApi({ now, telegram: null });
    try {
      expectProblem(await botless.api.post(`${auth}/code`, { telegramId: 1 }), 503, "telegram_unavailable");
      expectProblem(
        await botless.api.post(`${auth}/widget`, signWidget({ id: 1, auth_date: nowSeconds })),
        503,
        "telegram_unavailable",
      );
      expectProblem(
        await botless.api.post(`${auth}/webapp`, { initData: signInitData({ auth_date: String(nowSeconds) }) }),
        503,
        "telegram_unavailable",
      );
      expectProblem(await botless.api.post(`${auth}/verify`, { telegramId: 1, code: "123456" }), 401, "code_invalid");
    } finally {
      await botless.close();
    }
  });
});

describe("a bare Telegram id", () => {
  it("is never a credential: nothing logs in with the id alone", async () => {
    const { telegramId } = await telegramAccount();
    expectProblem(
      await api.post("/api/v1/auth/login", { username: String(telegramId), password: "" }),
      401,
      "invalid_credentials",
    );
    expectProblem(
      await api.post(`${auth}/widget`, { id: telegramId, auth_date: nowSeconds, hash: "" }),
      401,
      "telegram_data_invalid",
    );
    expect((await registerAccount(api)).user.telegram).toBeNull();
  });
});
