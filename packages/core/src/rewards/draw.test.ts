import { describe, expect, it } from "vitest";
import { scriptedRandom, seededRandom } from "../testing/seeded-random.js";
import { draw, oddsOf, pickByWeight } from "./draw.js";

const defaultOdds = { noRewardWeight: 10, minNoRewardChance: 0.1 };
const rewards = [
  { id: "coffee", weight: 3 },
  { id: "movie", weight: 1 },
];

describe("the odds of a completion", () => {
  it.each([
    { name: "a default habit on day one wins half the time", weight: 10, streak: 0, totalWeight: 10, winChance: 0.5 },
    {
      name: "the streak raises the total weight by 10 % a day",
      weight: 10,
      streak: 5,
      totalWeight: 15,
      winChance: 0.6,
    },
    { name: "a heavier habit wins more often", weight: 30, streak: 0, totalWeight: 30, winChance: 0.75 },
    { name: "the chance is capped so 10 % stays no reward", weight: 100, streak: 30, totalWeight: 400, winChance: 0.9 },
    { name: "a light habit wins rarely", weight: 1, streak: 0, totalWeight: 1, winChance: 1 / 11 },
  ])("$name", ({ weight, streak, totalWeight, winChance }) => {
    const odds = oddsOf(weight, streak, defaultOdds);
    expect(odds.totalWeight).toBeCloseTo(totalWeight, 10);
    expect(odds.winChance).toBeCloseTo(winChance, 10);
  });

  it("a user's larger no-reward floor caps the chance lower", () => {
    expect(oddsOf(100, 0, { noRewardWeight: 10, minNoRewardChance: 0.5 }).winChance).toBe(0.5);
  });
});

describe("the draw", () => {
  it("wins when the roll is under the chance and picks by weight", () => {
    const odds = oddsOf(10, 0, defaultOdds);
    expect(draw(odds, rewards, false, scriptedRandom(0.49, 0.74))).toEqual({ rewardId: "coffee" });
    expect(draw(odds, rewards, false, scriptedRandom(0.49, 0.75))).toEqual({ rewardId: "movie" });
    expect(draw(odds, rewards, false, scriptedRandom(0.5))).toEqual({ rewardId: null });
  });

  it("gives nothing and rolls nothing when no reward is eligible, even when guaranteed", () => {
    expect(draw(oddsOf(10, 0, defaultOdds), [], true, scriptedRandom())).toEqual({ rewardId: null });
  });

  it("a guaranteed draw wins whatever the roll", () => {
    expect(draw(oddsOf(1, 0, defaultOdds), rewards, true, scriptedRandom(0.99, 0.1))).toEqual({ rewardId: "coffee" });
  });

  it("with a fixed seed the outcomes are exactly reproducible", () => {
    const run = () => {
      const random = seededRandom(2026);
      return Array.from({ length: 8 }, () => draw(oddsOf(10, 2, defaultOdds), rewards, false, random).rewardId);
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first).toMatchInlineSnapshot(`
      [
        "coffee",
        null,
        null,
        "coffee",
        null,
        null,
        "coffee",
        "coffee",
      ]
    `);
  });

  it.each([
    { weight: 10, streak: 0 },
    { weight: 10, streak: 10 },
    { weight: 1, streak: 0 },
    { weight: 50, streak: 3 },
    { weight: 100, streak: 50 },
  ])(
    "over 10,000 seeded draws, weight $weight streak $streak wins within 2 points of the formula",
    ({ weight, streak }) => {
      const odds = oddsOf(weight, streak, defaultOdds);
      const random = seededRandom(weight * 1000 + streak);
      let wins = 0;
      for (let index = 0; index < 10_000; index += 1) {
        if (draw(odds, rewards, false, random).rewardId !== null) wins += 1;
      }
      expect(Math.abs(wins / 10_000 - odds.winChance)).toBeLessThan(0.02);
    },
  );

  it("picks rewards in proportion to their weights", () => {
    const random = seededRandom(7);
    let coffee = 0;
    for (let index = 0; index < 10_000; index += 1) if (pickByWeight(rewards, random.next()) === "coffee") coffee += 1;
    expect(Math.abs(coffee / 10_000 - 0.75)).toBeLessThan(0.02);
  });
});
