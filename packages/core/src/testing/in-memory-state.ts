// The rows of the in-memory store: one map per table of prisma/schema.prisma that the ports reach,
// with the key columns the database uses for its uniqueness rules. Plain data only, so a
// transaction can snapshot the whole state with structuredClone and put it back on rollback.
import type { LoginCode } from "../access/access.js";
import type { ApiKeyScope, SessionLogin } from "../access/credentials.js";
import type { Completion } from "../completions/completion.js";
import type { HabitFields } from "../habits/habit.js";
import type { SummaryKind } from "../ports/store.js";
import type { RewardDraw, RewardFields, RewardProgress } from "../rewards/reward.js";
import type { SessionRevokedReason } from "../sessions/session.js";
import type { LocalDate } from "../time/local-date.js";
import type { LocalTime } from "../time/local-time.js";
import type { User } from "../users/user.js";

export interface UserRow extends Omit<User, "hasPassword"> {
  usernameKey: string | null;
  emailKey: string | null;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
}

export interface HabitRow {
  id: string;
  userId: string;
  fields: Omit<HabitFields, "tags">;
  tagIds: string[];
  /** The name key while the habit is active, null once archived (archived habits free their name). */
  activeNameKey: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TagRow {
  id: string;
  userId: string;
  name: string;
  nameKey: string;
  color: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DrawRow extends RewardDraw {
  userId: string;
  createdAt: Date;
}

export interface RewardRow {
  id: string;
  userId: string;
  fields: RewardFields;
  /** The name key while the reward is active, null otherwise. */
  activeNameKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface ProgressRow extends RewardProgress {
  rewardId: string;
  userId: string;
}

export interface ClaimRow {
  id: string;
  userId: string;
  rewardId: string;
  pieces: number;
  claimedAt: Date;
}

export interface ReminderClaimRow {
  id: string;
  userId: string;
  habitId: string;
  date: LocalDate;
  time: LocalTime;
  claimedAt: Date;
  sentAt: Date | null;
  attempts: number;
}

export interface ApiKeyRow {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface SessionFamilyRow {
  id: string;
  userId: string;
  createdAt: Date;
  login: SessionLogin | null;
  revokedAt: Date | null;
  revokedReason: SessionRevokedReason | null;
}

export interface RefreshTokenRow {
  id: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
  rotatedAt: Date | null;
}

export interface SummaryClaimRow {
  id: string;
  userId: string;
  kind: SummaryKind;
  period: string;
  claimedAt: Date;
  sentAt: Date | null;
}

export interface State {
  users: Map<string, UserRow>;
  habits: Map<string, HabitRow>;
  tags: Map<string, TagRow>;
  completions: Map<string, Completion>;
  draws: Map<string, DrawRow>;
  rewards: Map<string, RewardRow>;
  /** By reward id (one progress row per reward). */
  progress: Map<string, ProgressRow>;
  claims: Map<string, ClaimRow>;
  reminderClaims: Map<string, ReminderClaimRow>;
  summaryClaims: Map<string, SummaryClaimRow>;
  loginCodes: Map<string, LoginCode>;
  apiKeys: Map<string, ApiKeyRow>;
  sessionFamilies: Map<string, SessionFamilyRow>;
  refreshTokens: Map<string, RefreshTokenRow>;
}

export function emptyState(): State {
  return {
    users: new Map(),
    habits: new Map(),
    tags: new Map(),
    completions: new Map(),
    draws: new Map(),
    rewards: new Map(),
    progress: new Map(),
    claims: new Map(),
    reminderClaims: new Map(),
    summaryClaims: new Map(),
    loginCodes: new Map(),
    apiKeys: new Map(),
    sessionFamilies: new Map(),
    refreshTokens: new Map(),
  };
}

/** What every repository of one store (or of one transaction) works with. */
export interface Scope {
  /** The current state; throws once the transaction these repositories belong to has ended. */
  state(): State;
  /** A fresh Date from the store's clock. */
  now(): Date;
  /** The next id of a kind: `habit-000003`. Zero-padded, so string order is creation order. */
  newId(kind: string): string;
}

/** What a foreign key (or the user scoping of a write) refuses: there is no UniqueRule for it. */
export function notFound(what: string): Error {
  return new Error(`${what} not found: the write refers to a row that does not exist or is not the user's`);
}

/** Lists ordered like `ORDER BY createdAt, id`. */
export function byCreatedAtThenId(a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || compareText(a.id, b.id);
}

/** Binary string order, as SQLite compares text. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Deletes habits and what cascades from them: completions, draws and reminder claims (reminders
 * and tag links live in the row).
 */
export function deleteHabits(state: State, habitIds: ReadonlySet<string>): void {
  for (const id of habitIds) state.habits.delete(id);
  for (const [id, completion] of state.completions) if (habitIds.has(completion.habitId)) state.completions.delete(id);
  for (const [id, draw] of state.draws) if (habitIds.has(draw.habitId)) state.draws.delete(id);
  for (const [id, claim] of state.reminderClaims) if (habitIds.has(claim.habitId)) state.reminderClaims.delete(id);
}

/** Deletes rewards with their progress and claims; draws that picked them keep existing with rewardId null. */
export function deleteRewards(state: State, rewardIds: ReadonlySet<string>): void {
  for (const id of rewardIds) {
    state.rewards.delete(id);
    state.progress.delete(id);
  }
  for (const [id, claim] of state.claims) if (rewardIds.has(claim.rewardId)) state.claims.delete(id);
  for (const draw of state.draws.values())
    if (draw.rewardId !== null && rewardIds.has(draw.rewardId)) draw.rewardId = null;
}

/** Drops the keys whose value is undefined, as Prisma ignores them in an update. */
export function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
