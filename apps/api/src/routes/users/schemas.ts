import {
  type ApiKeyInfo,
  accessLimits,
  apiKeyScopes,
  languages,
  passwordLimits,
  summaryModes,
  type User,
} from "@habits/core";
import { pageSchema } from "../../http/paging.js";
import { iso, isoOrNull, timestampSchema } from "../../openapi/common.js";
import { z } from "../../openapi/zod.js";

/** bcrypt reads 72 bytes: a longer password is refused rather than cut (docs/domain.md). */
export const passwordDescription = `At least ${passwordLimits.min} characters and at most ${passwordLimits.maxBytes} bytes (UTF-8)`;

/** The proof of identity an account change carries (docs/api.md, "Credentials: who may do what"). */
const currentPassword = z
  .string()
  .optional()
  .openapi({ description: "The current password: the proof for an account that has one" });
const verificationCode = z
  .string()
  .regex(new RegExp(`^\\s*\\d{${accessLimits.loginCodeDigits}}\\s*$`), `must be ${accessLimits.loginCodeDigits} digits`)
  .optional()
  .openapi({
    description: "For a Telegram-only account: the code the bot sent (POST /users/me/verification-code)",
    example: "123456",
  });

const localTime = z.string().openapi({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$", example: "22:00" });

export const userSchema = z
  .strictObject({
    id: z.string(),
    username: z.string().nullable().openapi({ example: "alice" }),
    email: z.string().nullable().openapi({ example: "alice@example.com" }),
    name: z.string().nullable().openapi({ example: "Alice" }),
    telegram: z
      .strictObject({ id: z.number().int(), username: z.string().nullable() })
      .nullable()
      .openapi({ description: "The linked Telegram account, if any" }),
    language: z.enum(languages),
    timezone: z.string().openapi({ description: "IANA time zone", example: "Europe/Berlin" }),
    rewardOdds: z
      .strictObject({
        noRewardWeight: z.number().openapi({ description: "Weight of 'no reward' in each draw" }),
        minNoRewardChance: z.number().openapi({ description: "At least this chance of no reward (0.1–1)" }),
        guaranteeLastHabit: z.boolean().openapi({ description: "The last habit due today always wins a reward" }),
      })
      .openapi("RewardOdds"),
    reminders: z
      .strictObject({
        enabled: z.boolean(),
        quietHours: z.strictObject({ start: localTime, end: localTime }).nullable(),
        summary: z.strictObject({ mode: z.enum(summaryModes), time: localTime }),
      })
      .openapi("ReminderSettings"),
    hasPassword: z
      .boolean()
      .openapi({ description: "Whether account changes take the password as their proof (else `code`)" }),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .openapi("User");

export function presentUser(user: User): z.input<typeof userSchema> {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    name: user.name,
    telegram: user.telegram ? { id: user.telegram.id, username: user.telegram.username } : null,
    language: user.language,
    timezone: user.timezone,
    rewardOdds: { ...user.rewardOdds },
    reminders: {
      enabled: user.reminders.enabled,
      quietHours: user.reminders.quietHours ? { ...user.reminders.quietHours } : null,
      summary: { ...user.reminders.summary },
    },
    hasPassword: user.hasPassword,
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
  };
}

/** A JSON Merge Patch of the profile: fields left out stay, `null` clears a nullable one. */
export const profilePatchSchema = z
  .strictObject({
    username: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    name: z.string().nullable().optional(),
    language: z.enum(languages).optional(),
    timezone: z.string().optional().openapi({ description: "IANA time zone", example: "Asia/Almaty" }),
    rewardOdds: z
      .strictObject({
        noRewardWeight: z.number().optional(),
        minNoRewardChance: z.number().optional(),
        guaranteeLastHabit: z.boolean().optional(),
      })
      .optional(),
    reminders: z
      .strictObject({
        enabled: z.boolean().optional(),
        quietHours: z.strictObject({ start: localTime, end: localTime }).nullable().optional(),
        summary: z.strictObject({ mode: z.enum(summaryModes).optional(), time: localTime.optional() }).optional(),
      })
      .optional(),
    currentPassword,
    code: verificationCode,
  })
  .openapi("ProfilePatch");

export const passwordChangeSchema = z
  .strictObject({
    currentPassword,
    code: verificationCode,
    newPassword: z.string().openapi({ description: passwordDescription }),
    revokeApiKeys: z.boolean().optional().openapi({ description: "Revoke every API key too (`false` unless said)" }),
  })
  .openapi("PasswordChange");

export const accountDeletionSchema = z
  .strictObject({
    password: z.string().optional().openapi({ description: "Required when the account has a password" }),
    code: verificationCode,
  })
  .openapi("AccountDeletion");

export const apiKeySchema = z
  .strictObject({
    id: z.string(),
    name: z.string().openapi({ example: "My script" }),
    prefix: z
      .string()
      .openapi({ description: "The key's first characters, to tell keys apart", example: "hab_3kT9xQ2a" }),
    scopes: z.array(z.enum(apiKeyScopes)).openapi({ description: "What the key may do", example: ["read", "write"] }),
    createdAt: timestampSchema,
    lastUsedAt: timestampSchema.nullable(),
  })
  .openapi("ApiKey");

export const apiKeyPageSchema = pageSchema(apiKeySchema, "ApiKeyPage");

// A new object, not `extend`: an extended component becomes `allOf`, and ApiKey's
// `additionalProperties: false` would refuse `key` there.
export const createdApiKeySchema = z
  .strictObject({
    ...apiKeySchema.shape,
    key: z.string().openapi({ description: "The key itself: shown in this answer only", example: "hab_..." }),
  })
  .openapi("CreatedApiKey");

export const apiKeyCreationSchema = z
  .strictObject({
    name: z.string().openapi({ example: "My script" }),
    scopes: z
      .array(z.string())
      .optional()
      .openapi({
        description: "A non-empty subset of `read`, `write`: what the key may do (both unless said)",
        example: ["read"],
      }),
    currentPassword,
    code: verificationCode,
  })
  .openapi("ApiKeyCreation");

export const verificationCodeSentSchema = z
  .strictObject({
    detail: z.string(),
    expiresIn: z.number().int().openapi({ description: "Seconds the code works for", example: 300 }),
  })
  .openapi("VerificationCodeSent");

export function presentApiKey(apiKey: ApiKeyInfo): z.input<typeof apiKeySchema> {
  return {
    id: apiKey.id,
    name: apiKey.name,
    prefix: apiKey.prefix,
    scopes: [...apiKey.scopes],
    createdAt: iso(apiKey.createdAt),
    lastUsedAt: isoOrNull(apiKey.lastUsedAt),
  };
}
