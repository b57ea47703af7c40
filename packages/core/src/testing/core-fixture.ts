// A test builder for the services: the whole core over an in-memory store, a clock the test moves,
// a random source the test can swap between calls, and one user in a chosen zone.
import { type CoreSettings, defaultCoreSettings } from "../core-dependencies.js";
import { type Core, createCore } from "../create-core.js";
import type { Habit } from "../habits/habit.js";
import type { HabitInput } from "../habits/habit-input.js";
import type { Clock } from "../ports/clock.js";
import type { PasswordHasher } from "../ports/password-hasher.js";
import type { RandomSource } from "../ports/random.js";
import type { Store } from "../ports/store.js";
import type { Reward } from "../rewards/reward.js";
import type { RewardInput } from "../rewards/reward-input.js";
import type { Result } from "../shared/result.js";
import type { LocalDate } from "../time/local-date.js";
import { localDateAt } from "../time/zone.js";
import type { User } from "../users/user.js";
import { type FakeSecrets, fakeSecrets } from "./fake-secrets.js";
import { createInMemoryStore } from "./in-memory-store.js";
import { seededRandom } from "./seeded-random.js";

/** The default instant of a fixture: Tuesday 2026-03-10, noon UTC. */
const fixtureNow = "2026-03-10T12:00:00Z";

export interface MovableClock extends Clock {
  set(instant: string): void;
  /** Moves by whole days (24 hours). */
  advanceDays(days: number): void;
}

export function movableClock(start: string): MovableClock {
  let instant = new Date(start).getTime();
  return {
    now: () => new Date(instant),
    set(next) {
      instant = new Date(next).getTime();
    },
    advanceDays(days) {
      instant += days * 24 * 60 * 60 * 1000;
    },
  };
}

/** Stands in for bcrypt: transparent and instant. */
export const fakePasswords: PasswordHasher = {
  async hash(password) {
    return `h:${password}`;
  },
  async verify(password, hash) {
    return hash !== null && hash === `h:${password}`;
  },
};

/** A RandomSource that hands out the numbers of whichever source the test put in last. */
interface SwitchableRandom extends RandomSource {
  use(source: RandomSource): void;
}

function switchableRandom(initial: RandomSource): SwitchableRandom {
  let current = initial;
  return {
    next: () => current.next(),
    use(source) {
      current = source;
    },
  };
}

/** Always 0: every draw with an eligible reward wins, and picks the first eligible reward. */
export const alwaysWin: RandomSource = { next: () => 0 };

/** The value of an ok result; a failure fails the test, showing why. */
export function unwrap<Value, Failure extends { reason: string }>(result: Result<Value, Failure>): Value {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

export interface CoreFixtureOptions {
  now?: string;
  timezone?: string;
  random?: RandomSource;
  settings?: Partial<CoreSettings>;
}

export interface CoreFixture {
  core: Core;
  store: Store;
  clock: MovableClock;
  random: SwitchableRandom;
  /** Login codes and API keys; `secrets.nextDigits("123456")` picks the next code. */
  secrets: FakeSecrets;
  user: User;
  /** The user's local date now. */
  today(): LocalDate;
  /** Creates a habit for the user (a fresh name unless given); fails the test when refused. */
  habit(input?: HabitInput): Promise<Habit>;
  /** Creates a reward for the user (a fresh name unless given); fails the test when refused. */
  reward(input?: RewardInput): Promise<Reward>;
  /** Another user of the same core. */
  otherUser(timezone?: string): Promise<User>;
}

export async function createCoreFixture(options: CoreFixtureOptions = {}): Promise<CoreFixture> {
  const clock = movableClock(options.now ?? fixtureNow);
  const store = createInMemoryStore({ now: clock.now });
  const random = switchableRandom(options.random ?? seededRandom(2026));
  const settings = { ...defaultCoreSettings, ...options.settings };
  const secrets = fakeSecrets();
  const core = createCore({ store, clock, random, settings, passwords: fakePasswords, secrets });
  let users = 0;
  let names = 0;
  const newUser = (timezone: string) => store.users.create({ username: `user${++users}`, timezone });
  const user = await newUser(options.timezone ?? "UTC");

  return {
    core,
    store,
    clock,
    random,
    secrets,
    user,
    today: () => localDateAt(clock.now(), user.timezone),
    async habit(input = {}) {
      return unwrap(await core.habits.create(user.id, { name: `Habit ${++names}`, ...input }));
    },
    async reward(input = {}) {
      return unwrap(await core.rewards.create(user.id, { name: `Reward ${++names}`, ...input }));
    },
    otherUser: (timezone = "UTC") => newUser(timezone),
  };
}
