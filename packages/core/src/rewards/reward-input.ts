import { fail, ok, type Result } from "../shared/result.js";
import { FieldErrors, type Invalid, singleLineName } from "../shared/validation.js";
import type { RewardFields } from "./reward.js";

export interface RewardInput {
  name?: string;
  weight?: number;
  piecesRequired?: number;
  pieceValue?: number | null;
  maxDailyClaims?: number | null;
  isRecurring?: boolean;
  active?: boolean;
}

export const rewardLimits = {
  name: 100,
  weight: 1000,
  piecesRequired: 1000,
  pieceValue: 1_000_000,
  maxDailyClaims: 100,
};

/** Validates a whole reward: `base` holds the current fields on update, defaults on create. */
export function validateReward(input: RewardInput, base?: RewardFields): Result<RewardFields, Invalid> {
  const errors = new FieldErrors();
  const value = <K extends keyof RewardInput>(key: K, fallback: NonNullable<RewardInput[K]> | null) =>
    (input[key] !== undefined ? input[key] : (base?.[key as keyof RewardFields] ?? fallback)) as RewardInput[K];

  const name = singleLineName(value("name", "") ?? "");
  errors.text("name", name, { min: 1, max: rewardLimits.name, required: true });
  const weight = value("weight", 1) ?? 1;
  errors.number("weight", weight, { greaterThan: 0, max: rewardLimits.weight });
  const piecesRequired = value("piecesRequired", 1) ?? 1;
  errors.integer("piecesRequired", piecesRequired, { min: 1, max: rewardLimits.piecesRequired });
  const pieceValue = value("pieceValue", null) ?? null;
  if (pieceValue !== null) errors.number("pieceValue", pieceValue, { min: 0, max: rewardLimits.pieceValue });
  const maxDaily = value("maxDailyClaims", null) ?? null;
  if (maxDaily !== null) errors.integer("maxDailyClaims", maxDaily, { min: 0, max: rewardLimits.maxDailyClaims });
  const isRecurring = value("isRecurring", true) ?? true;
  const active = value("active", true) ?? true;

  if (!errors.isEmpty) return fail({ reason: "invalid", errors: errors.errors });
  return ok({
    name,
    weight,
    piecesRequired,
    pieceValue,
    // 0 and null both mean "no daily limit"; keep one spelling.
    maxDailyClaims: maxDaily === 0 ? null : maxDaily,
    isRecurring,
    active,
  });
}
