// The in-memory attempt log behind the login limits: windows, atomic adds, and bounded memory.
import { describe, expect, it } from "vitest";
import { createMemoryAttemptLog } from "./login-throttle.js";

function clockAt(start: string) {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

const minute = 60_000;

describe("the in-memory attempt log", () => {
  it("adds until the window holds the limit, then names the oldest entry; old entries fall out", async () => {
    const clock = clockAt("2026-03-10T12:00:00Z");
    const log = createMemoryAttemptLog({ clock });
    const window = () => ({ since: new Date(clock.now().getTime() - 15 * minute), limit: 2 });

    const first = clock.now();
    expect(await log.add("k", clock.now(), window())).toMatchObject({ added: true });
    clock.advance(minute);
    expect(await log.add("k", clock.now(), window())).toMatchObject({ added: true });
    expect(await log.add("k", clock.now(), window())).toEqual({ added: false, oldest: first });
    expect(await log.count("k", window().since)).toBe(2);

    clock.advance(14 * minute + 1);
    expect(await log.count("k", window().since)).toBe(1);
    expect(await log.add("k", clock.now(), window())).toMatchObject({ added: true });
  });

  it("removes one entry by its id, or a whole key", async () => {
    const clock = clockAt("2026-03-10T12:00:00Z");
    const log = createMemoryAttemptLog({ clock });
    const window = { since: new Date(0), limit: 10 };
    const added = await log.add("k", clock.now(), window);
    await log.add("k", clock.now(), window);
    if (!added.added) throw new Error("not added");

    await log.remove("k", added.id);
    expect(await log.count("k", new Date(0))).toBe(1);
    await log.clear("k");
    expect(await log.count("k", new Date(0))).toBe(0);
  });

  it("forgets keys older than its longest window, and past maxKeys the least recently used", async () => {
    const clock = clockAt("2026-03-10T12:00:00Z");
    const log = createMemoryAttemptLog({ clock, maxAgeMs: 60 * minute, maxKeys: 3 });
    const window = { since: new Date(0), limit: 10 };
    for (const key of ["a", "b", "c"]) await log.add(key, clock.now(), window);
    await log.add("a", clock.now(), window);

    // A fourth key: "b", used least recently, goes.
    await log.add("d", clock.now(), window);
    expect(await log.count("b", new Date(0))).toBe(0);
    expect(await log.count("a", new Date(0))).toBe(2);

    // An hour on, a new key sweeps out every stale one.
    clock.advance(61 * minute);
    await log.add("e", clock.now(), window);
    for (const key of ["a", "c", "d"]) expect(await log.count(key, new Date(0))).toBe(0);
    expect(await log.count("e", new Date(0))).toBe(1);
  });
});
