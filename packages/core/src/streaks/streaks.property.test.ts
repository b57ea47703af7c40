// Properties of the streak rules over arbitrary habits and histories. Histories are drawn as day
// offsets from a few base dates chosen so that they cross a year end with ISO week 53
// (2026-12-28 .. 2027-01-03), Feb 29 2028, and months of 28 to 31 days.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueDaysBetween, isDueDay, isWithinRange, periodKindOf, type ScheduleFields } from "../habits/schedule.js";
import { dailyHabit, monthlyHabit, weeklyHabit } from "../testing/habit-fixtures.js";
import { addDays, eachDate, type IsoWeekday, type LocalDate } from "../time/local-date.js";
import { type Period, type PeriodKind, periodOf, previousPeriod } from "../time/periods.js";
import { nextDailyStreak, requiredIn, streaksOf, summarizeStreaks } from "./streaks.js";

/** Days a history may span from its base date. */
const span = 120;
const bases = ["2026-11-15", "2028-01-10", "2027-01-20"] as const;
const weekdays: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

interface Scenario {
  habit: ScheduleFields;
  base: LocalDate;
}

const range = fc.record({
  start: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  end: fc.option(fc.integer({ min: 60, max: span }), { nil: null }),
});

const daily = fc
  .record({
    exemptWeekdays: fc.subarray(weekdays, { maxLength: 6 }),
    allowedSkipDays: fc.integer({ min: 0, max: 7 }),
  })
  .map((fields) => dailyHabit(fields));

const periodic = fc.oneof(
  fc.integer({ min: 1, max: 7 }).map((times) => weeklyHabit(times)),
  fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 31 })).map((times) => monthlyHabit(times)),
);

/** A habit of any frequency, with or without a date range, and the base date of its history. */
const scenario = (habits: fc.Arbitrary<ScheduleFields> = fc.oneof(daily, periodic)): fc.Arbitrary<Scenario> =>
  fc.record({ habit: habits, base: fc.constantFrom(...bases), range }).map(({ habit, base, range }) => ({
    base,
    habit: {
      ...habit,
      startDate: range.start === null ? null : addDays(base, range.start),
      endDate: range.end === null ? null : addDays(base, range.end),
    },
  }));

/** Day offsets: scattered, or runs of consecutive days with gaps between (where streaks grow). */
const offsets = fc.oneof(
  fc.uniqueArray(fc.integer({ min: 0, max: span }), { maxLength: 60, size: "max" }),
  fc
    .array(fc.record({ gap: fc.integer({ min: 1, max: 9 }), run: fc.integer({ min: 1, max: 12 }) }), {
      maxLength: 12,
      size: "max",
    })
    .map((runs) => {
      const days: number[] = [];
      let day = -1;
      for (const { gap, run } of runs) {
        day += gap;
        for (let index = 0; index < run; index += 1) days.push(day + index);
        day += run - 1;
      }
      return days.filter((offset) => offset <= span);
    }),
);

/** The completion dates a history can hold: unique, ascending, inside the habit's range. */
function datesOf({ habit, base }: Scenario, days: readonly number[]): LocalDate[] {
  const dates = [...new Set(days)].sort((a, b) => a - b).map((day) => addDays(base, day));
  return dates.filter((date) => isWithinRange(habit, date));
}

const history = fc
  .tuple(scenario(), offsets)
  .map(([scenario, days]) => ({ ...scenario, dates: datesOf(scenario, days) }));

const quick = { numRuns: 100 };

describe("streak properties", () => {
  it("no streak exceeds the completions up to it, and the longest never exceeds their count", () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: span + 60 }), ({ habit, base, dates }, todayOffset) => {
        streaksOf(habit, dates).forEach((streak, index) => {
          expect(streak).toBeLessThanOrEqual(index + 1);
        });
        expect(summarizeStreaks(habit, dates, addDays(base, todayOffset)).longest).toBeLessThanOrEqual(dates.length);
      }),
      quick,
    );
  });

  it("the current streak never exceeds the longest", () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: span + 60 }), ({ habit, base, dates }, todayOffset) => {
        const { current, longest } = summarizeStreaks(habit, dates, addDays(base, todayOffset));
        expect(current).toBeGreaterThanOrEqual(0);
        expect(current).toBeLessThanOrEqual(longest);
      }),
      quick,
    );
  });

  it("every daily completion has a streak of at least 1, either 1 or one more than the previous", () => {
    fc.assert(
      fc.property(
        fc.tuple(scenario(daily), offsets).map(([scenario, days]) => ({ ...scenario, dates: datesOf(scenario, days) })),
        ({ habit, dates }) => {
          const streaks = streaksOf(habit, dates);
          streaks.forEach((streak, index) => {
            expect(streak).toBeGreaterThanOrEqual(1);
            expect([1, (streaks[index - 1] ?? 0) + 1]).toContain(streak);
          });
        },
      ),
      quick,
    );
  });

  it("on the day of the latest completion the current streak is that completion's streak", () => {
    fc.assert(
      fc.property(history, ({ habit, dates }) => {
        const last = dates.at(-1);
        fc.pre(last !== undefined);
        if (last === undefined) return;
        expect(summarizeStreaks(habit, dates, last).current).toBe(streaksOf(habit, dates).at(-1));
      }),
      quick,
    );
  });

  it("a dead current streak stays dead while days pass without a completion", () => {
    fc.assert(
      fc.property(history, ({ habit, dates }) => {
        const last = dates.at(-1);
        fc.pre(last !== undefined);
        if (last === undefined) return;
        let dead = false;
        for (const today of eachDate(last, addDays(last, 45))) {
          const { current } = summarizeStreaks(habit, dates, today);
          if (dead) expect(current).toBe(0);
          dead = current === 0;
        }
      }),
      { numRuns: 30 },
    );
  });

  it("daily streaks match a count back over gaps within the allowance", () => {
    fc.assert(
      fc.property(
        fc.tuple(scenario(daily), offsets).map(([scenario, days]) => ({ ...scenario, dates: datesOf(scenario, days) })),
        ({ habit, dates }) => {
          const expected = dates.map((_date, index) => {
            let streak = 1;
            for (let at = index; at > 0; at -= 1) {
              const [before, after] = [dates[at - 1], dates[at]];
              if (before === undefined || after === undefined) break;
              if (bruteDueDaysBetween(habit, before, after) > habit.allowedSkipDays) break;
              streak += 1;
            }
            return streak;
          });
          expect(streaksOf(habit, dates)).toEqual(expected);
        },
      ),
      quick,
    );
  });

  it("period streaks count the complete periods in a row up to each completion's own", () => {
    fc.assert(
      fc.property(
        fc
          .tuple(scenario(periodic), offsets)
          .map(([scenario, days]) => ({ ...scenario, dates: datesOf(scenario, days) })),
        ({ habit, dates }) => {
          const kind = periodKindOf(habit) as PeriodKind;
          const expected = dates.map((date, index) => {
            // Only what was done up to this completion counts; earlier periods are whole in it.
            const counts = countsByPeriod(kind, dates.slice(0, index + 1));
            const own = periodOf(kind, date);
            let streak = (counts.get(own.start) ?? 0) >= requiredIn(habit, own) ? 1 : 0;
            for (
              let period = previousPeriod(own);
              (counts.get(period.start) ?? 0) >= requiredIn(habit, period);
              period = previousPeriod(period)
            )
              streak += 1;
            return streak;
          });
          expect(streaksOf(habit, dates)).toEqual(expected);
        },
      ),
      quick,
    );
  });

  it("dueDaysBetween counts the due days strictly between two dates", () => {
    fc.assert(
      fc.property(
        scenario(daily),
        fc.integer({ min: -3, max: span }),
        fc.integer({ min: 0, max: span }),
        ({ habit, base }, from, to) => {
          const [after, before] = [addDays(base, from), addDays(base, to)];
          expect(dueDaysBetween(habit, after, before)).toBe(bruteDueDaysBetween(habit, after, before));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("incremental recomputation equals recomputing from scratch", () => {
  type Operation =
    | { kind: "complete"; step: number }
    | { kind: "backdate"; day: number }
    | { kind: "revert"; pick: number };

  const operations = fc.array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({ kind: fc.constant("complete" as const), step: fc.integer({ min: 1, max: 4 }) }),
      },
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant("backdate" as const), day: fc.integer({ min: 0, max: span }) }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant("revert" as const), pick: fc.nat() }) },
    ),
    { minLength: 1, maxLength: 40, size: "max" },
  );

  it("after every complete, backdate and revert, the stored streaks equal streaksOf the dates", () => {
    fc.assert(
      fc.property(scenario(), operations, ({ habit, base }, ops) => {
        const stored: Stored[] = [];
        for (const operation of ops) {
          const changed = apply(habit, base, stored, operation);
          if (changed === undefined) continue;
          recomputeFrom(habit, stored, changed);
          const dates = stored.map((completion) => completion.date);
          expect(stored.map((completion) => completion.streak)).toEqual(streaksOf(habit, dates));
        }
      }),
      quick,
    );
  });

  /** Applies one operation to the stored history; returns the date it changed, if any. */
  function apply(
    habit: ScheduleFields,
    base: LocalDate,
    stored: Stored[],
    operation: Operation,
  ): LocalDate | undefined {
    if (operation.kind === "revert") {
      if (stored.length === 0) return undefined;
      const [removed] = stored.splice(operation.pick % stored.length, 1);
      return removed?.date;
    }
    const latest = stored.at(-1)?.date;
    const date =
      operation.kind === "complete"
        ? addDays(latest ?? base, latest === undefined ? operation.step - 1 : operation.step)
        : addDays(base, operation.day);
    // What the service refuses: a duplicate, or a date outside the habit's range.
    if (!isWithinRange(habit, date) || date > addDays(base, span)) return undefined;
    if (stored.some((completion) => completion.date === date)) return undefined;
    // Inserted with a placeholder streak: recomputation must fill it in.
    stored.push({ date, streak: -1 });
    stored.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return date;
  }
});

interface Stored {
  date: LocalDate;
  streak: number;
}

/**
 * What a service does after inserting or reverting the completion on `changed`: recompute only the
 * completions at or after it (period habits: from the start of its period), seeded by the stored
 * streak of the completion just before.
 */
function recomputeFrom(habit: ScheduleFields, stored: Stored[], changed: LocalDate): void {
  const kind = periodKindOf(habit);
  const from = kind === null ? changed : periodOf(kind, changed).start;
  const first = stored.findIndex((completion) => completion.date >= from);
  if (first < 0) return;
  let period: Period | undefined;
  let countInPeriod = 0;
  let chainBefore = 0;
  for (let index = first; index < stored.length; index += 1) {
    const completion = stored[index];
    if (completion === undefined) continue;
    const previous = stored[index - 1];
    if (kind === null) {
      completion.streak = nextDailyStreak(habit, previous, completion.date);
      continue;
    }
    const own = periodOf(kind, completion.date);
    if (own.start !== period?.start) {
      period = own;
      countInPeriod = 0;
      // The previous completion's stored streak is the chain through its period when that period,
      // the one just before, was complete.
      const before = previousPeriod(own);
      const beforeComplete =
        stored.filter((c) => c.date >= before.start && c.date <= before.end).length >= requiredIn(habit, before);
      chainBefore = previous !== undefined && previous.date >= before.start && beforeComplete ? previous.streak : 0;
    }
    countInPeriod += 1;
    completion.streak = countInPeriod >= requiredIn(habit, own) ? chainBefore + 1 : chainBefore;
  }
}

function bruteDueDaysBetween(habit: ScheduleFields, after: LocalDate, before: LocalDate): number {
  return eachDate(addDays(after, 1), addDays(before, -1)).filter((date) => isDueDay(habit, date)).length;
}

function countsByPeriod(kind: PeriodKind, dates: readonly LocalDate[]): Map<LocalDate, number> {
  const counts = new Map<LocalDate, number>();
  for (const date of dates) {
    const start = periodOf(kind, date).start;
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  return counts;
}
