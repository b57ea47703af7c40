// Failed logins are counted so that guessing is slow and the owner is not locked out (issue 9,
// item 11): one account counts once however it is named; failures are limited per (account,
// address), so the guesser's address waits and the owner's does not; past the account's failures
// from every address, only addresses that logged into it before are heard. Over real HTTP, from
// addresses given in X-Forwarded-For (one trusted proxy), with the app's movable clock.
import { afterEach, describe, expect, it } from "vitest";
import type { Answer } from "./support/api-client.js";
import { type ApiOptions, type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

const now = "2026-03-10T12:00:00Z";
const minute = 60_000;

let running: RunningApi | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(rateLimits: ApiOptions["rateLimits"]) {
  running = await startApi({ now, trustProxy: 1, rateLimits });
  return running;
}

const from = (address: string) => ({ headers: { "x-forwarded-for": address } });

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ status, code });
}

const later = (app: RunningApi, ms: number) => app.clock.set(new Date(app.clock.now().getTime() + ms).toISOString());

describe("POST /auth/login", () => {
  const login = (app: RunningApi, address: string, body: Record<string, string>) =>
    app.api.post("/api/v1/auth/login", body, from(address));

  it("counts the username and the email of one account as one account", async () => {
    const app = await start({ loginFailuresPerAccountAddress: { limit: 3, windowMs: 15 * minute } });
    const account = await registerAccount(app.api, { username: "olga", email: "olga@example.com" });
    const attacker = "203.0.113.7";

    expectProblem(await login(app, attacker, { username: "olga", password: "guess one" }), 401, "invalid_credentials");
    expectProblem(
      await login(app, attacker, { email: "OLGA@example.com", password: "guess two" }),
      401,
      "invalid_credentials",
    );
    expectProblem(
      await login(app, attacker, { username: "Olga", password: "guess three" }),
      401,
      "invalid_credentials",
    );

    // Three guesses at one account, under either name: the fourth waits, whichever name it uses.
    const refused = await login(app, attacker, { email: "olga@example.com", password: "guess four" });
    expectProblem(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBe(15 * 60);
    expect(refused.headers.get("ratelimit-limit")).toBe("3");
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expectProblem(await login(app, attacker, { username: "olga", password: account.password }), 429, "rate_limited");
  });

  it("locks the guesser's address, not the owner: the right password from another address logs in", async () => {
    const app = await start({ loginFailuresPerAccountAddress: { limit: 5, windowMs: 15 * minute } });
    const account = await registerAccount(app.api, { username: "pavel", email: "pavel@example.com" });
    const attacker = "203.0.113.8";
    const owner = "198.51.100.20";

    for (let guess = 0; guess < 5; guess += 1) {
      expectProblem(
        await login(app, attacker, { username: "pavel", password: `guess ${guess}` }),
        401,
        "invalid_credentials",
      );
    }
    expectProblem(await login(app, attacker, { username: "pavel", password: account.password }), 429, "rate_limited");

    const owners = await login(app, owner, { username: "pavel", password: account.password });
    expect(owners.status).toBe(200);
    expect(owners.body.user.id).toBe(account.user.id);
    // A typo of the owner's own counts for the owner's address only.
    expectProblem(
      await login(app, owner, { email: "pavel@example.com", password: "typo" }),
      401,
      "invalid_credentials",
    );
    expect((await login(app, owner, { email: "pavel@example.com", password: account.password })).status).toBe(200);
  });

  it("the address may try again once its failures are older than the window", async () => {
    const app = await start({ loginFailuresPerAccountAddress: { limit: 2, windowMs: 15 * minute } });
    const account = await registerAccount(app.api, { username: "quinn", email: "quinn@example.com" });
    const address = "203.0.113.9";
    await login(app, address, { username: "quinn", password: "wrong one" });
    later(app, 5 * minute);
    await login(app, address, { username: "quinn", password: "wrong two" });
    expectProblem(await login(app, address, { username: "quinn", password: account.password }), 429, "rate_limited");

    // The first failure ages out 15 minutes after it was made: one more try, then the second one's turn.
    later(app, 10 * minute + 1000);
    expect((await login(app, address, { username: "quinn", password: account.password })).status).toBe(200);
  });

  it("a success clears its address's failures", async () => {
    const app = await start({ loginFailuresPerAccountAddress: { limit: 3, windowMs: 15 * minute } });
    const account = await registerAccount(app.api, { username: "rosa", email: "rosa@example.com" });
    const address = "203.0.113.10";
    for (let round = 0; round < 3; round += 1) {
      await login(app, address, { username: "rosa", password: "typo one" });
      await login(app, address, { username: "rosa", password: "typo two" });
      expect((await login(app, address, { username: "rosa", password: account.password })).status).toBe(200);
    }
  });

  it("guesses sent at once cannot all slip under the limit", async () => {
    const app = await start({ loginFailuresPerAccountAddress: { limit: 3, windowMs: 15 * minute } });
    await registerAccount(app.api, { username: "sven", email: "sven@example.com" });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, guess) =>
        login(app, "203.0.113.11", { username: "sven", password: `parallel ${guess}` }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(7);
  });

  it("many addresses together: past the account's failures only addresses it logged in from are heard", async () => {
    const app = await start({
      loginFailuresPerAccountAddress: { limit: 5, windowMs: 15 * minute },
      loginFailuresPerAccount: { limit: 4, windowMs: 24 * 60 * minute },
    });
    const account = await registerAccount(app.api, { username: "tove", email: "tove@example.com" });
    const home = "198.51.100.30";
    expect((await login(app, home, { username: "tove", password: account.password })).status).toBe(200);

    // Four guesses from four addresses: the account's budget for the day.
    for (let bot = 1; bot <= 4; bot += 1) {
      expectProblem(
        await login(app, `203.0.113.${100 + bot}`, { username: "tove", password: `guess ${bot}` }),
        401,
        "invalid_credentials",
      );
    }
    // A fifth address is not heard, whatever it sends; an unknown name is counted alike elsewhere.
    expectProblem(await login(app, "203.0.113.105", { username: "tove", password: "guess 5" }), 429, "rate_limited");
    expectProblem(
      await login(app, "203.0.113.106", { email: "tove@example.com", password: account.password }),
      429,
      "rate_limited",
    );

    // The owner at home still gets in with the right password.
    expect((await login(app, home, { username: "tove", password: account.password })).status).toBe(200);

    // A day later the budget is back for everyone.
    later(app, 24 * 60 * minute + 1000);
    expect((await login(app, "203.0.113.106", { username: "tove", password: account.password })).status).toBe(200);
  });

  it("an unknown name is counted like an account, so the limits tell nothing", async () => {
    const app = await start({ loginFailuresPerAccountAddress: { limit: 2, windowMs: 15 * minute } });
    await registerAccount(app.api, { username: "ulla", email: "ulla@example.com" });
    const statuses = async (username: string) => {
      const seen: number[] = [];
      for (let guess = 0; guess < 3; guess += 1) {
        seen.push((await login(app, "203.0.113.12", { username, password: `guess ${guess}` })).status);
      }
      return seen;
    };
    expect(await statuses("ulla")).toEqual([401, 401, 429]);
    expect(await statuses("nobody-here")).toEqual([401, 401, 429]);
  });
});

describe("POST /auth/telegram/verify", () => {
  const verify = (app: RunningApi, address: string, body: Record<string, unknown>) =>
    app.api.post("/api/v1/auth/telegram/verify", body, from(address));

  it("counts the Telegram id and username of one account as one; the guesser waits, the owner gets in", async () => {
    const app = await start({ telegramVerifyFailuresPerAccountAddress: { limit: 3, windowMs: 15 * minute } });
    const { user } = await app.core.users.fromTelegram({ id: 6001, username: "Vera_T", firstName: "Vera" });
    expect((await app.api.post("/api/v1/auth/telegram/code", { telegramId: 6001 })).status).toBe(202);
    await app.background.idle();
    const code = app.sentLoginCodes.at(-1)?.code ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    const attacker = "203.0.113.20";

    expectProblem(await verify(app, attacker, { telegramId: 6001, code: wrong }), 401, "code_invalid");
    expectProblem(await verify(app, attacker, { telegramUsername: "@vera_t", code: wrong }), 401, "code_invalid");
    expectProblem(await verify(app, attacker, { telegramUsername: "VERA_T", code: wrong }), 401, "code_invalid");
    expectProblem(await verify(app, attacker, { telegramId: 6001, code }), 429, "rate_limited");

    const owners = await verify(app, "198.51.100.40", { telegramId: 6001, code });
    expect(owners.status).toBe(200);
    expect(owners.body.user.id).toBe(user.id);
  });
});

describe("login names the limits keep", () => {
  it("a name longer than any account's is refused (400) before it is counted: no client can store 100 kB keys", async () => {
    const app = await start({ loginFailuresPerAccountAddress: { limit: 3, windowMs: 15 * minute } });
    const long = "x".repeat(50_000);
    for (const body of [
      { username: long, password: "whatever it is" },
      { email: `${long}@example.com`, password: "whatever it is" },
    ]) {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        statuses.push((await app.api.post("/api/v1/auth/login", body, from("203.0.113.9"))).status);
      }
      expect(statuses).toEqual([400, 400, 400, 400, 400]);
    }
  });
});

describe("the current password sent as a proof of identity (an account change)", () => {
  // A stolen access token (or refresh token) must not be a password oracle that skips the login
  // limits: every proof by password is a guess, counted with the logins of the account and address.
  it("counts wrong passwords with the logins: the guesser's address waits, the owner's does not", async () => {
    const app = await start({ loginFailuresPerAccountAddress: { limit: 5, windowMs: 15 * minute } });
    const account = await registerAccount(app.api, { username: "vera", email: "vera@example.com" });
    const attacker = "203.0.113.30";
    const mint = (address: string, currentPassword: string) =>
      app.api.post(
        "/api/v1/users/me/api-keys",
        { name: "mine", currentPassword },
        { token: account.accessToken, ...from(address) },
      );

    for (let guess = 0; guess < 5; guess += 1) {
      expectProblem(await mint(attacker, `guess ${guess}`), 422, "wrong_password");
    }
    const refused = await mint(attacker, account.password);
    expectProblem(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBe(15 * 60);
    // The same count as the logins: that address cannot log in either.
    expectProblem(
      await app.api.post("/api/v1/auth/login", { username: "vera", password: account.password }, from(attacker)),
      429,
      "rate_limited",
    );
    expect(await app.core.access.listApiKeys(account.user.id)).toHaveLength(0);

    expect((await mint("198.51.100.50", account.password)).status).toBe(201);
  });
});
