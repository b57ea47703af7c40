// What the core needs from storage. packages/db implements it with Prisma (SQLite, PostgreSQL);
// packages/core/src/testing implements it in memory for the core's own tests. Both must behave
// the same: the contract tests in tests/db/store-contract.test.ts run against both.
//
// Rules every implementation keeps:
// - Ids are assigned by the store.
// - Every read and write of a user's data is scoped by userId: another user's id is "not found"
//   (undefined / false), never an error and never their data.
// - A write that breaks a uniqueness rule throws `UniqueViolation` naming the rule, and changes
//   nothing.
// - Lists come back in a stable order (stated per method).
import type { ApiKeyInfo, LoginCode } from "../access/access.js";
import type { ApiKeyScope, SessionLogin } from "../access/credentials.js";
import type { Completion, CompletionSource } from "../completions/completion.js";
import type { Habit, HabitFields } from "../habits/habit.js";
import type { Reward, RewardClaim, RewardDraw, RewardFields, RewardProgress } from "../rewards/reward.js";
import type { SessionRevokedReason, StoredRefreshToken } from "../sessions/session.js";
import type { Tag, TagFields } from "../tags/tag.js";
import type { LocalDate } from "../time/local-date.js";
import type { LocalTime } from "../time/local-time.js";
import type { Language, ReminderSettings, RewardOdds, SummarySettings, TelegramIdentity, User } from "../users/user.js";

/** The uniqueness rules of the data model, as the store reports them. */
export type UniqueRule =
  | "user_username"
  | "user_email"
  | "user_telegram"
  | "habit_active_name"
  | "tag_name"
  | "completion_date"
  | "draw_date"
  | "reward_active_name"
  | "reminder_claim"
  | "api_key_hash"
  | "refresh_token_hash"
  | "summary_claim";

export class UniqueViolation extends Error {
  override name = "UniqueViolation";
  constructor(readonly rule: UniqueRule) {
    super(`unique rule ${rule} refused the write`);
  }
}

export interface NewUser {
  username?: string | null;
  email?: string | null;
  passwordHash?: string | null;
  name?: string | null;
  telegram?: TelegramIdentity | null;
  language?: Language;
  timezone?: string;
}

export interface UserChanges {
  username?: string | null;
  email?: string | null;
  name?: string | null;
  telegram?: TelegramIdentity | null;
  language?: Language;
  timezone?: string;
  timezoneChosenAt?: Date | null;
  rewardOdds?: Partial<RewardOdds>;
  reminders?: ReminderChanges;
  telegramBlockedAt?: Date | null;
}

/** A change of the reminder settings: each field, and each of the summary's, is optional. */
export interface ReminderChanges extends Partial<Omit<ReminderSettings, "summary">> {
  summary?: Partial<SummarySettings>;
}

export interface UserRepository {
  /** Throws UniqueViolation (user_username, user_email, user_telegram); keys compare case-insensitively. */
  create(user: NewUser): Promise<User>;
  findById(id: string): Promise<User | undefined>;
  findByTelegramId(telegramId: number): Promise<User | undefined>;
  /**
   * The accounts whose Telegram username (as last seen) is this one, case-insensitively, without
   * the `@`. Usernames change hands on Telegram, so a stale one can match several accounts.
   */
  findByTelegramUsername(username: string): Promise<User[]>;
  /** By username or email, case-insensitively. */
  findByLogin(usernameOrEmail: string): Promise<User | undefined>;
  /** Undefined when there is no such user. Throws UniqueViolation like create. */
  update(id: string, changes: UserChanges): Promise<User | undefined>;
  getPasswordHash(id: string): Promise<string | null>;
  setPasswordHash(id: string, passwordHash: string, changedAt: Date): Promise<void>;
  /** Deletes the user and everything they own. */
  delete(id: string): Promise<boolean>;
  /**
   * Inside a transaction: holds the user's row until it ends, so a user's multi-step changes
   * (complete + draw + award) run one at a time across processes.
   */
  lock(id: string): Promise<void>;
}

export interface HabitFilter {
  status?: "active" | "archived" | "all";
}

export interface HabitRepository {
  /** Throws UniqueViolation("habit_active_name"); creates missing tags by name. */
  create(userId: string, fields: HabitFields): Promise<Habit>;
  /** Replaces every field (reminders and tags included). Undefined when not found. */
  update(userId: string, id: string, fields: HabitFields): Promise<Habit | undefined>;
  findById(userId: string, id: string): Promise<Habit | undefined>;
  /** Ordered by createdAt, then id. Default status: "active". */
  list(userId: string, filter?: HabitFilter): Promise<Habit[]>;
  /** Archive (a date) or unarchive (null). Unarchiving throws UniqueViolation("habit_active_name") if the name is taken. */
  setArchivedAt(userId: string, id: string, archivedAt: Date | null): Promise<Habit | undefined>;
  /** Permanently, with its completions, draws and reminders. */
  delete(userId: string, id: string): Promise<boolean>;
  /** How many habits the user has, active and archived: the habit limit, and the next palette color. */
  count(userId: string): Promise<number>;
}

export interface NewCompletion {
  habitId: string;
  userId: string;
  date: LocalDate;
  value: number | null;
  note: string | null;
  source: CompletionSource;
  streak: number;
  totalWeight: number;
  winChance: number;
}

/** The user's completions within [from, to] (each bound optional), of one habit when given. */
export interface CompletionFilter {
  from?: LocalDate;
  to?: LocalDate;
  habitId?: string;
}

export interface CompletionRepository {
  /** Throws UniqueViolation("completion_date") when the habit already has one on that date. */
  insert(completion: NewCompletion): Promise<Completion>;
  findByDate(habitId: string, date: LocalDate): Promise<Completion | undefined>;
  /** The habit's completions, ascending by date; optionally within [from, to]. */
  listForHabit(habitId: string, range?: { from?: LocalDate; to?: LocalDate }): Promise<Completion[]>;
  /** The user's completions of all habits in [from, to], ascending by date, then habitId. */
  listForUser(userId: string, range: { from: LocalDate; to: LocalDate }): Promise<Completion[]>;
  /** One of the user's completions by id; undefined for another user's. */
  findById(userId: string, id: string): Promise<Completion | undefined>;
  /**
   * The user's completions newest first (date, then id, both descending, binary order), filtered;
   * with `before`, only those after that (date, id) position in this order (a keyset page).
   */
  listNewestFirst(
    userId: string,
    filter: CompletionFilter,
    page: { before?: { date: LocalDate; id: string }; offset?: number; limit: number },
  ): Promise<Completion[]>;
  /** How many completions the filter gives. */
  countForUser(userId: string, filter: CompletionFilter): Promise<number>;
  delete(id: string): Promise<void>;
  setStreaks(changes: ReadonlyArray<{ id: string; streak: number }>): Promise<void>;
}

export interface NewDraw {
  userId: string;
  habitId: string;
  date: LocalDate;
  won: boolean;
  rewardId: string | null;
  awardedOn: LocalDate;
  pieceHeld: boolean;
}

export interface DrawRepository {
  /** Throws UniqueViolation("draw_date") when the habit already has a draw on that date. */
  insert(draw: NewDraw): Promise<RewardDraw>;
  find(habitId: string, date: LocalDate): Promise<RewardDraw | undefined>;
  setPieceHeld(id: string, pieceHeld: boolean, awardedOn: LocalDate): Promise<void>;
  /** Pieces of this reward awarded on a local day and still held (claimed ones included). */
  countHeldAwardedOn(rewardId: string, awardedOn: LocalDate): Promise<number>;
}

export interface RewardFilter {
  active?: boolean;
}

export interface RewardRepository {
  /** With its progress row (all zero). Throws UniqueViolation("reward_active_name"). */
  create(userId: string, fields: RewardFields): Promise<Reward>;
  update(userId: string, id: string, fields: RewardFields): Promise<Reward | undefined>;
  findById(userId: string, id: string): Promise<Reward | undefined>;
  /** Ordered by createdAt, then id. */
  list(userId: string, filter?: RewardFilter): Promise<Reward[]>;
  delete(userId: string, id: string): Promise<boolean>;
  /** Sets the progress row (the service computes the new values under the user's lock). */
  setProgress(rewardId: string, progress: RewardProgress): Promise<void>;
  recordClaim(userId: string, rewardId: string, pieces: number, claimedAt: Date): Promise<RewardClaim>;
  /** Newest first. */
  listClaims(userId: string): Promise<RewardClaim[]>;
}

/** One reminder of a habit on a local date, as it is claimed: the unique key is habit, date and time. */
export interface ReminderToClaim {
  userId: string;
  habitId: string;
  date: LocalDate;
  time: LocalTime;
}

/** A claim that was never marked sent, as `unsent` lists it. */
export interface UnsentReminderClaim extends ReminderToClaim {
  /** When the latest attempt was taken: the claim, or the latest `retry`. */
  claimedAt: Date;
  /** Send attempts taken so far: the claim is the first, each `retry` one more. */
  attempts: number;
}

/**
 * Reminder claims: a reminder is claimed in the database before it is sent, so restarts and
 * several running instances never send it twice (unique on habit, date and time).
 */
export interface ReminderRepository {
  /**
   * The habits reminders may be due for: active habits with at least one reminder, of users with
   * reminders on who have not blocked the bot. Ordered by user id, then the habit's createdAt and id.
   * (Every such habit, on every tick: HabitReminder.nextDueAt can narrow it to the due ones later.)
   */
  candidates(): Promise<Array<{ user: User; habit: Habit }>>;
  /** The `reminderKey(habitId, date, time)` of every claim of these habits on these dates. */
  claimedKeys(habitIds: readonly string[], dates: readonly LocalDate[]): Promise<Set<string>>;
  /**
   * Claims a reminder (its first send attempt, made at `at`). False, changing nothing, when that
   * habit, date and time was claimed already: the process that gets true sends it.
   */
  claim(reminder: ReminderToClaim, at: Date): Promise<boolean>;
  /** Records that the claimed reminder was sent. Nothing happens when there is no such claim. */
  markSent(habitId: string, date: LocalDate, time: LocalTime, at: Date): Promise<void>;
  /**
   * Claims left unsent whose latest attempt was taken before `olderThan`, with fewer than
   * `maxAttempts` attempts, across all users; ordered by claimedAt, then habit id, date and time.
   * Only reads: a process takes one for another attempt with `retry`.
   */
  unsent(olderThan: Date, maxAttempts: number): Promise<UnsentReminderClaim[]>;
  /**
   * Takes an unsent claim for another attempt: attempts + 1 and claimedAt = `at`, only while it is
   * still unsent and still at the attempts `unsent` listed. False when it was sent or another
   * process took it meanwhile: of several processes retrying one claim, one gets true.
   */
  retry(claim: UnsentReminderClaim, at: Date): Promise<boolean>;
}

export type SummaryKind = "daily" | "weekly";

/**
 * One summary of a user, as it is claimed: the unique key is user, kind and period (the local
 * date `2026-12-01` of a daily one, the ISO week `2026-W49` of a weekly one).
 */
export interface SummaryToClaim {
  userId: string;
  kind: SummaryKind;
  period: string;
}

/**
 * Summary claims: a summary is claimed in the database before it is sent, so restarts and several
 * running instances never send it twice (unique on user, kind and period).
 */
export interface SummaryRepository {
  /**
   * The users a summary may be due for: summary mode not off, not blocked, with at least one
   * active habit (an empty summary says nothing). Ordered by id.
   */
  candidates(): Promise<User[]>;
  /** The `summaryKey(userId, kind, period)` of every claim of these users in these periods. */
  claimedKeys(userIds: readonly string[], periods: readonly string[]): Promise<Set<string>>;
  /** Claims a summary at `at`. False, changing nothing, when it was claimed already: the process that gets true sends it. */
  claim(summary: SummaryToClaim, at: Date): Promise<boolean>;
  /** Records that the claimed summary was sent. Nothing happens when there is no such claim. */
  markSent(summary: SummaryToClaim, at: Date): Promise<void>;
}

export interface NewLoginCode {
  userId: string;
  codeHash: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface NewApiKey {
  userId: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
}

/** Login codes and API keys (LoginCode and ApiKey rows): hashes only, never the secrets. */
export interface AccessRepository {
  /**
   * Stores a new code and, in the same write, consumes (at its createdAt) every earlier code of
   * the user still unconsumed: only the newest code can ever be used.
   */
  insertLoginCode(code: NewLoginCode): Promise<LoginCode>;
  /** The createdAt of each code the user was issued strictly after `since`, consumed ones included; ascending. */
  loginCodesIssuedSince(userId: string, since: Date): Promise<Date[]>;
  /** The user's newest unconsumed code (by createdAt, then id), expired or not. */
  latestLoginCode(userId: string): Promise<LoginCode | undefined>;
  /** Adds one failed try, atomically; the code's failed tries after it (0 when there is no such code). */
  recordFailedTry(codeId: string): Promise<number>;
  /** Consumes the code only if it is still unconsumed: of several concurrent calls, one gets true. */
  consumeLoginCode(codeId: string, at: Date): Promise<boolean>;
  /** Throws UniqueViolation("api_key_hash") when the hash is stored already. */
  insertApiKey(key: NewApiKey): Promise<ApiKeyInfo>;
  /** The user's keys not revoked, newest first (createdAt, then id, descending). */
  listApiKeys(userId: string): Promise<ApiKeyInfo[]>;
  /** The key with this hash and its owner, unless it was revoked. */
  findApiKeyByHash(keyHash: string): Promise<{ apiKey: ApiKeyInfo; userId: string } | undefined>;
  /** False when the key is not the user's, or is revoked already. */
  revokeApiKey(userId: string, keyId: string, at: Date): Promise<boolean>;
  /** Revokes every key of the user not revoked yet; how many it revoked. */
  revokeApiKeys(userId: string, at: Date): Promise<number>;
  /** Sets lastUsedAt; nothing happens when there is no such key. */
  touchApiKey(keyId: string, at: Date): Promise<void>;
}

export interface NewRefreshToken {
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
}

/** Login sessions (RefreshTokenFamily and RefreshToken rows): token hashes only, never the tokens. */
export interface SessionRepository {
  /**
   * Opens a family for the user, created at the token's createdAt, with this token as its first,
   * remembering how the user logged in (none: the family's login is null).
   * Throws UniqueViolation("refresh_token_hash") when the hash is stored already.
   */
  openFamily(userId: string, token: NewRefreshToken, login?: SessionLogin): Promise<StoredRefreshToken>;
  /** Adds a token to the family. Throws UniqueViolation("refresh_token_hash") like openFamily. */
  addToken(familyId: string, token: NewRefreshToken): Promise<StoredRefreshToken>;
  /** The token with this hash and its family, rotated, expired or revoked alike. */
  findTokenByHash(tokenHash: string): Promise<StoredRefreshToken | undefined>;
  /** Marks the token rotated only if it is not yet: of several concurrent calls, one gets true. */
  markRotated(tokenId: string, at: Date): Promise<boolean>;
  /**
   * Revokes the family unless it is revoked already (the first reason stays). False when it was,
   * or when there is no such family.
   */
  revokeFamily(familyId: string, at: Date, reason: SessionRevokedReason): Promise<boolean>;
  /** Revokes each of the user's families not revoked yet, but `exceptFamilyId`; how many it revoked. */
  revokeFamilies(userId: string, at: Date, reason: SessionRevokedReason, exceptFamilyId?: string): Promise<number>;
  /** True when the family is the user's and not revoked: one lookup by its id, for every API request. */
  isFamilyActive(userId: string, familyId: string): Promise<boolean>;
}

/** The user's tags (Tag rows) and their links to habits (HabitTag rows). */
export interface TagRepository {
  /** Ordered by name key, then id. */
  list(userId: string): Promise<Tag[]>;
  findById(userId: string, id: string): Promise<Tag | undefined>;
  /** Which of these ids are the user's tags (unknown ids and other users' tags are left out). */
  ownedIds(userId: string, ids: readonly string[]): Promise<Set<string>>;
  /** Throws UniqueViolation("tag_name") when the user has a tag of that name key. */
  create(userId: string, fields: TagFields): Promise<Tag>;
  /** Replaces name and color. Undefined when not found; throws UniqueViolation("tag_name") like create. */
  update(userId: string, id: string, fields: TagFields): Promise<Tag | undefined>;
  /** Deletes the tag and its links: the habits that carried it no longer do. */
  delete(userId: string, id: string): Promise<boolean>;
  /**
   * Replaces the habit's tags with these (repeats count once) and bumps its updatedAt. False when
   * the habit is not the user's; throws when a tag is not (services check first).
   */
  setHabitTags(userId: string, habitId: string, tagIds: readonly string[]): Promise<boolean>;
  /** Takes the tag off the habit and bumps its updatedAt; false when the user's habit did not carry it. */
  removeHabitTag(userId: string, habitId: string, tagId: string): Promise<boolean>;
}

/** The repositories, seeing one consistent state. */
export interface Repositories {
  users: UserRepository;
  habits: HabitRepository;
  completions: CompletionRepository;
  draws: DrawRepository;
  rewards: RewardRepository;
  reminders: ReminderRepository;
  access: AccessRepository;
  summaries: SummaryRepository;
  sessions: SessionRepository;
  tags: TagRepository;
}

export interface Store extends Repositories {
  /**
   * Runs `work` in one transaction: all of its writes happen or none (it rolls back when `work`
   * throws). The repositories passed to `work` are the ones to use inside it.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
}
