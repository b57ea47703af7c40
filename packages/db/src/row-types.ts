// Compile-time proof that both generated clients return identical rows for every model: if the
// PostgreSQL schema ever drifts from the SQLite one, typecheck fails here.
import type * as Postgresql from "./generated/postgresql/client.ts";
import type * as Sqlite from "./generated/sqlite/client.ts";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type RowTypesMatch = [
  Assert<Same<Sqlite.User, Postgresql.User>>,
  Assert<Same<Sqlite.RefreshTokenFamily, Postgresql.RefreshTokenFamily>>,
  Assert<Same<Sqlite.RefreshToken, Postgresql.RefreshToken>>,
  Assert<Same<Sqlite.ApiKey, Postgresql.ApiKey>>,
  Assert<Same<Sqlite.LoginCode, Postgresql.LoginCode>>,
  Assert<Same<Sqlite.Habit, Postgresql.Habit>>,
  Assert<Same<Sqlite.HabitReminder, Postgresql.HabitReminder>>,
  Assert<Same<Sqlite.Tag, Postgresql.Tag>>,
  Assert<Same<Sqlite.HabitTag, Postgresql.HabitTag>>,
  Assert<Same<Sqlite.Completion, Postgresql.Completion>>,
  Assert<Same<Sqlite.RewardDraw, Postgresql.RewardDraw>>,
  Assert<Same<Sqlite.Reward, Postgresql.Reward>>,
  Assert<Same<Sqlite.RewardProgress, Postgresql.RewardProgress>>,
  Assert<Same<Sqlite.RewardClaim, Postgresql.RewardClaim>>,
  Assert<Same<Sqlite.ReminderClaim, Postgresql.ReminderClaim>>,
  Assert<Same<Sqlite.SummaryClaim, Postgresql.SummaryClaim>>,
  Assert<Same<Sqlite.ProcessedUpdate, Postgresql.ProcessedUpdate>>,
  Assert<Same<Sqlite.BotSession, Postgresql.BotSession>>,
  Assert<Same<Sqlite.IdempotencyKey, Postgresql.IdempotencyKey>>,
];
