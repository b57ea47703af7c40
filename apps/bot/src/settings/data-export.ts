// "Export my data": everything the account owns, as one JSON document, from the core's services.
import type { Completion, Core, Habit, Reward, RewardClaim } from "@habits/core";

export interface DataExport {
  format: "habits-export";
  version: 1;
  exportedAt: string;
  /** The profile and settings; never a password hash. */
  account: Record<string, unknown>;
  habits: Habit[];
  completions: Completion[];
  rewards: Reward[];
  claims: RewardClaim[];
}

export async function buildDataExport(core: Core, userId: string, now: Date): Promise<DataExport | undefined> {
  const user = await core.users.get(userId);
  if (!user) return undefined;
  // Picked field by field, so a secret added to User later is not exported by accident.
  const account = {
    id: user.id,
    username: user.username,
    email: user.email,
    name: user.name,
    telegram: user.telegram,
    language: user.language,
    timezone: user.timezone,
    rewardOdds: user.rewardOdds,
    reminders: user.reminders,
    hasPassword: user.hasPassword,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
  const habits = await core.habits.list(userId, "all");
  const completions: Completion[] = [];
  for (const habit of habits) completions.push(...((await core.completions.list(userId, habit.id)) ?? []));
  return {
    format: "habits-export",
    version: 1,
    exportedAt: now.toISOString(),
    account,
    habits,
    completions,
    rewards: await core.rewards.list(userId),
    claims: await core.rewards.claims(userId),
  };
}

/** The export as a file's bytes: indented JSON, dates as ISO strings. */
export function exportFileContent(data: DataExport): Buffer {
  return Buffer.from(`${JSON.stringify(data, null, 2)}\n`, "utf8");
}
