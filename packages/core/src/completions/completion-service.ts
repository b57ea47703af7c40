// Logging a habit as done, and undoing it: the completion, the streaks, the reward draw and the
// reward piece change together in one transaction, under the user's lock.
import type { CoreDependencies } from "../core-dependencies.js";
import type { Habit } from "../habits/habit.js";
import { isDueDay, isWithinRange, periodKindOf } from "../habits/schedule.js";
import type { CompletionFilter, Repositories } from "../ports/store.js";
import { UniqueViolation } from "../ports/store.js";
import { draw, type Odds, oddsOf } from "../rewards/draw.js";
import { type Reward, type RewardProgress, rewardStatus } from "../rewards/reward.js";
import { fail, ok, type Result } from "../shared/result.js";
import { FieldErrors, type Invalid } from "../shared/validation.js";
import { type StreakSummary, summarizeStreaks } from "../streaks/streaks.js";
import { addDays, isLocalDate, type LocalDate, minDate } from "../time/local-date.js";
import { periodOf } from "../time/periods.js";
import { localDateAt } from "../time/zone.js";
import type { User } from "../users/user.js";
import type { Completion, CompletionSource } from "./completion.js";
import { carriedStreak, counts, expectedStreaks, recomputeStreaks } from "./streak-recompute.js";

export interface CompleteInput {
  userId: string;
  habitId: string;
  /** Local date; the user's today when absent. */
  date?: string;
  value?: number | null;
  note?: string | null;
  source: CompletionSource;
}

export interface RewardOutcome {
  won: boolean;
  reward?: Reward;
  progress?: RewardProgress;
}

export interface MilestoneReached {
  /** "streak": a 7, 30 or 100 streak; "target": the habit's own milestone count. */
  kind: "streak" | "target";
  value: number;
}

export interface CompletionOutcome {
  completion: Completion;
  streak: StreakSummary;
  reward: RewardOutcome;
  odds: Odds;
  milestone?: MilestoneReached;
}

export type CompleteFailure =
  | Invalid
  | { reason: "not_found" }
  | { reason: "habit_archived" }
  | { reason: "future_date"; today: LocalDate }
  | { reason: "outside_backdate_window"; earliest: LocalDate }
  | { reason: "before_start_date"; startDate: LocalDate }
  | { reason: "after_end_date"; endDate: LocalDate }
  | { reason: "already_completed"; date: LocalDate };

/** In an atomic batch, an item that succeeded but was undone because another failed. */
/** ...and one after the failure, never tried: every item gets a result. */
export type BatchItemResult = Result<
  CompletionOutcome,
  CompleteFailure | { reason: "rolled_back" } | { reason: "not_attempted" }
>;

export interface RevertInput {
  userId: string;
  habitId: string;
  /** The completion to undo; the latest when absent. */
  date?: string;
}

export interface RevertOutcome {
  reverted: Completion;
  streak: StreakSummary;
  /** The reward whose piece was taken back, if the completion had earned one still held. */
  rewardTakenBack?: Reward;
}

export type RevertFailure = Invalid | { reason: "not_found" } | { reason: "nothing_to_revert" };

export const streakMilestones = [7, 30, 100] as const;
export const noteLimit = 500;

export function createCompletionService(deps: CoreDependencies) {
  const today = (user: User) => localDateAt(deps.clock.now(), user.timezone);

  async function completeWith(
    tx: Repositories,
    input: CompleteInput,
  ): Promise<Result<CompletionOutcome, CompleteFailure>> {
    await tx.users.lock(input.userId);
    const user = await tx.users.findById(input.userId);
    const habit = user && (await tx.habits.findById(input.userId, input.habitId));
    if (!user || !habit) return fail({ reason: "not_found" });

    const errors = new FieldErrors();
    if (input.date !== undefined && !isLocalDate(input.date)) {
      errors.add({ field: "date", code: "invalid_format", limit: "YYYY-MM-DD" });
    }
    const value = input.value ?? null;
    if (habit.type === "measurable") {
      if (value === null) errors.add({ field: "value", code: "required" });
      else errors.number("value", value, { greaterThan: 0, max: 1_000_000 });
    } else if (value !== null) {
      errors.add({ field: "value", code: "not_allowed" });
    }
    const note = input.note?.trim() || null;
    errors.text("note", note, { max: noteLimit });
    if (!errors.isEmpty) return fail({ reason: "invalid", errors: errors.errors });

    if (habit.archivedAt !== null) return fail({ reason: "habit_archived" });
    const now = today(user);
    const date = input.date ?? now;
    if (date > now) return fail({ reason: "future_date", today: now });
    const earliest = addDays(now, -deps.settings.backdateDays);
    if (date < earliest && input.source !== "import") return fail({ reason: "outside_backdate_window", earliest });
    if (habit.startDate !== null && date < habit.startDate)
      return fail({ reason: "before_start_date", startDate: habit.startDate });
    if (habit.endDate !== null && date > habit.endDate)
      return fail({ reason: "after_end_date", endDate: habit.endDate });
    if (await tx.completions.findByDate(habit.id, date)) return fail({ reason: "already_completed", date });

    const counted = counts(habit, value);
    const before = await tx.completions.listForHabit(habit.id);
    const history = [...before, { id: "", date, value }].sort((a, b) => a.date.localeCompare(b.date));
    const streaks = expectedStreaks(habit, history);
    const streakAtDate = streaks[history.findIndex((item) => item.id === "")] ?? 0;
    const carried = carriedStreak(
      habit,
      history,
      streaks,
      history.findIndex((item) => item.id === ""),
    );
    const odds = counted ? oddsOf(habit.weight, carried, user.rewardOdds) : { totalWeight: 0, winChance: 0 };
    let completion: Completion;
    try {
      completion = await tx.completions.insert({
        habitId: habit.id,
        userId: user.id,
        date,
        value,
        note,
        source: input.source,
        streak: streakAtDate,
        ...odds,
      });
    } catch (error) {
      // Another request logged the same date first: the database decided.
      if (error instanceof UniqueViolation && error.rule === "completion_date")
        return fail({ reason: "already_completed", date });
      throw error;
    }
    // A backdated completion can join or split later streaks.
    const later = before.flatMap((item) => {
      const streak = streaks[history.findIndex((entry) => entry.id === item.id)] ?? 0;
      return item.streak === streak ? [] : [{ id: item.id, streak }];
    });
    if (later.length > 0) await tx.completions.setStreaks(later);

    const reward = counted ? await drawForCompletion(tx, user, habit, date, now, odds) : { won: false };
    const countedDates = history.filter((item) => counts(habit, item.value)).map((item) => item.date);
    const streak = summarizeStreaks(habit, countedDates, now);
    const milestone = counted ? milestoneReached(habit, streakAtDate, countedDates.length) : undefined;
    return ok({ completion, streak, reward, odds, ...(milestone ? { milestone } : {}) });
  }

  async function drawForCompletion(
    tx: Repositories,
    user: User,
    habit: Habit,
    date: LocalDate,
    now: LocalDate,
    odds: Odds,
  ): Promise<RewardOutcome> {
    const previous = await tx.draws.find(habit.id, date);
    if (previous) {
      // Undo and redo of the same day: the first draw stands; a piece it won comes back.
      if (!previous.won || previous.rewardId === null) return { won: false };
      const reward = await tx.rewards.findById(user.id, previous.rewardId);
      if (!reward?.active) return { won: false };
      // Its piece was spent in a claim before the undo, so it was never taken back: no second one.
      if (previous.pieceHeld) return { won: true, reward, progress: reward.progress };
      await tx.draws.setPieceHeld(previous.id, true, now);
      return awardPiece(tx, reward);
    }
    const rewards = await tx.rewards.list(user.id, { active: true });
    const eligible: Reward[] = [];
    for (const reward of rewards) {
      if (rewardStatus(reward) === "achieved") continue;
      // A one-time reward, once claimed, is never won again (even if it was made active again).
      if (reward.progress.claimed && !reward.isRecurring) continue;
      if (
        reward.maxDailyClaims !== null &&
        (await tx.draws.countHeldAwardedOn(reward.id, now)) >= reward.maxDailyClaims
      )
        continue;
      eligible.push(reward);
    }
    const guaranteed =
      user.rewardOdds.guaranteeLastHabit &&
      date === now &&
      eligible.length > 0 &&
      (await nothingElseDueToday(tx, user, now));
    const { rewardId } = draw(odds, eligible, guaranteed, deps.random);
    await tx.draws.insert({
      userId: user.id,
      habitId: habit.id,
      date,
      won: rewardId !== null,
      rewardId,
      awardedOn: now,
      pieceHeld: rewardId !== null,
    });
    const won = eligible.find((reward) => reward.id === rewardId);
    return won ? awardPiece(tx, won) : { won: false };
  }

  async function awardPiece(tx: Repositories, reward: Reward): Promise<RewardOutcome> {
    // A new piece makes a claimed recurring reward pending again.
    const progress = { ...reward.progress, piecesEarned: reward.progress.piecesEarned + 1, claimed: false };
    await tx.rewards.setProgress(reward.id, progress);
    return { won: true, reward: { ...reward, progress }, progress };
  }

  /** After this completion, is any other active habit still due today? */
  async function nothingElseDueToday(tx: Repositories, user: User, now: LocalDate): Promise<boolean> {
    const habits = await tx.habits.list(user.id, { status: "active" });
    const monthStart = periodOf("month", now).start;
    const weekStart = periodOf("week", now).start;
    const from = minDate(monthStart, weekStart);
    const done = await tx.completions.listForUser(user.id, { from, to: now });
    return habits.every((habit) => !isStillDue(habit, now, done));
  }

  async function revertWith(tx: Repositories, input: RevertInput): Promise<Result<RevertOutcome, RevertFailure>> {
    if (input.date !== undefined && !isLocalDate(input.date)) {
      return fail({ reason: "invalid", errors: [{ field: "date", code: "invalid_format", limit: "YYYY-MM-DD" }] });
    }
    await tx.users.lock(input.userId);
    const user = await tx.users.findById(input.userId);
    const habit = user && (await tx.habits.findById(input.userId, input.habitId));
    if (!user || !habit) return fail({ reason: "not_found" });
    const target =
      input.date !== undefined
        ? await tx.completions.findByDate(habit.id, input.date)
        : (await tx.completions.listForHabit(habit.id)).at(-1);
    if (!target) return fail({ reason: "nothing_to_revert" });

    await tx.completions.delete(target.id);
    let rewardTakenBack: Reward | undefined;
    const drawn = await tx.draws.find(habit.id, target.date);
    if (drawn?.won && drawn.pieceHeld && drawn.rewardId !== null) {
      const reward = await tx.rewards.findById(user.id, drawn.rewardId);
      // A piece already spent in a claim cannot be taken back: it stays with its draw (held), so a
      // redo of this date does not award it a second time, and progress never goes below zero.
      if (reward && reward.progress.piecesEarned > 0) {
        await tx.draws.setPieceHeld(drawn.id, false, drawn.awardedOn);
        const progress = { ...reward.progress, piecesEarned: reward.progress.piecesEarned - 1 };
        await tx.rewards.setProgress(reward.id, progress);
        rewardTakenBack = { ...reward, progress };
      }
    }
    const history = await recomputeStreaks(tx.completions, habit);
    const countedDates = history.filter((item) => counts(habit, item.value)).map((item) => item.date);
    const streak = summarizeStreaks(habit, countedDates, today(user));
    return ok({ reverted: target, streak, ...(rewardTakenBack ? { rewardTakenBack } : {}) });
  }

  return {
    /** Logs a habit as done on a date (today by default). */
    complete(input: CompleteInput): Promise<Result<CompletionOutcome, CompleteFailure>> {
      return deps.store.transaction((tx) => completeWith(tx, input));
    },

    /** Undoes one completion (the latest by default); the piece it earned is taken back. */
    revert(input: RevertInput): Promise<Result<RevertOutcome, RevertFailure>> {
      return deps.store.transaction((tx) => revertWith(tx, input));
    },

    /**
     * Several completions. Atomic: all or none (the first failure rolls everything back, and the
     * failures are reported per item). Otherwise each item stands alone.
     */
    async completeMany(items: readonly CompleteInput[], options: { atomic: boolean }): Promise<BatchItemResult[]> {
      if (!options.atomic) {
        const results: BatchItemResult[] = [];
        for (const item of items) results.push(await deps.store.transaction((tx) => completeWith(tx, item)));
        return results;
      }
      const results: BatchItemResult[] = [];
      try {
        await deps.store.transaction(async (tx) => {
          for (const item of items) {
            const result = await completeWith(tx, item);
            results.push(result);
            if (!result.ok) throw rollback;
          }
        });
        return results;
      } catch (error) {
        if (error !== rollback) throw error;
        // Nothing was kept: the items before the failure are reported as rolled back.
        const tried = results.map((result): BatchItemResult => (result.ok ? fail({ reason: "rolled_back" }) : result));
        const untried = items.slice(results.length).map((): BatchItemResult => fail({ reason: "not_attempted" }));
        return [...tried, ...untried];
      }
    },

    /**
     * The user's active habits, those still to be done today (what "Done today" offers) and those
     * done today: together, today's habits (a Mon/Wed habit on a Tuesday is neither).
     */
    async dueToday(
      userId: string,
    ): Promise<{ today: LocalDate; habits: Habit[]; due: Habit[]; doneToday: Habit[] } | undefined> {
      const user = await deps.store.users.findById(userId);
      if (!user) return undefined;
      const now = today(user);
      const habits = await deps.store.habits.list(userId, { status: "active" });
      const from = minDate(periodOf("month", now).start, periodOf("week", now).start);
      const done = await deps.store.completions.listForUser(userId, { from, to: now });
      const loggedToday = new Map(done.filter((item) => item.date === now).map((item) => [item.habitId, item]));
      const isDoneToday = (habit: Habit) => {
        const logged = loggedToday.get(habit.id);
        return logged !== undefined && counts(habit, logged.value);
      };
      return {
        today: now,
        habits,
        due: habits.filter((habit) => isStillDue(habit, now, done)),
        doneToday: habits.filter(isDoneToday),
      };
    },

    /** Current and longest streak of one habit today. */
    async streakOf(userId: string, habitId: string): Promise<StreakSummary | undefined> {
      const user = await deps.store.users.findById(userId);
      const habit = user && (await deps.store.habits.findById(userId, habitId));
      if (!user || !habit) return undefined;
      const history = await deps.store.completions.listForHabit(habit.id);
      const countedDates = history.filter((item) => counts(habit, item.value)).map((item) => item.date);
      return summarizeStreaks(habit, countedDates, today(user));
    },

    /** A habit's completions, oldest first, optionally within dates; undefined when it is not the user's. */
    async list(
      userId: string,
      habitId: string,
      range: { from?: LocalDate; to?: LocalDate } = {},
    ): Promise<Completion[] | undefined> {
      const habit = await deps.store.habits.findById(userId, habitId);
      if (!habit) return undefined;
      return deps.store.completions.listForHabit(habit.id, range);
    },

    /** The user's completions of every habit, within dates (all when absent), by date, then habit. */
    listForUser(userId: string, range: { from?: LocalDate; to?: LocalDate } = {}): Promise<Completion[]> {
      return deps.store.completions.listForUser(userId, {
        from: range.from ?? "0000-01-01",
        to: range.to ?? "9999-12-31",
      });
    },

    /** One of the user's completions (a habit log) by id. */
    findLog(userId: string, id: string): Promise<Completion | undefined> {
      return deps.store.completions.findById(userId, id);
    },

    /**
     * The user's logs newest first (date, then id): a page by offset, or the ones after a
     * (date, id) position (a cursor), with how many the filter gives in all.
     */
    async logs(
      userId: string,
      filter: CompletionFilter,
      page: { before?: { date: LocalDate; id: string }; offset?: number; limit: number },
    ): Promise<{ items: Completion[]; totalCount: number }> {
      const items = await deps.store.completions.listNewestFirst(userId, filter, page);
      return { items, totalCount: await deps.store.completions.countForUser(userId, filter) };
    },
  };
}

const rollback = new Error("batch rolled back");

/**
 * Is the habit still to be done on `date`, given the user's completions around it? Not once it was
 * done that day (one completion per day): a weekly habit at 1 of 3 is done for today. (A
 * measurable log below its target is not done: it stays due.)
 */
export function isStillDue(habit: Habit, date: LocalDate, completions: readonly Completion[]): boolean {
  if (habit.archivedAt !== null || !isWithinRange(habit, date)) return false;
  const mine = completions.filter((completion) => completion.habitId === habit.id && counts(habit, completion.value));
  if (mine.some((completion) => completion.date === date)) return false;
  const kind = periodKindOf(habit);
  if (kind === null) return isDueDay(habit, date);
  const period = periodOf(kind, date);
  const done = mine.filter((completion) => completion.date >= period.start && completion.date <= period.end).length;
  return done < habit.frequency.timesPerPeriod;
}

function milestoneReached(habit: Habit, streak: number, countedTotal: number): MilestoneReached | undefined {
  if (habit.milestoneTarget !== null && countedTotal === habit.milestoneTarget)
    return { kind: "target", value: countedTotal };
  if ((streakMilestones as readonly number[]).includes(streak)) return { kind: "streak", value: streak };
  return undefined;
}
