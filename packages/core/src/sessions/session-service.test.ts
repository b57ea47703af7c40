// Login sessions over the in-memory store, with the fixture's clock and fake secrets (`h:` + token
// is the hash; tokens count up, so each is new).
import { describe, expect, it } from "vitest";
import { createCoreFixture, unwrap } from "../testing/core-fixture.js";
import { sessionLimits } from "./session.js";

const start = "2026-03-10T12:00:00Z";
const dayMs = 24 * 60 * 60 * 1000;
/** A password login at the start: what every session here was opened by. */
const login = { method: "password", at: new Date(start) } as const;
const at = (days: number, extraMs = 0) => new Date(new Date(start).getTime() + days * dayMs + extraMs);

describe("starting a session", () => {
  it("opens a family with an hrt_ token valid for 7 days, stored only as a hash", async () => {
    const { core, store, user } = await createCoreFixture({ now: start });
    const session = unwrap(await core.sessions.start(user.id, login));
    expect(session.refreshToken).toMatch(/^hrt_[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt).toEqual(at(sessionLimits.refreshTokenDays));
    const stored = await store.sessions.findTokenByHash(`h:${session.refreshToken}`);
    expect(stored).toMatchObject({
      familyId: session.familyId,
      expiresAt: at(7),
      rotatedAt: null,
      family: { id: session.familyId, userId: user.id, revokedAt: null },
    });
    expect(JSON.stringify(stored)).not.toContain(`"${session.refreshToken}"`);
    expect(await core.sessions.isActive(user.id, session.familyId)).toBe(true);
  });

  it("is refused for an unknown user", async () => {
    const { core } = await createCoreFixture();
    expect(await core.sessions.start("user-999999", login)).toEqual({ ok: false, reason: "not_found" });
  });

  it("each login is its own family", async () => {
    const { core, user } = await createCoreFixture();
    const first = unwrap(await core.sessions.start(user.id, login));
    const second = unwrap(await core.sessions.start(user.id, login));
    expect(second.familyId).not.toBe(first.familyId);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });
});

describe("refreshing", () => {
  it("rotates: the presented token is marked rotated and a new one of the same family lives 7 more days; the login stays", async () => {
    const { core, clock, store, user } = await createCoreFixture({ now: start });
    const session = unwrap(await core.sessions.start(user.id, login));
    clock.set(at(3).toISOString());
    const refreshed = unwrap(await core.sessions.refresh(session.refreshToken));
    expect(refreshed).toEqual({
      userId: user.id,
      familyId: session.familyId,
      refreshToken: expect.stringMatching(/^hrt_/),
      expiresAt: at(10),
      // A refresh is not a login: the family's login time and method come back unchanged.
      login,
    });
    expect(refreshed.refreshToken).not.toBe(session.refreshToken);
    expect((await store.sessions.findTokenByHash(`h:${session.refreshToken}`))?.rotatedAt).toEqual(at(3));
    expect((await store.sessions.findTokenByHash(`h:${refreshed.refreshToken}`))?.rotatedAt).toBeNull();

    clock.set(at(9).toISOString());
    const again = unwrap(await core.sessions.refresh(refreshed.refreshToken));
    expect(again).toMatchObject({ familyId: session.familyId, expiresAt: at(16) });
  });

  it("presenting a rotated token again is reuse: the whole family is revoked, its newest token too", async () => {
    const { core, store, user } = await createCoreFixture();
    const session = unwrap(await core.sessions.start(user.id, login));
    const next = unwrap(await core.sessions.refresh(session.refreshToken));

    expect(await core.sessions.refresh(session.refreshToken)).toEqual({ ok: false, reason: "token_reused" });
    expect((await store.sessions.findTokenByHash(`h:${next.refreshToken}`))?.family).toMatchObject({
      revokedAt: expect.any(Date),
      revokedReason: "reuse",
    });
    expect(await core.sessions.refresh(next.refreshToken)).toEqual({ ok: false, reason: "session_revoked" });
    expect(await core.sessions.isActive(user.id, session.familyId)).toBe(false);
  });

  it("reuse revokes only that family: the user's other sessions go on", async () => {
    const { core, user } = await createCoreFixture();
    const stolen = unwrap(await core.sessions.start(user.id, login));
    const other = unwrap(await core.sessions.start(user.id, login));
    unwrap(await core.sessions.refresh(stolen.refreshToken));
    expect(await core.sessions.refresh(stolen.refreshToken)).toMatchObject({ ok: false, reason: "token_reused" });
    expect(await core.sessions.isActive(user.id, other.familyId)).toBe(true);
    expect((await core.sessions.refresh(other.refreshToken)).ok).toBe(true);
  });

  it("a rotated token is reuse even once it has expired", async () => {
    const { core, clock, user } = await createCoreFixture({ now: start });
    const session = unwrap(await core.sessions.start(user.id, login));
    const next = unwrap(await core.sessions.refresh(session.refreshToken));
    clock.set(at(8).toISOString());
    expect(await core.sessions.refresh(session.refreshToken)).toEqual({ ok: false, reason: "token_reused" });
    expect(await core.sessions.isActive(user.id, next.familyId)).toBe(false);
  });

  it("of two refreshes of one token at once, at most one succeeds, and a reuse revokes the family", async () => {
    const { core, user } = await createCoreFixture();
    const session = unwrap(await core.sessions.start(user.id, login));
    const answers = await Promise.all([
      core.sessions.refresh(session.refreshToken),
      core.sessions.refresh(session.refreshToken),
    ]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok).map((answer) => !answer.ok && answer.reason)).toEqual([
      "token_reused",
    ]);
    expect(await core.sessions.isActive(user.id, session.familyId)).toBe(false);
  });

  it("works until just before 7 days and is expired at exactly 7 days, without revoking the family", async () => {
    const { core, clock, user } = await createCoreFixture({ now: start });
    const kept = unwrap(await core.sessions.start(user.id, login));
    const lapsed = unwrap(await core.sessions.start(user.id, login));
    clock.set(at(7, -1).toISOString());
    expect((await core.sessions.refresh(kept.refreshToken)).ok).toBe(true);
    clock.set(at(7).toISOString());
    expect(await core.sessions.refresh(lapsed.refreshToken)).toEqual({ ok: false, reason: "token_expired" });
    expect(await core.sessions.refresh(lapsed.refreshToken)).toEqual({ ok: false, reason: "token_expired" });
    expect(await core.sessions.isActive(user.id, lapsed.familyId)).toBe(true);
  });

  it("unknown and malformed tokens are invalid, and nothing is revoked", async () => {
    const { core, user } = await createCoreFixture();
    const session = unwrap(await core.sessions.start(user.id, login));
    const token = session.refreshToken;
    const unknown = `hrt_${"A".repeat(43)}`;
    const malformed = [
      "",
      "hrt_",
      token.slice(4),
      `${token}x`,
      token.slice(0, -1),
      ` ${token}`,
      `hab_${token.slice(4)}`,
    ];
    for (const wrong of [unknown, ...malformed]) {
      expect(await core.sessions.refresh(wrong)).toEqual({ ok: false, reason: "invalid_token" });
      expect(await core.sessions.logout(wrong)).toEqual({ ok: false, reason: "invalid_token" });
    }
    expect(await core.sessions.isActive(user.id, session.familyId)).toBe(true);
    expect((await core.sessions.refresh(token)).ok).toBe(true);
  });
});

describe("ending sessions", () => {
  it("logout revokes the token's family; a second logout is fine", async () => {
    const { core, store, user } = await createCoreFixture();
    const session = unwrap(await core.sessions.start(user.id, login));
    expect(await core.sessions.logout(session.refreshToken)).toEqual({ ok: true, value: true });
    expect(await core.sessions.isActive(user.id, session.familyId)).toBe(false);
    expect(await core.sessions.refresh(session.refreshToken)).toEqual({ ok: false, reason: "session_revoked" });
    expect(await core.sessions.logout(session.refreshToken)).toEqual({ ok: true, value: true });
    expect((await store.sessions.findTokenByHash(`h:${session.refreshToken}`))?.family.revokedReason).toBe("logout");
  });

  it("logout with an expired or rotated token of the session still ends it", async () => {
    const { core, clock, user } = await createCoreFixture({ now: start });
    const rotated = unwrap(await core.sessions.start(user.id, login));
    unwrap(await core.sessions.refresh(rotated.refreshToken));
    unwrap(await core.sessions.logout(rotated.refreshToken));
    expect(await core.sessions.isActive(user.id, rotated.familyId)).toBe(false);

    const expired = unwrap(await core.sessions.start(user.id, login));
    clock.set(at(30).toISOString());
    unwrap(await core.sessions.logout(expired.refreshToken));
    expect(await core.sessions.isActive(user.id, expired.familyId)).toBe(false);
  });

  it("logoutAll revokes every open session of the user and counts them; other users' stay", async () => {
    const { core, otherUser, user } = await createCoreFixture();
    const sessions = [];
    for (let opened = 0; opened < 3; opened++) sessions.push(unwrap(await core.sessions.start(user.id, login)));
    unwrap(await core.sessions.logout(sessions[0]?.refreshToken ?? ""));
    const stranger = await otherUser();
    const theirs = unwrap(await core.sessions.start(stranger.id, login));

    expect(await core.sessions.logoutAll(user.id)).toBe(2);
    for (const session of sessions) expect(await core.sessions.isActive(user.id, session.familyId)).toBe(false);
    expect(await core.sessions.refresh(sessions[2]?.refreshToken ?? "")).toEqual({
      ok: false,
      reason: "session_revoked",
    });
    expect(await core.sessions.isActive(stranger.id, theirs.familyId)).toBe(true);
    expect(await core.sessions.logoutAll(user.id)).toBe(0);
  });

  it("revokeOthers keeps the given session and revokes the rest (a password change)", async () => {
    const { core, store, user } = await createCoreFixture();
    const current = unwrap(await core.sessions.start(user.id, login));
    const laptop = unwrap(await core.sessions.start(user.id, login));
    const phone = unwrap(await core.sessions.start(user.id, login));
    expect(await core.sessions.revokeOthers(user.id, current.familyId)).toBe(2);
    expect(await core.sessions.isActive(user.id, current.familyId)).toBe(true);
    expect(await core.sessions.isActive(user.id, laptop.familyId)).toBe(false);
    expect(await core.sessions.isActive(user.id, phone.familyId)).toBe(false);
    expect((await store.sessions.findTokenByHash(`h:${phone.refreshToken}`))?.family.revokedReason).toBe(
      "password_change",
    );
    expect((await core.sessions.refresh(current.refreshToken)).ok).toBe(true);
  });

  it("a revoked family keeps the reason it was first revoked for", async () => {
    const { core, store, user } = await createCoreFixture();
    const session = unwrap(await core.sessions.start(user.id, login));
    unwrap(await core.sessions.logout(session.refreshToken));
    expect(await core.sessions.logoutAll(user.id)).toBe(0);
    expect((await store.sessions.findTokenByHash(`h:${session.refreshToken}`))?.family.revokedReason).toBe("logout");
  });
});

describe("isActive", () => {
  it("is false for another user's family and for an unknown one", async () => {
    const { core, otherUser, user } = await createCoreFixture();
    const session = unwrap(await core.sessions.start(user.id, login));
    const stranger = await otherUser();
    expect(await core.sessions.isActive(stranger.id, session.familyId)).toBe(false);
    expect(await core.sessions.isActive(user.id, "session-999999")).toBe(false);
    expect(await core.sessions.isActive(user.id, session.familyId)).toBe(true);
  });

  it("another user cannot revoke my session with their logoutAll or revokeOthers", async () => {
    const { core, otherUser, user } = await createCoreFixture();
    const session = unwrap(await core.sessions.start(user.id, login));
    const stranger = await otherUser();
    expect(await core.sessions.logoutAll(stranger.id)).toBe(0);
    expect(await core.sessions.revokeOthers(stranger.id, "session-999999")).toBe(0);
    expect(await core.sessions.isActive(user.id, session.familyId)).toBe(true);
  });
});
